package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestEvent;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Files a request: the requester's address must be eligible, the subject an active leaf, the type known; the request
 * goes to its subject's support group, where it waits in the group's queue or goes to a member chosen by the routing
 * policy as the subject's {@link fr.guichet.core.domain.subject.Routing routing} says, due as the subject's
 * service-level targets say (see {@link ServiceLevels}), with its attachments, history and notifications in one unit
 * of work, its attachments taken in as {@link AttachmentIntake} says. The same
 * idempotency key from the same person returns the request already filed during the idempotency window, also when
 * another filing with it is stored first at the same time (this one is then rolled back with its notifications);
 * after the window, the next filing with that key takes it from the old request. A filing without attachments is run
 * again from the start when the store gives its transaction up (deadlock); one with attachments is not, its uploads
 * being read once. The eligible mail domains are those in force when the filing's unit of work starts (one
 * primary-key read of the stored settings), so an administrator's change applies to the next filing on every node.
 */
public final class FileRequest {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;
    private final AttachmentIntake intake;
    private final Notifier notifier;
    private final Router router;
    private final Clock clock;
    private final LiveSettings live;
    private final TicketingSettings settings;
    private final ServiceLevels serviceLevels;

    FileRequest(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, AttachmentStore attachments,
            Notifier notifier, Router router, Clock clock, LiveSettings live, ServiceLevels serviceLevels) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
        this.intake = new AttachmentIntake(attachments, live.deployment());
        this.notifier = notifier;
        this.router = router;
        this.clock = clock;
        this.live = live;
        this.settings = live.deployment();
        this.serviceLevels = serviceLevels;
    }

    /** Files {@code draft} for {@code requester}; {@code idempotencyKey} may be null (no protection from doubles). */
    public Filing file(Person requester, RequestDraft draft, List<Upload> uploads, String idempotencyKey) {
        Access.requireActive(requester);
        SubjectCatalog catalog = labels.catalog();
        Subject subject = checked(catalog, draft, idempotencyKey);
        intake.checkCount(uploads.size(), List.of());
        GroupCode group = catalog.supportGroupOf(subject).orElseThrow();
        Supplier<Filing> filing = () -> file(catalog, requester, draft, now -> intake.store(uploads, List.of(), now),
                idempotencyKey, subject, group);
        try {
            return uploads.isEmpty() ? unitOfWork.inRetryableTransaction(filing) : unitOfWork.inTransaction(filing);
        } catch (KeyTaken e) {
            return unitOfWork.inTransaction(() -> existing(requester, idempotencyKey))
                    .orElseThrow(() -> DomainError.of(ErrorKind.CONFLICT, "request.idempotency_key.taken",
                            "Cette demande a déjà été déposée.").exception());
        }
    }

    /**
     * Files {@code draft} for {@code requester} in the caller's unit of work, with the files {@code files} takes in at
     * the filing's instant; refused as {@link #file(Person, RequestDraft, List, String)} refuses, before anything is
     * written.
     */
    Filing file(Person requester, RequestDraft draft, Function<Instant, List<Attachment>> files) {
        Access.requireActive(requester);
        SubjectCatalog catalog = labels.catalog();
        Subject subject = checked(catalog, draft, null);
        GroupCode group = catalog.supportGroupOf(subject).orElseThrow();
        return unitOfWork.inTransaction(() -> file(catalog, requester, draft, files, null, subject, group));
    }

    private static Subject checked(SubjectCatalog catalog, RequestDraft draft, String idempotencyKey) {
        Validation validation = new Validation();
        Subject subject = validation.check(() -> catalog.leafForRequest(draft.subject()));
        Optional<RequestType> type = catalog.requestType(draft.type());
        if (type.isEmpty()) {
            validation.add(DomainError.invalid("type", "request_type.unknown", "Ce type de demande n'existe pas."));
        } else if (!type.get().active()) {
            validation.add(DomainError.invalid("type", "request_type.inactive",
                    "Ce type de demande n'est plus proposé."));
        }
        validation.check(() -> {
            checkKey(idempotencyKey);
            return idempotencyKey;
        });
        validation.throwIfInvalid();
        return subject;
    }

    private Filing file(SubjectCatalog catalog, Person requester, RequestDraft draft,
            Function<Instant, List<Attachment>> files, String key, Subject subject, GroupCode group) {
        if (!live.current().mailDomains().isEligible(requester.email())) {
            throw TicketingException.forbidden("request.not_eligible",
                    "Seules les personnes ayant une adresse de messagerie académique peuvent faire une demande.");
        }
        if (key != null) {
            Optional<Filing> existing = existing(requester, key);
            if (existing.isPresent()) {
                return existing.get();
            }
            requests.releaseIdempotencyKey(requester.id(), key, clock.instant().minus(settings.idempotencyWindow()));
        }
        Instant now = clock.instant();
        RequestNumber number = requests.nextNumber();
        List<Attachment> stored = files.apply(now);
        Router.Decision routing = router.route(group, subject, catalog.routingOf(subject));
        PersonId assignee = routing.assignee().orElse(null);
        Request request = Request.file(number, requester, draft, group, assignee, stored, key, now)
                .withServiceLevel(serviceLevels.dueFrom(now, catalog.targetsOf(subject)));
        KnownPeople known = KnownPeople.of(requester, group, routing.members());
        notifier.notify(catalog, request, List.of(new RequestEvent.Filed(group, assignee)), requester.id(), now,
                known);
        Filing filed = new Filing(labels.details(catalog, request, requester, known), false);
        if (requests.add(request) == RequestRepository.Addition.ALREADY_FILED) {
            throw new KeyTaken();
        }
        return filed;
    }

    private Optional<Filing> existing(Person requester, String key) {
        Instant notBefore = clock.instant().minus(settings.idempotencyWindow());
        return requests.findByIdempotencyKey(requester.id(), key, notBefore)
                .flatMap(requests::find)
                .map(r -> new Filing(labels.details(r, requester), true));
    }

    private static void checkKey(String key) {
        if (key != null && (key.isEmpty() || key.length() > 64 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw DomainError.invalid("Idempotency-Key", "idempotency_key.invalid",
                    "La clé d'idempotence doit comporter de 1 à 64 caractères visibles.").exception();
        }
    }

    /** Rolls back a filing whose idempotency key another filing took meanwhile, with what it queued. */
    private static final class KeyTaken extends RuntimeException {

        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
