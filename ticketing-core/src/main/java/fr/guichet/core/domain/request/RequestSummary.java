package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Instant;
import java.util.Objects;

/**
 * What a request is about, where it stands and who has it: the header of a {@link Request}, and one line of a list
 * of requests ("Liste de mes dernières demandes", the staff queue), with who acted on it last and whether it came
 * back from RESOLVED once at least ({@code reopened}), and where it stands against its subject's targets
 * ({@code serviceLevel}). {@code establishment} and {@code assignee} may be null.
 */
public record RequestSummary(RequestNumber number, Summary summary, SubjectCode subject, String type, Status status,
        Visibility visibility, Instant submittedAt, Instant updatedAt, Uai establishment, PersonRef requester,
        GroupCode assignedGroup, PersonId assignee, LastActivity lastActivity, boolean reopened,
        ServiceLevel serviceLevel) {

    public RequestSummary {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(assignedGroup, "assignedGroup");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(serviceLevel, "serviceLevel");
    }

    /** A line without targets nor first answer ({@link ServiceLevel#NONE}). */
    public RequestSummary(RequestNumber number, Summary summary, SubjectCode subject, String type, Status status,
            Visibility visibility, Instant submittedAt, Instant updatedAt, Uai establishment, PersonRef requester,
            GroupCode assignedGroup, PersonId assignee, LastActivity lastActivity, boolean reopened) {
        this(number, summary, subject, type, status, visibility, submittedAt, updatedAt, establishment, requester,
                assignedGroup, assignee, lastActivity, reopened, ServiceLevel.NONE);
    }

    /** True when a due of the request is past and not met while its clock runs (« En retard »). */
    public boolean late(Instant now) {
        return serviceLevel.late(status, now);
    }

    /** The same line with {@code value} as its service level. */
    public RequestSummary withServiceLevel(ServiceLevel value) {
        return new RequestSummary(number, summary, subject, type, status, visibility, submittedAt, updatedAt,
                establishment, requester, assignedGroup, assignee, lastActivity, reopened, value);
    }

    /** True when the requester spoke last, or nobody of the staff has acted since the filing. */
    public boolean awaitingStaff() {
        return lastActivity.awaitingStaff();
    }

    /**
     * The same request in {@code newStatus} after {@code activity}, updated at its time unless it was updated later,
     * and acted on last by it unless someone acted later; reopened from now on if it leaves RESOLVED for an open
     * status.
     */
    public RequestSummary withStatus(Status newStatus, LastActivity activity) {
        RequestSummary moved = withRouting(assignedGroup, assignee, newStatus, activity);
        return status == Status.RESOLVED && newStatus.isOpen() ? moved.reopenedOnce() : moved;
    }

    /**
     * The same request in {@code newStatus}, moved by Guichet rather than a person: updated at {@code at} unless it was
     * updated later, acted on last by whoever acted before.
     */
    public RequestSummary movedBySystem(Status newStatus, Instant at) {
        return movedAside(assignedGroup, assignee, newStatus, at);
    }

    /**
     * The same request with {@code group} and {@code newAssignee} (may be null) in {@code newStatus}, moved by an act
     * that is not an activity on it (Guichet's housekeeping, an administrator's change of its assignee's account):
     * updated at {@code at} unless it was updated later, acted on last by whoever acted before.
     */
    public RequestSummary movedAside(GroupCode group, PersonId newAssignee, Status newStatus, Instant at) {
        return new RequestSummary(number, summary, subject, type, newStatus, visibility, submittedAt,
                at.isAfter(updatedAt) ? at : updatedAt, establishment, requester, group, newAssignee, lastActivity,
                reopened, serviceLevel);
    }

    private RequestSummary reopenedOnce() {
        return new RequestSummary(number, summary, subject, type, status, visibility, submittedAt, updatedAt,
                establishment, requester, assignedGroup, assignee, lastActivity, true, serviceLevel);
    }

    /**
     * The same request with {@code group} and {@code newAssignee} (may be null) in {@code newStatus} after
     * {@code activity}, updated at its time unless it was updated later, and acted on last by it unless someone acted
     * later.
     */
    public RequestSummary withRouting(GroupCode group, PersonId newAssignee, Status newStatus,
            LastActivity activity) {
        Instant at = activity.at();
        return new RequestSummary(number, summary, subject, type, newStatus, visibility, submittedAt,
                at.isAfter(updatedAt) ? at : updatedAt, establishment, requester, group, newAssignee,
                at.isBefore(lastActivity.at()) ? lastActivity : activity, reopened, serviceLevel);
    }
}
