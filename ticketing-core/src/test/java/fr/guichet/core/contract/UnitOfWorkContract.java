package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link UnitOfWork} promises: all writes of a transaction across repositories are kept, or none. */
public abstract class UnitOfWorkContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract RequestRepository requests();

    protected abstract NotificationOutbox outbox();

    protected abstract SessionStore sessions();

    private final Instant now = Instant.parse("2031-02-03T10:00:00Z");

    @Test
    public void committed_writes_are_visible_afterwards() {
        Person requester = Fixtures.newRequester();
        Request request = unitOfWork().inTransaction(() -> {
            Request r = Fixtures.request(requests().nextNumber(), requester, now);
            requests().add(r);
            return r;
        });
        assertTrue(unitOfWork().inTransaction(() -> requests().find(request.summaryLine().number())).isPresent());
    }

    @Test
    public void an_exception_rolls_back_every_repository_and_propagates_unchanged() {
        Person requester = Fixtures.newRequester();
        SessionToken token = SessionToken.random();
        RuntimeException failure = new IllegalStateException("boom");
        Request[] filed = new Request[1];
        List<OutboxEntry>[] queued = new List[1];
        RuntimeException thrown = assertThrows(IllegalStateException.class, () -> unitOfWork().inTransaction(() -> {
            filed[0] = Fixtures.request(requests().nextNumber(), requester, now);
            requests().add(filed[0]);
            queued[0] = outbox().enqueue(List.of(notification(requester)), now);
            sessions().save(new StoredSession(token.hash(), requester.id(), now, now.plus(Duration.ofHours(1))));
            throw failure;
        }));
        assertSame(failure, thrown);
        assertTrue(unitOfWork().inTransaction(() -> requests().find(filed[0].summaryLine().number())).isEmpty());
        assertTrue(outbox().find(queued[0].get(0).id()).isEmpty());
        assertTrue(sessions().find(token.hash(), now).isEmpty());
    }

    @Test
    public void a_nested_transaction_joins_the_outer_one() {
        Person requester = Fixtures.newRequester();
        Request[] inner = new Request[1];
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            unitOfWork().run(() -> {
                inner[0] = Fixtures.request(requests().nextNumber(), requester, now);
                requests().add(inner[0]);
            });
            throw new IllegalStateException("outer fails after inner succeeded");
        }));
        assertTrue(unitOfWork().inTransaction(() -> requests().find(inner[0].summaryLine().number())).isEmpty());
    }

    @Test
    public void retryable_work_that_fails_for_its_own_reasons_runs_once_and_is_rolled_back() {
        Person requester = Fixtures.newRequester();
        Request[] filed = new Request[1];
        int[] runs = new int[1];
        RuntimeException failure = new IllegalStateException("boom");
        RuntimeException thrown = assertThrows(IllegalStateException.class, () -> unitOfWork()
                .inRetryableTransaction(() -> {
                    runs[0]++;
                    filed[0] = Fixtures.request(requests().nextNumber(), requester, now);
                    requests().add(filed[0]);
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(1, runs[0]);
        assertTrue(unitOfWork().inTransaction(() -> requests().find(filed[0].summaryLine().number())).isEmpty());
        assertEquals("done", unitOfWork().inRetryableTransaction(() -> "done"));
    }

    @Test
    public void a_read_sees_what_was_committed_and_returns_its_value() {
        Request request = unitOfWork().inTransaction(() -> {
            Request r = Fixtures.request(requests().nextNumber(), Fixtures.newRequester(), now);
            requests().add(r);
            return r;
        });
        assertTrue(unitOfWork().read(() -> requests().find(request.summaryLine().number())).isPresent());
        assertEquals("read", unitOfWork().read(() -> "read"));
    }

    @Test
    public void a_read_inside_a_transaction_sees_its_writes_and_leaves_their_fate_to_it() {
        Request[] inner = new Request[1];
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            inner[0] = Fixtures.request(requests().nextNumber(), Fixtures.newRequester(), now);
            requests().add(inner[0]);
            assertTrue(unitOfWork().read(() -> requests().find(inner[0].summaryLine().number())).isPresent());
            throw new IllegalStateException("outer fails after its read");
        }));
        assertTrue(unitOfWork().read(() -> requests().find(inner[0].summaryLine().number())).isEmpty());
    }

    @Test
    public void a_transaction_after_a_failed_read_still_keeps_all_or_nothing() {
        assertThrows(IllegalStateException.class, () -> unitOfWork().read(() -> {
            throw new IllegalStateException("read fails");
        }));
        Request[] filed = new Request[1];
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            filed[0] = Fixtures.request(requests().nextNumber(), Fixtures.newRequester(), now);
            requests().add(filed[0]);
            throw new IllegalStateException("rolled back");
        }));
        assertTrue(unitOfWork().inTransaction(() -> requests().find(filed[0].summaryLine().number())).isEmpty());
    }

    @Test
    public void the_value_of_the_work_is_returned() {
        assertEquals("done", unitOfWork().inTransaction(() -> "done"));
    }

    static Notification notification(Person to) {
        return new Notification(TemplateKey.REQUEST_RECEIVED, to.email(), to.name().display(),
                fr.guichet.core.domain.request.RequestNumber.of(22928),
                Map.of("number", "0022928", "summary", "perte d'identifiant", "subject", "EVE – 4.2 – Mathenpoche",
                        "status", "nouvelle", "requesterName", to.name().display(),
                        "recipientName", to.name().display()));
    }
}
