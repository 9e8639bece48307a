package fr.guichet.core.domain.request;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The request aggregate: its header, the description, when it was resolved, the idempotency key it was filed with and
 * the incident it follows (all three may be null), its version, and what was appended to it. Immutable; each move
 * returns a {@link RequestChange} holding the next version and what it appended. It enforces the lifecycle; who may
 * make a move is the use cases' concern. Two requests are equal when they are the same version of the same request.
 */
public record Request(RequestSummary summaryLine, Description description, Instant resolvedAt, long version,
        String idempotencyKey, RequestNumber parent, List<Message> messages, List<Attachment> attachments,
        List<HistoryEntry> history) {

    public Request {
        Objects.requireNonNull(summaryLine, "summaryLine");
        Objects.requireNonNull(description, "description");
        messages = List.copyOf(messages);
        attachments = List.copyOf(attachments);
        history = List.copyOf(history);
    }

    /** A new request, version 1, routed to {@code group} (and to {@code assignee} when not null). */
    public static Request file(RequestNumber number, Person requester, RequestDraft draft, GroupCode group,
            PersonId assignee, List<Attachment> attachments, String idempotencyKey, Instant now) {
        RequestSummary line = new RequestSummary(number, draft.summary(), draft.subject(), draft.type(),
                assignee == null ? Status.NEW : Status.ASSIGNED, draft.visibility(), now, now,
                requester.establishment(), requester.ref(), group, assignee,
                LastActivity.ofRequester(requester.id(), now), false);
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(now, requester.id(), HistoryEvent.FILED, null, group.value()));
        if (assignee != null) {
            history.add(new HistoryEntry(now, requester.id(), HistoryEvent.ASSIGNED, null, assignee.value()));
        }
        history.addAll(filesAdded(requester.id(), attachments, now));
        return new Request(line, draft.description(), null, 1, idempotencyKey, null, List.of(), attachments,
                history);
    }

    /** A request read back from storage, as it was stored. */
    public static Request restore(RequestSummary summaryLine, Description description, Instant resolvedAt,
            long version, String idempotencyKey, RequestNumber parent, List<Message> messages,
            List<Attachment> attachments, List<HistoryEntry> history) {
        return new Request(summaryLine, description, resolvedAt, version, idempotencyKey, parent, messages,
                attachments, history);
    }

    /** Staff post an answer (public) or a note (internal). */
    public RequestChange staffMessage(Person staff, MessageBody body, boolean internal, Instant now) {
        return staffMessage(staff, body, internal, List.of(), now);
    }

    /**
     * Staff post an answer (public) or a note (internal) with {@code files}; the files of a note are staff-only like
     * the note, those of an answer are recorded in the history.
     */
    public RequestChange staffMessage(Person staff, MessageBody body, boolean internal, List<Attachment> files,
            Instant now) {
        requireOpenForMessages();
        Message m = new Message(UUID.randomUUID(), staff.ref(), internal ? MessageKind.INTERNAL_NOTE
                : MessageKind.PUBLIC_ANSWER, body, now, files);
        List<HistoryEntry> h = new ArrayList<>();
        h.add(new HistoryEntry(now, staff.id(), internal ? HistoryEvent.NOTE_ADDED : HistoryEvent.ANSWERED,
                null, null));
        if (!internal) {
            h.addAll(filesAdded(staff.id(), files, now));
        }
        RequestEvent e = internal ? new RequestEvent.NoteAdded(m) : new RequestEvent.Answered(m);
        return change(summaryLine.withStatus(summaryLine.status(), LastActivity.ofStaff(staff.id(), now)),
                resolvedAt, List.of(m), h, List.of(e));
    }

    /** The requester follows up; a request waiting for them goes back to IN_PROGRESS. */
    public RequestChange followUp(Person requester, MessageBody body, Instant now) {
        return followUp(requester, body, List.of(), now);
    }

    /** The requester follows up with {@code files}; a request waiting for them goes back to IN_PROGRESS. */
    public RequestChange followUp(Person requester, MessageBody body, List<Attachment> files, Instant now) {
        requireOpenForMessages();
        Message m = new Message(UUID.randomUUID(), requester.ref(), MessageKind.FOLLOW_UP, body, now, files);
        Status from = summaryLine.status();
        List<HistoryEntry> h = new ArrayList<>();
        List<RequestEvent> events = new ArrayList<>();
        h.add(new HistoryEntry(now, requester.id(), HistoryEvent.FOLLOWED_UP, null, null));
        h.addAll(filesAdded(requester.id(), files, now));
        events.add(new RequestEvent.FollowedUp(m));
        Status to = from == Status.WAITING_FOR_REQUESTER ? Status.IN_PROGRESS : from;
        if (to != from) {
            h.add(statusEntry(now, requester.id(), to));
            events.add(new RequestEvent.StatusChanged(from, to, null, Actor.REQUESTER));
        }
        return change(summaryLine.withStatus(to, LastActivity.ofRequester(requester.id(), now)), resolvedAt,
                List.of(m), h, events);
    }

    /**
     * Staff send the request to another group, or to a person in a group; a comment (may be null) becomes an internal
     * note.
     */
    public RequestChange redirect(Person staff, GroupCode group, PersonId newAssignee, MessageBody comment,
            Instant now) {
        RequestSummary from = summaryLine;
        if (!Lifecycle.canRedirect(from.status())) {
            throw TicketingException.conflict("request.redirect.not_allowed",
                    "Une demande résolue ou close ne peut pas être redirigée.");
        }
        if (group.equals(from.assignedGroup()) && Objects.equals(newAssignee, from.assignee())) {
            throw TicketingException.conflict("request.redirect.same",
                    "La demande est déjà attribuée à ce groupe et à cette personne.");
        }
        RequestSummary to = from.withRouting(group, newAssignee, Lifecycle.afterRedirect(newAssignee != null),
                LastActivity.ofStaff(staff.id(), now));
        List<HistoryEntry> h = new ArrayList<>();
        h.add(new HistoryEntry(now, staff.id(), HistoryEvent.REDIRECTED, from.assignedGroup().value(), group.value()));
        if (!Objects.equals(newAssignee, from.assignee())) {
            h.add(new HistoryEntry(now, staff.id(), HistoryEvent.ASSIGNED,
                    from.assignee() == null ? null : from.assignee().value(),
                    newAssignee == null ? null : newAssignee.value()));
        }
        if (to.status() != from.status()) {
            h.add(statusEntry(now, staff.id(), to.status()));
        }
        return change(to, resolvedAt, commentMessage(staff, MessageKind.INTERNAL_NOTE, comment, now), h,
                List.of(new RequestEvent.Redirected(from.assignedGroup(), group, newAssignee, comment)));
    }

    /**
     * The request goes back to its group's queue, unassigned, because {@code by} (an administrator) took its assignee
     * off the support (deactivated): an ASSIGNED request becomes NEW, one being worked on keeps its status; it is
     * updated {@code now}, its last activity is unchanged. Nobody is told through the request's events; the caller
     * tells the group.
     */
    public RequestChange unassign(Person by, Instant now) {
        RequestSummary from = summaryLine;
        if (from.assignee() == null || !from.status().isOpen()) {
            throw TicketingException.conflict("request.unassign.not_allowed",
                    "Seule une demande ouverte et attribuée peut revenir dans la file de son groupe.");
        }
        Status status = from.status() == Status.ASSIGNED ? Status.NEW : from.status();
        RequestSummary to = from.movedAside(from.assignedGroup(), null, status, now);
        List<HistoryEntry> h = new ArrayList<>();
        h.add(new HistoryEntry(now, by.id(), HistoryEvent.ASSIGNED, from.assignee().value(), null));
        if (status != from.status()) {
            h.add(statusEntry(now, by.id(), status));
        }
        return change(to, resolvedAt, List.of(), h, List.of());
    }

    /**
     * A staff member takes the request for themself, in its group: a NEW request becomes ASSIGNED, one assigned to
     * someone else passes to them and keeps its status; resolved, closed, and already theirs are refused as CONFLICT.
     */
    public RequestChange take(Person staff, Instant now) {
        RequestSummary from = summaryLine;
        if (!Lifecycle.canTake(from.status())) {
            throw TicketingException.conflict("request.take.not_allowed",
                    "Une demande résolue ou close ne peut pas être prise en charge.");
        }
        if (staff.id().equals(from.assignee())) {
            throw TicketingException.conflict("request.take.already_yours",
                    "Cette demande vous est déjà attribuée.");
        }
        RequestSummary to = from.withRouting(from.assignedGroup(), staff.id(), Lifecycle.afterTake(from.status()),
                LastActivity.ofStaff(staff.id(), now));
        List<HistoryEntry> h = new ArrayList<>();
        h.add(new HistoryEntry(now, staff.id(), HistoryEvent.TAKEN,
                from.assignee() == null ? null : from.assignee().value(), staff.id().value()));
        if (to.status() != from.status()) {
            h.add(statusEntry(now, staff.id(), to.status()));
        }
        return change(to, resolvedAt, List.of(), h, List.of(new RequestEvent.Taken(staff.id(), from.assignee())));
    }

    /**
     * Moves the request to {@code to} if the lifecycle lets {@code actor} do so; a requester reopens a resolved request
     * only within {@code reopenWindow} of its resolution, and anyone reopens it only with a reason. A comment (may be
     * null) becomes a message of the actor.
     */
    public RequestChange changeStatus(Person by, Actor actor, Status to, MessageBody comment, Duration reopenWindow,
            Instant now) {
        Status from = summaryLine.status();
        if (!Lifecycle.allows(actor, from, to)) {
            throw TicketingException.conflict("request.transition.not_allowed",
                    "Impossible de passer la demande de l'état " + StatusLabels.french(from) + " à l'état "
                            + StatusLabels.french(to) + ".");
        }
        if (actor == Actor.REQUESTER && from == Status.RESOLVED && resolvedAt != null
                && now.isAfter(resolvedAt.plus(reopenWindow))) {
            throw TicketingException.conflict("request.reopen.too_late",
                    "Le délai pour rouvrir cette demande est dépassé ; déposez une nouvelle demande.");
        }
        boolean reopening = from == Status.RESOLVED && to.isOpen();
        if (reopening && comment == null) {
            throw DomainError.invalid("comment", "request.reopen.reason_required",
                    "Indiquez pourquoi vous rouvrez la demande.").exception();
        }
        Instant resolved = to == Status.RESOLVED ? now : to == Status.CLOSED ? resolvedAt : null;
        MessageKind kind = actor == Actor.STAFF ? MessageKind.PUBLIC_ANSWER : MessageKind.FOLLOW_UP;
        LastActivity activity = actor == Actor.STAFF ? LastActivity.ofStaff(by.id(), now)
                : LastActivity.ofRequester(by.id(), now);
        return change(summaryLine.withStatus(to, activity), resolved, commentMessage(by, kind, comment, now),
                List.of(new HistoryEntry(now, by.id(), reopening ? HistoryEvent.REOPENED : HistoryEvent.STATUS_CHANGED,
                        from.name(), to.name())),
                List.of(new RequestEvent.StatusChanged(from, to, comment, actor)));
    }

    /**
     * Staff make the request follow {@code incident}, another open request that follows none; the request must be
     * open (whether it has followers of its own is the use case's to check). Linking it again to its incident is a
     * CONFLICT; linking it to another one moves it.
     */
    public RequestChange linkTo(Person staff, Request incident, Instant now) {
        RequestNumber to = incident.summaryLine().number();
        if (to.equals(summaryLine.number())) {
            throw DomainError.invalid("parent", "request.link.self",
                    "Une demande ne peut pas être rattachée à elle-même.").exception();
        }
        if (!summaryLine.status().isOpen()) {
            throw TicketingException.conflict("request.link.not_open",
                    "Une demande résolue ou close ne peut pas être rattachée à un incident.");
        }
        if (!incident.summaryLine().status().isOpen()) {
            throw linkRefused("request.link.parent_not_open", "La demande n° " + to.display()
                    + " est résolue ou close : elle ne peut plus servir d'incident.");
        }
        if (incident.parent() != null) {
            throw linkRefused("request.link.parent_is_child", "La demande n° " + to.display()
                    + " est elle-même rattachée à l'incident n° " + incident.parent().display()
                    + " : rattachez plutôt la demande à celui-ci.");
        }
        if (to.equals(parent)) {
            throw linkRefused("request.link.already", "La demande est déjà rattachée à l'incident n° "
                    + to.display() + ".");
        }
        return linkChange(staff, to, new HistoryEntry(now, staff.id(), HistoryEvent.LINKED,
                parent == null ? null : parent.display(), to.display()), now);
    }

    /** Staff detach the request from the incident it follows. */
    public RequestChange unlink(Person staff, Instant now) {
        if (parent == null) {
            throw TicketingException.conflict("request.link.none", "Cette demande n'est rattachée à aucun incident.");
        }
        return linkChange(staff, null, new HistoryEntry(now, staff.id(), HistoryEvent.UNLINKED, parent.display(),
                null), now);
    }

    /**
     * Staff resolve a request following an incident, from whatever open status it is in, with the incident's
     * resolution answer (may be null); a resolved or closed one is a CONFLICT.
     */
    public RequestChange resolveAsFollower(Person staff, MessageBody answer, Instant now) {
        Status from = summaryLine.status();
        if (!from.isOpen()) {
            throw TicketingException.conflict("request.transition.not_allowed",
                    "La demande est déjà " + StatusLabels.french(from) + ".");
        }
        return change(summaryLine.withStatus(Status.RESOLVED, LastActivity.ofStaff(staff.id(), now)), now,
                commentMessage(staff, MessageKind.PUBLIC_ANSWER, answer, now),
                List.of(statusEntry(now, staff.id(), Status.RESOLVED)),
                List.of(new RequestEvent.StatusChanged(from, Status.RESOLVED, answer, Actor.STAFF)));
    }

    /**
     * Since when the request is in its status: the time of the last history entry that moved it there, or its filing.
     */
    public Instant statusSince() {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            if (h.event() == HistoryEvent.STATUS_CHANGED || h.event() == HistoryEvent.REOPENED) {
                return h.at();
            }
        }
        return summaryLine.submittedAt();
    }

    /** True when the request waits for its requester and they were reminded of it since it began to wait. */
    public boolean remindedWhileWaiting() {
        if (summaryLine.status() != Status.WAITING_FOR_REQUESTER) {
            return false;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEvent event = history.get(i).event();
            if (event == HistoryEvent.REMINDED) {
                return true;
            }
            if (event == HistoryEvent.STATUS_CHANGED || event == HistoryEvent.REOPENED) {
                return false;
            }
        }
        return false;
    }

    /**
     * {@link Guichet} reminds the requester that the request waits for them, once per waiting period: a request not
     * waiting, or whose requester was already reminded since it began to wait, is a CONFLICT. Its last activity is
     * unchanged.
     */
    public RequestChange remind(String resolvesOn, Instant now) {
        if (summaryLine.status() != Status.WAITING_FOR_REQUESTER || remindedWhileWaiting()) {
            throw TicketingException.conflict("request.remind.not_allowed",
                    "Seule une demande en attente de réponse, sans relance depuis, peut être relancée.");
        }
        return change(summaryLine, resolvedAt, List.of(),
                List.of(new HistoryEntry(now, Guichet.ID, HistoryEvent.REMINDED, null, null)),
                List.of(new RequestEvent.Reminded(resolvesOn)));
    }

    /**
     * {@link Guichet} moves the request from {@code from} to {@code to} (WAITING_FOR_REQUESTER to RESOLVED with
     * {@code answer}, posted as its public answer, RESOLVED to CLOSED without), as staff would, its requester told as
     * for any such move; any other move is a CONFLICT. It is updated {@code now}, so that it comes first among the
     * requests changed last, but its last activity, which tells whether the staff or the requester acted last, is
     * unchanged.
     */
    public RequestChange moveBySystem(Status from, Status to, MessageBody answer, Instant now) {
        boolean allowed = summaryLine.status() == from
                && (from == Status.WAITING_FOR_REQUESTER && to == Status.RESOLVED
                        || from == Status.RESOLVED && to == Status.CLOSED);
        if (!allowed) {
            throw TicketingException.conflict("request.transition.not_allowed",
                    "Impossible de passer la demande de l'état " + StatusLabels.french(summaryLine.status())
                            + " à l'état " + StatusLabels.french(to) + ".");
        }
        Instant resolved = to == Status.RESOLVED ? now : resolvedAt;
        List<Message> answered = answer == null ? List.of()
                : List.of(new Message(UUID.randomUUID(), Guichet.REF, MessageKind.PUBLIC_ANSWER, answer, now));
        return change(summaryLine.movedBySystem(to, now), resolved, answered,
                List.of(statusEntry(now, Guichet.ID, to)),
                List.of(new RequestEvent.StatusChanged(from, to, answer, Actor.STAFF)));
    }

    /** A refusal to link about the incident named in the {@code parent} field. */
    public static TicketingException linkRefused(String code, String message) {
        return new DomainError(ErrorKind.CONFLICT, code, "parent", message).exception();
    }

    private RequestChange linkChange(Person staff, RequestNumber to, HistoryEntry entry, Instant now) {
        return change(summaryLine.withStatus(summaryLine.status(), LastActivity.ofStaff(staff.id(), now)), resolvedAt,
                to, List.of(), List.of(entry), List.of());
    }

    private static List<HistoryEntry> filesAdded(PersonId by, List<Attachment> files, Instant now) {
        return files.stream().map(a -> new HistoryEntry(now, by, HistoryEvent.ATTACHMENT_ADDED, null, a.name()))
                .toList();
    }

    private HistoryEntry statusEntry(Instant now, PersonId by, Status to) {
        return new HistoryEntry(now, by, HistoryEvent.STATUS_CHANGED, summaryLine.status().name(), to.name());
    }

    private static List<Message> commentMessage(Person by, MessageKind kind, MessageBody comment, Instant now) {
        return comment == null ? List.of() : List.of(new Message(UUID.randomUUID(), by.ref(), kind, comment, now));
    }

    /** Refuses (CONFLICT) a message on a closed request. */
    public void requireOpenForMessages() {
        if (!Lifecycle.acceptsMessages(summaryLine.status())) {
            throw TicketingException.conflict("request.closed",
                    "Cette demande est close : elle n'accepte plus de message.");
        }
    }

    private RequestChange change(RequestSummary line, Instant resolved, List<Message> newMessages,
            List<HistoryEntry> newHistory, List<RequestEvent> events) {
        return change(line, resolved, parent, newMessages, newHistory, events);
    }

    private RequestChange change(RequestSummary line, Instant resolved, RequestNumber parentAfter,
            List<Message> newMessages, List<HistoryEntry> newHistory, List<RequestEvent> events) {
        Instant firstAnswer = newMessages.stream()
                .filter(m -> m.kind() == MessageKind.PUBLIC_ANSWER && !Guichet.is(m.author().id()))
                .map(Message::at).findFirst().orElse(null);
        RequestSummary answered = firstAnswer == null ? line
                : line.withServiceLevel(line.serviceLevel().answeredAt(firstAnswer));
        Request after = new Request(answered, description, resolved, version + 1, idempotencyKey, parentAfter,
                Stream.concat(messages.stream(), newMessages.stream()).toList(), attachments,
                Stream.concat(history.stream(), newHistory.stream()).toList());
        return new RequestChange(this, after, newMessages, newHistory, events);
    }

    /**
     * The same request in its next version, nothing recorded: what a move of another request that relies on this one
     * as it is (an incident gaining a follower) stores, so that a concurrent change of this one conflicts with it.
     */
    public RequestChange touched() {
        return change(summaryLine, resolvedAt, List.of(), List.of(), List.of());
    }

    /** The same request, in the same version, with {@code value} as its service level; for a request being filed. */
    public Request withServiceLevel(ServiceLevel value) {
        return new Request(summaryLine.withServiceLevel(value), description, resolvedAt, version, idempotencyKey,
                parent, messages, attachments, history);
    }

    /**
     * True when the request missed a target of its subject at {@code now}, time waiting on its requester not counted
     * (see {@link ServiceLevel#breached}).
     */
    public boolean breached(Instant now) {
        return summaryLine.serviceLevel().breached(summaryLine.status(), resolvedAt, statusSince(), now);
    }

    /** The same request without its idempotency key, once the key's window is over; the version is unchanged. */
    public Request withoutIdempotencyKey() {
        return new Request(summaryLine, description, resolvedAt, version, null, parent, messages, attachments,
                history);
    }

    /**
     * The same request anonymised, in its next version: its requester is {@link Anonymised#REQUESTER} wherever they
     * are named (their messages, last activity, and history as its author or as the person an entry names), its
     * summary, description, messages and the texts of its history are {@link Anonymised#TEXT}, the names of its files
     * are empty, and it has no idempotency key; number, subject, type, establishment, dates, status, group and
     * assignee stay, so that figures stay the same.
     */
    public Request anonymised() {
        PersonId requester = summaryLine.requester().id();
        PersonRef placeholder = Anonymised.REQUESTER;
        RequestSummary l = summaryLine;
        LastActivity last = l.lastActivity().by().equals(requester)
                ? new LastActivity(l.lastActivity().at(), placeholder.id(), l.lastActivity().staff()) : l.lastActivity();
        RequestSummary line = new RequestSummary(l.number(), new Summary(Anonymised.TEXT), l.subject(), l.type(),
                l.status(), l.visibility(), l.submittedAt(), l.updatedAt(), l.establishment(), placeholder,
                l.assignedGroup(), l.assignee(), last, l.reopened(), l.serviceLevel());
        List<Message> texts = messages.stream().map(m -> new Message(m.id(),
                m.author().id().equals(requester) ? placeholder : m.author(), m.kind(),
                new MessageBody(Anonymised.TEXT), m.at(), unnamed(m.attachments()))).toList();
        List<HistoryEntry> entries = history.stream().map(h -> {
            boolean person = h.event().refersTo() == HistoryEvent.Refers.PERSON;
            String was = requester.value();
            return new HistoryEntry(h.at(), h.by().equals(requester) ? placeholder.id() : h.by(), h.event(),
                    person && was.equals(h.from()) ? placeholder.id().value() : h.from(),
                    h.event().refersTo() == HistoryEvent.Refers.TEXT ? Anonymised.TEXT
                            : person && was.equals(h.to()) ? placeholder.id().value() : h.to());
        }).toList();
        return new Request(line, new Description(Anonymised.TEXT), resolvedAt, version + 1, null, parent, texts,
                unnamed(attachments), entries);
    }

    private static List<Attachment> unnamed(List<Attachment> files) {
        return files.stream().map(a -> new Attachment(a.id(), "", a.mediaType(), a.size(), a.at())).toList();
    }

    /**
     * The same request, in the same version, with {@code person} replaced by {@code by} wherever it names them: as
     * requester, assignee, author of messages, in its history and its last activity; for a person being forgotten.
     */
    public Request naming(PersonId person, PersonRef by) {
        RequestSummary l = summaryLine;
        LastActivity last = l.lastActivity().by().equals(person)
                ? new LastActivity(l.lastActivity().at(), by.id(), l.lastActivity().staff()) : l.lastActivity();
        RequestSummary line = new RequestSummary(l.number(), l.summary(), l.subject(), l.type(), l.status(),
                l.visibility(), l.submittedAt(), l.updatedAt(), l.establishment(),
                l.requester().id().equals(person) ? by : l.requester(), l.assignedGroup(),
                person.equals(l.assignee()) ? by.id() : l.assignee(), last, l.reopened(), l.serviceLevel());
        List<Message> texts = messages.stream().map(m -> m.author().id().equals(person)
                ? new Message(m.id(), by, m.kind(), m.body(), m.at(), m.attachments()) : m).toList();
        List<HistoryEntry> entries = history.stream().map(h -> {
            boolean refers = h.event().refersTo() == HistoryEvent.Refers.PERSON;
            return new HistoryEntry(h.at(), h.by().equals(person) ? by.id() : h.by(), h.event(),
                    refers && person.value().equals(h.from()) ? by.id().value() : h.from(),
                    refers && person.value().equals(h.to()) ? by.id().value() : h.to());
        }).toList();
        return new Request(line, description, resolvedAt, version, idempotencyKey, parent, texts, attachments,
                entries);
    }

    /** The same request as a requester may see it: no internal notes, no staff-only history. */
    public Request asSeenByRequester() {
        return new Request(summaryLine, description, resolvedAt, version, idempotencyKey, parent,
                messages.stream().filter(m -> !m.internal()).toList(), attachments,
                history.stream().filter(h -> !h.event().staffOnly()).toList());
    }

    /**
     * What a search finds this request by, {@link SearchText normalised}: its number, its requester's identifier and
     * name, its establishment, its summary, its description and the messages its requester can read.
     */
    public String searchText() {
        RequestSummary line = summaryLine;
        List<String> parts = new ArrayList<>(List.of(line.number().display(), line.requester().id().value(),
                line.requester().name().display(), line.establishment() == null ? "" : line.establishment().value(),
                line.summary().value(), description.value()));
        messages.stream().filter(m -> !m.kind().isInternal()).forEach(m -> parts.add(m.body().value()));
        return SearchText.of(parts.toArray(String[]::new));
    }

    public boolean isRequester(PersonId person) {
        return summaryLine.requester().id().equals(person);
    }

    /** Every file of the request: those filed with it, then those of its messages in order. */
    public List<Attachment> allAttachments() {
        return Stream.concat(attachments.stream(), messages.stream().flatMap(m -> m.attachments().stream())).toList();
    }

    /** A file of the request, filed with it or posted with one of its messages. */
    public Optional<Attachment> attachment(AttachmentId id) {
        return allAttachments().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && summaryLine.number().equals(r.summaryLine.number()) && version == r.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(summaryLine.number(), version);
    }

    @Override
    public String toString() {
        return "Request[" + summaryLine.number() + " v" + version + " " + summaryLine.status() + "]";
    }
}
