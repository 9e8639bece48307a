package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestSort;
import fr.guichet.core.port.UnitOfWork;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An administrator gathers what Guichet holds about one person (right of access): their record, the requests they
 * filed as their requester sees them, and, for staff, the messages they wrote on the requests assigned to them and
 * the notifications they chose; the gathering is recorded in the audit trail ({@code person.export}). File contents
 * are opened one at a time.
 */
public final class ExportPersonData {

    private final UnitOfWork unitOfWork;
    private final PersonDirectory people;
    private final PersonRegistry registry;
    private final RequestRepository requests;
    private final AttachmentStore attachments;
    private final AuditTrail audit;
    private final Labels labels;
    private final Clock clock;
    private final AdminWrites adminWrites;

    ExportPersonData(UnitOfWork unitOfWork, Ports ports, Labels labels, Clock clock, AdminWrites adminWrites) {
        this.unitOfWork = unitOfWork;
        this.people = ports.people();
        this.registry = ports.registry();
        this.requests = ports.requests();
        this.attachments = ports.attachments();
        this.audit = ports.audit();
        this.labels = labels;
        this.clock = clock;
        this.adminWrites = adminWrites;
    }

    /** What one person's export holds: NOT_FOUND when nobody has {@code id}; recorded as given out to {@code admin}. */
    public PersonData gather(Person admin, PersonId id) {
        adminWrites.confirm(admin);
        return unitOfWork.inTransaction(() -> {
            Person person = people.find(id).orElseThrow(() -> TicketingException.notFound("person.not_found",
                    "Cette personne est introuvable."));
            List<RequestDetails> filed = new ArrayList<>();
            eachRequest(RequestQuery.all().withRequester(id),
                    request -> filed.add(labels.details(request.asSeenByRequester(), person)));
            List<WrittenMessage> written = new ArrayList<>();
            if (person.isStaff()) {
                eachRequest(RequestQuery.all().withAssignee(id), request -> {
                    if (!request.isRequester(id)) {
                        request.messages().stream().filter(m -> m.author().id().equals(id))
                                .forEach(m -> written.add(new WrittenMessage(request.summaryLine().number(), m)));
                    }
                });
            }
            audit.record(new AuditEntry(clock.instant(), admin.ref(), "person.export",
                    new AuditTarget("person", person.id().value(), person.name().display()), Snapshot.NONE,
                    Snapshot.NONE));
            return new PersonData(person, filed, written, registry.preferences(List.of(id)).get(id));
        });
    }

    /** The content of one file of an export, to be closed by the caller; empty when it is no longer stored. */
    public Optional<InputStream> open(Attachment file) {
        return attachments.open(file.id());
    }

    private void eachRequest(RequestQuery query, Consumer<Request> action) {
        RequestQuery oldestFirst = query.withSort(RequestSort.OLDEST);
        for (int number = 1; ; number++) {
            Page<RequestSummary> page = requests.list(oldestFirst, new PageRequest(number, PageRequest.MAX_SIZE));
            page.items().forEach(line -> requests.find(line.number()).ifPresent(action));
            if (page.isLast()) {
                return;
            }
        }
    }

    /**
     * One person's data: their record, the requests they filed (oldest first, as their requester sees them) and the
     * messages they wrote on requests of others, the notifications they chose (null when they never chose);
     * {@link #files()} lists every file of both, each once.
     */
    public record PersonData(Person person, List<RequestDetails> filed, List<WrittenMessage> written,
            NotificationPreferences notifications) {

        public PersonData {
            Objects.requireNonNull(person, "person");
            filed = List.copyOf(filed);
            written = List.copyOf(written);
        }

        /** Every file of the export with the request it belongs to, in the order of the requests then messages. */
        public List<ExportedFile> files() {
            List<ExportedFile> files = new ArrayList<>();
            for (RequestDetails details : filed) {
                RequestNumber number = details.request().summaryLine().number();
                details.request().allAttachments().forEach(a -> files.add(new ExportedFile(number, a)));
            }
            for (WrittenMessage w : written) {
                w.message().attachments().forEach(a -> files.add(new ExportedFile(w.request(), a)));
            }
            return List.copyOf(files);
        }
    }

    /** A message the person wrote on a request they did not file. */
    public record WrittenMessage(RequestNumber request, Message message) {

        public WrittenMessage {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A file of the export and the request it belongs to. */
    public record ExportedFile(RequestNumber request, Attachment attachment) {

        public ExportedFile {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(attachment, "attachment");
        }
    }
}
