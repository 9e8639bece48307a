package fr.guichet.core.testing;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.session.FailureCount;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.domain.session.ThrottleKey;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind every in-memory port, and its {@link UnitOfWork}: one lock serialises transactions, and a
 * transaction that throws restores the state it started from, so in-memory tests see real rollbacks.
 */
public final class InMemoryDatabase implements UnitOfWork {

    private final ReentrantLock lock = new ReentrantLock();
    private State state = new State();
    private volatile boolean down;
    /** Who hears of committed enqueues, whichever outbox instance they subscribed through. */
    final List<Runnable> outboxListeners = new CopyOnWriteArrayList<>();
    /** What the open transaction runs once it commits; guarded by the lock. */
    private final List<Runnable> afterCommit = new ArrayList<>();

    static final class State {
        long lastNumber;
        Map<RequestNumber, Request> requests = new TreeMap<>();
        Map<PersonId, Person> people = new LinkedHashMap<>();
        Map<GroupCode, SupportGroup> groups = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        Map<PersonId, String> passwords = new LinkedHashMap<>();
        Map<PersonId, NotificationPreferences> preferences = new LinkedHashMap<>();
        SubjectCatalog catalog = SubjectCatalog.empty();
        Map<AttachmentId, byte[]> attachments = new LinkedHashMap<>();
        Map<UUID, OutboxEntry> outbox = new LinkedHashMap<>();
        Map<TokenHash, StoredSession> sessions = new LinkedHashMap<>();
        Map<ThrottleKey, FailureCount> signInFailures = new LinkedHashMap<>();
        Map<TokenHash, PasswordReset> passwordResets = new LinkedHashMap<>();
        Map<CannedAnswerId, CannedAnswer> cannedAnswers = new LinkedHashMap<>();
        List<AuditEntry> audit = new ArrayList<>();
        Map<RequestNumber, Instant> anonymised = new TreeMap<>();
        Map<RequestNumber, SatisfactionAnswer> satisfaction = new TreeMap<>();
        Map<PersonId, Instant> inactiveSince = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        StoredSettings storedSettings = StoredSettings.NONE;
        Map<UUID, LoggedMail> mailLog = new LinkedHashMap<>();
        Map<Uai, Establishment> establishments = new LinkedHashMap<>();

        State copy() {
            State c = new State();
            c.lastNumber = lastNumber;
            c.requests.putAll(requests);
            c.satisfaction.putAll(satisfaction);
            c.people.putAll(people);
            c.groups.putAll(groups);
            c.passwords.putAll(passwords);
            c.preferences.putAll(preferences);
            c.catalog = catalog;
            c.attachments.putAll(attachments);
            c.outbox.putAll(outbox);
            c.sessions.putAll(sessions);
            c.signInFailures.putAll(signInFailures);
            c.passwordResets.putAll(passwordResets);
            c.cannedAnswers.putAll(cannedAnswers);
            c.audit.addAll(audit);
            c.anonymised.putAll(anonymised);
            c.inactiveSince.putAll(inactiveSince);
            c.storedSettings = storedSettings;
            c.mailLog.putAll(mailLog);
            c.establishments.putAll(establishments);
            return c;
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        List<Runnable> committed = null;
        T result;
        lock.lock();
        try {
            boolean outermost = lock.getHoldCount() == 1;
            State before = outermost ? state.copy() : null;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                if (outermost) {
                    state = before;
                    afterCommit.clear();
                }
                throw e;
            }
            if (outermost) {
                committed = List.copyOf(afterCommit);
                afterCommit.clear();
            }
        } finally {
            lock.unlock();
        }
        if (committed != null) {
            committed.forEach(Runnable::run);
        }
        return result;
    }

    /** Runs {@code action} once the transaction open on this thread commits; nothing if it rolls back. */
    void afterCommit(Runnable action) {
        inTransaction(() -> afterCommit.add(action));
    }

    /** Runs one port call atomically, joining a transaction already open on this thread. */
    <T> T read(java.util.function.Function<State, T> f) {
        return inTransaction(() -> {
            failIfDown();
            return f.apply(state);
        });
    }

    void write(java.util.function.Consumer<State> f) {
        inTransaction(() -> {
            failIfDown();
            f.accept(state);
            return null;
        });
    }

    /** Simulates the store going away (true) and coming back (false). */
    public void setDown(boolean value) {
        down = value;
    }

    private void failIfDown() {
        if (down) {
            throw TicketingException.unavailable(new IllegalStateException("in-memory store is down"));
        }
    }
}
