package fr.guichet.core.application;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.StatusAge;
import fr.guichet.core.port.SubjectCatalogSource;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The retention of personal data: requests closed before the first school year kept (the current one and the
 * {@code retentionSchoolYears} before it) are anonymised as {@code Request#anonymised()} says, their files deleted
 * from storage, their notifications purged and the mail received about them forgotten; expired sessions and password
 * resets are purged; and a person inactive since before that school year whom no request left names (as requester,
 * assignee or author) nor any subject as specialist is forgotten, replaced by an {@link Anonymised#person
 * placeholder}, and the mail received from their address forgotten. A dry run counts what a run would change and
 * changes nothing.
 *
 * <p>Requests are anonymised in batches of {@link #BATCH}, each in one transaction that first takes the
 * administration hold ({@link AuditTrail#hold()}) and then reads the batch: nodes running at once take the batches one
 * after the other, each request is anonymised once, and a run cut short leaves whole batches done, which the next run
 * does not read again. Files are deleted before the requests are marked, so that a file store outside the transaction
 * may at worst delete a file of a request marked by the next run. Each run that changed something, and each run an
 * administrator asked for, is recorded in the audit trail ({@code retention.run}) with its counts.
 */
public final class AnonymiseExpiredData {

    /** How many requests one transaction anonymises, and how many candidates one read fetches. */
    static final int BATCH = 200;

    /** The audit action of a run. */
    public static final String ACTION = "retention.run";

    /**
     * What a run changed, or a dry run would change: requests anonymised, files deleted, people forgotten,
     * notifications purged, expired sessions and password resets purged; requests closed before {@code keptFrom}'s
     * first day are those anonymised. A dry run counts the people due now: not those whom only requests it would
     * anonymise still name, whom a run forgets once it has anonymised them.
     */
    public record Report(boolean dryRun, SchoolYear keptFrom, long requests, long files, long people, long outboxRows,
            long sessions, long passwordResets) {

        /** The report as recorded in the audit trail. */
        Snapshot snapshot() {
            return Snapshot.NONE.with("keptFrom", keptFrom).with("requests", requests).with("files", files)
                    .with("people", people).with("outboxRows", outboxRows).with("sessions", sessions)
                    .with("passwordResets", passwordResets);
        }

        boolean changedAnything() {
            return requests + files + people + outboxRows + sessions + passwordResets > 0;
        }
    }

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final PersonRegistry registry;
    private final SubjectCatalogSource catalog;
    private final AttachmentStore attachments;
    private final NotificationOutbox outbox;
    private final SessionStore sessions;
    private final PasswordResets passwordResets;
    private final AuditTrail audit;
    private final InboundMailLog mailLog;
    private final Clock clock;
    private final LiveSettings settings;
    private final AdminWrites adminWrites;

    AnonymiseExpiredData(Ports ports, Clock clock, LiveSettings settings, AdminWrites adminWrites) {
        this.unitOfWork = ports.unitOfWork();
        this.requests = ports.requests();
        this.registry = ports.registry();
        this.catalog = ports.catalog();
        this.attachments = ports.attachments();
        this.outbox = ports.outbox();
        this.sessions = ports.sessions();
        this.passwordResets = ports.passwordResets();
        this.audit = ports.audit();
        this.mailLog = ports.mailLog();
        this.clock = clock;
        this.settings = settings;
        this.adminWrites = adminWrites;
    }

    /** What {@link #run} would change now, changing nothing; for an administrator. */
    public Report dryRun(Person admin) {
        AdminWrites.requireAdmin(admin);
        Instant now = clock.instant();
        SchoolYear kept = keptFrom(now);
        Instant before = kept.start(zone());
        long count = 0;
        long files = 0;
        long outboxRows = 0;
        StatusAge after = null;
        while (true) {
            StatusAge from = after;
            List<StatusAge> batch = unitOfWork.inTransaction(() -> requests.closedBefore(before, from, BATCH));
            List<RequestNumber> numbers = numbers(batch);
            count += batch.size();
            files += unitOfWork.inTransaction(() -> requests.files(numbers)).size();
            outboxRows += unitOfWork.inTransaction(() -> outbox.countAbout(numbers));
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1);
        }
        long people = eachInactive(before, p -> unitOfWork.inTransaction(() -> forgettable(p)));
        return new Report(true, kept, count, files, people, outboxRows,
                unitOfWork.inTransaction(() -> sessions.countExpired(now)),
                unitOfWork.inTransaction(() -> passwordResets.countExpired(now)));
    }

    /** A run asked for by an administrator, recorded under their name even when it changed nothing. */
    public Report run(Person admin) {
        adminWrites.confirm(admin);
        return run(admin.ref(), true);
    }

    /** The daily run, made by {@link Guichet}: recorded only when it changed something. Safe on several nodes. */
    public Report run() {
        return run(Guichet.REF, false);
    }

    private Report run(PersonRef by, boolean recordAlways) {
        Instant now = clock.instant();
        SchoolYear kept = keptFrom(now);
        Instant before = kept.start(zone());
        long count = 0;
        long files = 0;
        long outboxRows = 0;
        while (true) {
            Batch done = unitOfWork.inRetryableTransaction(() -> anonymiseBatch(before, now));
            count += done.requests();
            files += done.files();
            outboxRows += done.outboxRows();
            if (done.read() < BATCH) {
                break;
            }
        }
        long purgedSessions = unitOfWork.inTransaction(() -> sessions.purgeExpired(now));
        long purgedResets = unitOfWork.inTransaction(() -> passwordResets.purgeExpired(now));
        unitOfWork.inTransaction(() -> registry.noteInactive(now));
        long people = eachInactive(before, p -> unitOfWork.inRetryableTransaction(() -> forget(p)));
        Report report = new Report(false, kept, count, files, people, outboxRows, purgedSessions, purgedResets);
        if (recordAlways || report.changedAnything()) {
            unitOfWork.run(() -> audit.record(new AuditEntry(clock.instant(), by, ACTION,
                    new AuditTarget("retention", "retention", "Conservation des données"), Snapshot.NONE,
                    report.snapshot())));
        }
        return report;
    }

    /**
     * Calls {@code act} on each person noted inactive before {@code before}, read in batches; answers for how many it
     * answered true.
     */
    private long eachInactive(Instant before, Predicate<PersonId> act) {
        long count = 0;
        PersonId after = null;
        while (true) {
            PersonId from = after;
            List<PersonId> batch = unitOfWork.inTransaction(() -> registry.inactiveBefore(before, from, BATCH));
            count += batch.stream().filter(act).count();
            if (batch.size() < BATCH) {
                return count;
            }
            after = batch.get(batch.size() - 1);
        }
    }

    /** What one batch's transaction read and changed. */
    private record Batch(int read, int requests, int files, int outboxRows) {
    }

    private Batch anonymiseBatch(Instant before, Instant now) {
        audit.hold();
        List<StatusAge> batch = requests.closedBefore(before, null, BATCH);
        if (batch.isEmpty()) {
            return new Batch(0, 0, 0, 0);
        }
        List<RequestNumber> numbers = numbers(batch);
        int files = 0;
        for (var file : requests.files(numbers)) {
            if (attachments.delete(file)) {
                files++;
            }
        }
        int outboxRows = outbox.purgeAbout(numbers);
        mailLog.forgetRequests(numbers);
        int anonymised = requests.anonymise(numbers, now);
        return new Batch(batch.size(), anonymised, files, outboxRows);
    }

    /**
     * Forgets {@code person} if still due, in the requests, the sessions, the outbox, the mail received, the audit
     * trail and the directory, holding administration so that nobody changes them meanwhile.
     */
    private boolean forget(PersonId person) {
        audit.hold();
        if (!forgettable(person)) {
            return false;
        }
        Person was = registry.find(person).orElseThrow();
        Person placeholder = Anonymised.person(was.establishment());
        requests.replacePerson(person, placeholder.ref());
        sessions.deleteAllOf(person);
        outbox.purgeTo(was.email());
        mailLog.forgetSender(was.email());
        audit.forget(was, placeholder);
        registry.forget(person, placeholder);
        return true;
    }

    /** True when {@code person} is inactive, no request left names them and no subject names them specialist. */
    private boolean forgettable(PersonId person) {
        Optional<Person> found = registry.find(person);
        if (found.isEmpty() || found.get().active() || Anonymised.is(person)) {
            return false;
        }
        boolean specialist = catalog.catalog().all().stream().anyMatch(s -> s.specialists().contains(person));
        return !specialist && !requests.refersTo(person);
    }

    private SchoolYear keptFrom(Instant now) {
        int years = unitOfWork.inTransaction(settings::current).retentionSchoolYears();
        return new SchoolYear(SchoolYear.of(now, zone()).startYear() - years);
    }

    private ZoneId zone() {
        return settings.deployment().zone();
    }

    private static List<RequestNumber> numbers(List<StatusAge> batch) {
        return batch.stream().map(StatusAge::number).toList();
    }
}
