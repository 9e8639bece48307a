package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordResets} promises. */
public abstract class PasswordResetsContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract PasswordResets resets();

    private final Instant now = Instant.parse("2031-03-04T08:00:00Z");

    private PasswordReset ask(PersonId person, Instant at, Duration validity) {
        PasswordReset reset = new PasswordReset(ResetToken.random().hash(), person, at, at.plus(validity));
        unitOfWork().run(() -> resets().replace(reset));
        return reset;
    }

    private Optional<PasswordReset> use(PasswordReset reset, Instant at) {
        return unitOfWork().inTransaction(() -> resets().use(reset.tokenHash(), at));
    }

    @Test
    public void a_reset_is_used_once_within_its_validity() {
        PasswordReset reset = ask(Fixtures.newRequester().id(), now, Duration.ofHours(1));
        assertEquals(Optional.of(reset), use(reset, now.plusSeconds(60)));
        assertTrue(use(reset, now.plusSeconds(61)).isEmpty());
    }

    @Test
    public void an_expired_reset_is_not_used_and_is_gone() {
        PersonId person = Fixtures.newRequester().id();
        PasswordReset reset = ask(person, now, Duration.ofHours(1));
        assertTrue(use(reset, now.plus(Duration.ofHours(1))).isEmpty());
        assertTrue(resets().of(person).isEmpty());
    }

    @Test
    public void an_unknown_hash_uses_nothing() {
        assertTrue(use(new PasswordReset(ResetToken.random().hash(), Fixtures.newRequester().id(), now,
                now.plusSeconds(60)), now).isEmpty());
    }

    @Test
    public void a_newer_reset_voids_the_older_of_the_same_person_only() {
        PersonId person = Fixtures.newRequester().id();
        PasswordReset older = ask(person, now, Duration.ofHours(1));
        PasswordReset other = ask(Fixtures.newRequester().id(), now, Duration.ofHours(1));
        PasswordReset newer = ask(person, now.plusSeconds(600), Duration.ofHours(1));
        assertEquals(Optional.of(newer), resets().of(person));
        assertTrue(use(older, now.plusSeconds(601)).isEmpty());
        assertEquals(Optional.of(other), use(other, now.plusSeconds(601)));
        assertEquals(Optional.of(newer), use(newer, now.plusSeconds(601)));
    }

    @Test
    public void a_reset_used_in_a_rolled_back_transaction_is_kept() {
        PersonId person = Fixtures.newRequester().id();
        PasswordReset reset = ask(person, now, Duration.ofHours(1));
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            resets().use(reset.tokenHash(), now);
            throw new IllegalStateException("the password could not be set");
        }));
        assertEquals(Optional.of(reset), resets().of(person));
        assertEquals(Optional.of(reset), use(reset, now));
        assertTrue(resets().of(person).isEmpty());
    }

    @Test
    public void of_racing_users_of_one_reset_one_gets_it() throws Exception {
        PasswordReset reset = ask(Fixtures.newRequester().id(), now, Duration.ofHours(1));
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Optional<PasswordReset>>> calls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                calls.add(() -> use(reset, now));
            }
            int winners = 0;
            for (Future<Optional<PasswordReset>> f : pool.invokeAll(calls)) {
                winners += f.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void purging_removes_expired_resets_only() {
        PasswordReset shortOne = ask(Fixtures.newRequester().id(), now, Duration.ofMinutes(1));
        PasswordReset longOne = ask(Fixtures.newRequester().id(), now, Duration.ofDays(3650));
        int purged = unitOfWork().inTransaction(() -> resets().purgeExpired(now.plus(Duration.ofHours(1))));
        assertTrue(purged >= 1);
        assertTrue(resets().of(shortOne.person()).isEmpty());
        assertEquals(Optional.of(longOne), resets().of(longOne.person()));
    }
}
