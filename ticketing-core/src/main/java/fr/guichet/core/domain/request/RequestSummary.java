package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Instant;
import java.util.Objects;

/** One line of a list of requests: what "Liste de mes dernières demandes" and the staff queue show. */
public record RequestSummary(RequestNumber number, String summary, SubjectCode subject, String type, Status status,
        Visibility visibility, Instant submittedAt, Instant updatedAt, Uai establishment, PersonRef requester,
        GroupCode assignedGroup, PersonId assignee) {

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
    }
}
