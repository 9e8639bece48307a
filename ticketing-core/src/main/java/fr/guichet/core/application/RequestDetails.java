package fr.guichet.core.application;

import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A request as one viewer may see it (internal notes and staff-only history removed for non-staff), with the names a
 * person reads (the subject's display, the type's label, the group's label, the assignee's name, the history by name)
 * and the statuses the lifecycle lets this viewer move it to now; for staff, the requests following it as an incident
 * (none for others). {@code assigneeName} is null when nobody has it, {@code establishmentName} when the directory
 * of establishments does not know the request's.
 */
public record RequestDetails(Request request, String subjectDisplay, String typeLabel, Set<Status> allowedStatuses,
        String groupLabel, String assigneeName, List<HistoryLine> history, List<RequestNumber> children,
        String establishmentName) {

    public RequestDetails {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subjectDisplay, "subjectDisplay");
        Objects.requireNonNull(typeLabel, "typeLabel");
        Objects.requireNonNull(groupLabel, "groupLabel");
        allowedStatuses = Set.copyOf(allowedStatuses);
        history = List.copyOf(history);
        children = List.copyOf(children);
    }
}
