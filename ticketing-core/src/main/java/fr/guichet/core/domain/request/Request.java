package fr.guichet.core.domain.request;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The request aggregate: immutable; each move returns a {@link RequestChange} holding the next version and what it
 * appended. It enforces the lifecycle; who may make a move is the use cases' concern.
 */
public final class Request {

    private final RequestNumber number;
    private final PersonRef requester;
    private final Uai establishment;
    private final SubjectCode subject;
    private final String type;
    private final String summary;
    private final String description;
    private final Visibility visibility;
    private final Status status;
    private final GroupCode assignedGroup;
    private final PersonId assignee;
    private final Instant submittedAt;
    private final Instant updatedAt;
    private final Instant resolvedAt;
    private final long version;
    private final String idempotencyKey;
    private final List<Message> messages;
    private final List<Attachment> attachments;
    private final List<HistoryEntry> history;

    private Request(Builder b) {
        this.number = Objects.requireNonNull(b.number, "number");
        this.requester = Objects.requireNonNull(b.requester, "requester");
        this.establishment = b.establishment;
        this.subject = Objects.requireNonNull(b.subject, "subject");
        this.type = Objects.requireNonNull(b.type, "type");
        this.summary = Objects.requireNonNull(b.summary, "summary");
        this.description = Objects.requireNonNull(b.description, "description");
        this.visibility = Objects.requireNonNull(b.visibility, "visibility");
        this.status = Objects.requireNonNull(b.status, "status");
        this.assignedGroup = Objects.requireNonNull(b.assignedGroup, "assignedGroup");
        this.assignee = b.assignee;
        this.submittedAt = Objects.requireNonNull(b.submittedAt, "submittedAt");
        this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
        this.resolvedAt = b.resolvedAt;
        this.version = b.version;
        this.idempotencyKey = b.idempotencyKey;
        this.messages = List.copyOf(b.messages);
        this.attachments = List.copyOf(b.attachments);
        this.history = List.copyOf(b.history);
    }

    /** A new request, version 1, routed to {@code group} (and to {@code assignee} when not null). */
    public static Request file(RequestNumber number, Person requester, RequestDraft draft, GroupCode group,
            PersonId assignee, List<Attachment> attachments, String idempotencyKey, Instant now) {
        Builder b = new Builder();
        b.number = number;
        b.requester = requester.ref();
        b.establishment = requester.establishment();
        b.subject = draft.subject();
        b.type = draft.type();
        b.summary = draft.summary();
        b.description = draft.description();
        b.visibility = draft.visibility();
        b.status = assignee == null ? Status.NEW : Status.ASSIGNED;
        b.assignedGroup = group;
        b.assignee = assignee;
        b.submittedAt = now;
        b.updatedAt = now;
        b.version = 1;
        b.idempotencyKey = idempotencyKey;
        b.attachments = List.copyOf(attachments);
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(now, requester.id(), HistoryEvent.FILED, null, group.value()));
        if (assignee != null) {
            history.add(new HistoryEntry(now, requester.id(), HistoryEvent.ASSIGNED, null, assignee.value()));
        }
        for (Attachment a : attachments) {
            history.add(new HistoryEntry(now, requester.id(), HistoryEvent.ATTACHMENT_ADDED, null, a.name()));
        }
        b.history = history;
        return new Request(b);
    }

    /** A builder for a request read back from storage. */
    public static Builder restore() {
        return new Builder();
    }

    /** Staff post an answer (public) or a note (internal). */
    public RequestChange staffMessage(Person staff, String body, boolean internal, Instant now) {
        requireOpenForMessages();
        Message m = new Message(UUID.randomUUID(), staff.ref(), internal ? MessageKind.INTERNAL_NOTE
                : MessageKind.PUBLIC_ANSWER, body, now);
        HistoryEntry h = new HistoryEntry(now, staff.id(), internal ? HistoryEvent.NOTE_ADDED : HistoryEvent.ANSWERED,
                null, null);
        RequestEvent e = internal ? new RequestEvent.NoteAdded(m) : new RequestEvent.Answered(m);
        return change(toBuilder(now), List.of(m), List.of(h), List.of(e));
    }

    /** The requester follows up; a request waiting for them goes back to IN_PROGRESS. */
    public RequestChange followUp(Person requester, String body, Instant now) {
        requireOpenForMessages();
        Message m = new Message(UUID.randomUUID(), requester.ref(), MessageKind.FOLLOW_UP, body, now);
        Builder b = toBuilder(now);
        List<HistoryEntry> h = new ArrayList<>();
        List<RequestEvent> events = new ArrayList<>();
        h.add(new HistoryEntry(now, requester.id(), HistoryEvent.FOLLOWED_UP, null, null));
        events.add(new RequestEvent.FollowedUp(m));
        if (status == Status.WAITING_FOR_REQUESTER) {
            b.status = Status.IN_PROGRESS;
            h.add(statusEntry(now, requester.id(), Status.IN_PROGRESS));
            events.add(new RequestEvent.StatusChanged(status, Status.IN_PROGRESS, null, Actor.REQUESTER));
        }
        return change(b, List.of(m), h, events);
    }

    /** Staff send the request to another group, or to a person in a group; a comment becomes an internal note. */
    public RequestChange redirect(Person staff, GroupCode group, PersonId newAssignee, String comment, Instant now) {
        if (!Lifecycle.canRedirect(status)) {
            throw TicketingException.conflict("request.redirect.not_allowed",
                    "Une demande résolue ou close ne peut pas être redirigée.");
        }
        if (group.equals(assignedGroup) && Objects.equals(newAssignee, assignee)) {
            throw TicketingException.conflict("request.redirect.same",
                    "La demande est déjà attribuée à ce groupe et à cette personne.");
        }
        Builder b = toBuilder(now);
        b.assignedGroup = group;
        b.assignee = newAssignee;
        b.status = Lifecycle.afterRedirect(newAssignee != null);
        List<HistoryEntry> h = new ArrayList<>();
        h.add(new HistoryEntry(now, staff.id(), HistoryEvent.REDIRECTED, assignedGroup.value(), group.value()));
        if (!Objects.equals(newAssignee, assignee)) {
            h.add(new HistoryEntry(now, staff.id(), HistoryEvent.ASSIGNED,
                    assignee == null ? null : assignee.value(), newAssignee == null ? null : newAssignee.value()));
        }
        if (b.status != status) {
            h.add(statusEntry(now, staff.id(), b.status));
        }
        List<Message> m = comment == null || comment.isBlank() ? List.of()
                : List.of(new Message(UUID.randomUUID(), staff.ref(), MessageKind.INTERNAL_NOTE, comment, now));
        return change(b, m, h, List.of(new RequestEvent.Redirected(assignedGroup, group, newAssignee, comment)));
    }

    /**
     * Moves the request to {@code to} if the lifecycle lets {@code actor} do so; a requester reopens a resolved request
     * only within {@code reopenWindow} of its resolution. A comment becomes a message of the actor.
     */
    public RequestChange changeStatus(Person by, Actor actor, Status to, String comment, Duration reopenWindow,
            Instant now) {
        if (!Lifecycle.allows(actor, status, to)) {
            throw TicketingException.conflict("request.transition.not_allowed",
                    "Impossible de passer la demande de l'état " + StatusLabels.french(status) + " à l'état "
                            + StatusLabels.french(to) + ".");
        }
        if (actor == Actor.REQUESTER && status == Status.RESOLVED && resolvedAt != null
                && now.isAfter(resolvedAt.plus(reopenWindow))) {
            throw TicketingException.conflict("request.reopen.too_late",
                    "Le délai pour rouvrir cette demande est dépassé ; déposez une nouvelle demande.");
        }
        Builder b = toBuilder(now);
        b.status = to;
        b.resolvedAt = to == Status.RESOLVED ? now : to == Status.CLOSED ? resolvedAt : null;
        List<Message> m = comment == null || comment.isBlank() ? List.of()
                : List.of(new Message(UUID.randomUUID(), by.ref(),
                        actor == Actor.STAFF ? MessageKind.PUBLIC_ANSWER : MessageKind.FOLLOW_UP, comment, now));
        return change(b, m, List.of(statusEntry(now, by.id(), to)),
                List.of(new RequestEvent.StatusChanged(status, to, comment, actor)));
    }

    private HistoryEntry statusEntry(Instant now, PersonId by, Status to) {
        return new HistoryEntry(now, by, HistoryEvent.STATUS_CHANGED, status.name(), to.name());
    }

    private void requireOpenForMessages() {
        if (!Lifecycle.acceptsMessages(status)) {
            throw TicketingException.conflict("request.closed",
                    "Cette demande est close : elle n'accepte plus de message.");
        }
    }

    private RequestChange change(Builder b, List<Message> newMessages, List<HistoryEntry> newHistory,
            List<RequestEvent> events) {
        List<Message> allMessages = new ArrayList<>(messages);
        allMessages.addAll(newMessages);
        b.messages = allMessages;
        List<HistoryEntry> allHistory = new ArrayList<>(history);
        allHistory.addAll(newHistory);
        b.history = allHistory;
        return new RequestChange(this, new Request(b), newMessages, newHistory, events);
    }

    private Builder toBuilder(Instant now) {
        Builder b = new Builder();
        b.number = number;
        b.requester = requester;
        b.establishment = establishment;
        b.subject = subject;
        b.type = type;
        b.summary = summary;
        b.description = description;
        b.visibility = visibility;
        b.status = status;
        b.assignedGroup = assignedGroup;
        b.assignee = assignee;
        b.submittedAt = submittedAt;
        b.updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        b.resolvedAt = resolvedAt;
        b.version = version + 1;
        b.idempotencyKey = idempotencyKey;
        b.messages = messages;
        b.attachments = attachments;
        b.history = history;
        return b;
    }

    /** The same request without its idempotency key, once the key's window is over; the version is unchanged. */
    public Request withoutIdempotencyKey() {
        Builder b = toBuilder(updatedAt);
        b.version = version;
        b.idempotencyKey = null;
        return new Request(b);
    }

    public boolean isRequester(PersonId person) {
        return requester.id().equals(person);
    }

    public RequestSummary summaryLine() {
        return new RequestSummary(number, summary, subject, type, status, visibility, submittedAt, updatedAt,
                establishment, requester, assignedGroup, assignee);
    }

    public RequestNumber number() {
        return number;
    }

    public PersonRef requester() {
        return requester;
    }

    public Optional<Uai> establishment() {
        return Optional.ofNullable(establishment);
    }

    public SubjectCode subject() {
        return subject;
    }

    public String type() {
        return type;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    public Visibility visibility() {
        return visibility;
    }

    public Status status() {
        return status;
    }

    public GroupCode assignedGroup() {
        return assignedGroup;
    }

    public Optional<PersonId> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    public long version() {
        return version;
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public List<Message> messages() {
        return messages;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    public List<HistoryEntry> history() {
        return history;
    }

    public Optional<Attachment> attachment(AttachmentId id) {
        return attachments.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The same request as a requester may see it: no internal notes, no staff-only history. */
    public Request asSeenByRequester() {
        Builder b = toBuilder(updatedAt);
        b.version = version;
        b.messages = messages.stream().filter(m -> !m.internal()).toList();
        b.history = history.stream().filter(h -> !h.event().staffOnly()).toList();
        return new Request(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && number.equals(r.number) && version == r.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, version);
    }

    @Override
    public String toString() {
        return "Request[" + number + " v" + version + " " + status + "]";
    }

    /** Fields of a request read back from storage; every required field must be set before {@link #build()}. */
    public static final class Builder {
        private RequestNumber number;
        private PersonRef requester;
        private Uai establishment;
        private SubjectCode subject;
        private String type;
        private String summary;
        private String description;
        private Visibility visibility;
        private Status status;
        private GroupCode assignedGroup;
        private PersonId assignee;
        private Instant submittedAt;
        private Instant updatedAt;
        private Instant resolvedAt;
        private long version;
        private String idempotencyKey;
        private List<Message> messages = List.of();
        private List<Attachment> attachments = List.of();
        private List<HistoryEntry> history = List.of();

        private Builder() {
        }

        public Builder summaryLine(RequestSummary s) {
            number = s.number();
            summary = s.summary();
            subject = s.subject();
            type = s.type();
            status = s.status();
            visibility = s.visibility();
            submittedAt = s.submittedAt();
            updatedAt = s.updatedAt();
            establishment = s.establishment();
            requester = s.requester();
            assignedGroup = s.assignedGroup();
            assignee = s.assignee();
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Builder idempotencyKey(String value) {
            idempotencyKey = value;
            return this;
        }

        public Builder messages(List<Message> value) {
            messages = value;
            return this;
        }

        public Builder attachments(List<Attachment> value) {
            attachments = value;
            return this;
        }

        public Builder history(List<HistoryEntry> value) {
            history = value;
            return this;
        }

        public Request build() {
            return new Request(this);
        }
    }
}
