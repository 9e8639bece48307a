package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} promises. */
public abstract class SessionStoreContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract SessionStore sessions();

    private final Instant now = Instant.parse("2031-03-04T08:00:00Z");

    private StoredSession save(Person person, Duration length) {
        SessionToken token = SessionToken.random();
        StoredSession s = new StoredSession(token.hash(), person.id(), now, now.plus(length));
        unitOfWork().run(() -> sessions().save(s));
        return s;
    }

    @Test
    public void a_saved_session_is_found_by_its_token_hash_until_it_expires() {
        StoredSession s = save(Fixtures.newRequester(), Duration.ofHours(8));
        assertEquals(Optional.of(s), sessions().find(s.tokenHash(), now.plusSeconds(60)));
        assertTrue(sessions().find(s.tokenHash(), now.plus(Duration.ofHours(8))).isEmpty());
    }

    @Test
    public void an_unknown_token_finds_nothing() {
        assertTrue(sessions().find(SessionToken.random().hash(), now).isEmpty());
    }

    @Test
    public void a_deleted_session_is_gone() {
        StoredSession s = save(Fixtures.newRequester(), Duration.ofHours(8));
        unitOfWork().run(() -> sessions().delete(s.tokenHash()));
        assertTrue(sessions().find(s.tokenHash(), now).isEmpty());
    }

    @Test
    public void deleting_all_sessions_of_a_person_leaves_the_others() {
        Person person = Fixtures.newRequester();
        StoredSession a = save(person, Duration.ofHours(8));
        StoredSession b = save(person, Duration.ofDays(30));
        StoredSession other = save(Fixtures.newRequester(), Duration.ofHours(8));
        assertEquals(2, unitOfWork().inTransaction(() -> sessions().deleteAllOf(person.id())));
        assertTrue(sessions().find(a.tokenHash(), now).isEmpty());
        assertTrue(sessions().find(b.tokenHash(), now).isEmpty());
        assertTrue(sessions().find(other.tokenHash(), now).isPresent());
    }

    @Test
    public void purging_removes_expired_sessions_only() {
        StoredSession shortOne = save(Fixtures.newRequester(), Duration.ofMinutes(1));
        StoredSession longOne = save(Fixtures.newRequester(), Duration.ofDays(3650));
        int purged = unitOfWork().inTransaction(() -> sessions().purgeExpired(now.plus(Duration.ofHours(1))));
        assertTrue(purged >= 1);
        assertTrue(sessions().find(shortOne.tokenHash(), now).isEmpty());
        assertTrue(sessions().find(longOne.tokenHash(), now).isPresent());
    }
}
