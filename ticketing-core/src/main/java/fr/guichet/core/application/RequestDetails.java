package fr.guichet.core.application;

import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.Status;
import java.util.Objects;
import java.util.Set;

/**
 * A request as one viewer may see it (internal notes and staff-only history removed for non-staff), with labels and
 * the statuses the lifecycle lets this viewer move it to now.
 */
public record RequestDetails(Request request, String subjectDisplay, String typeLabel, Set<Status> allowedStatuses) {

    public RequestDetails {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subjectDisplay, "subjectDisplay");
        Objects.requireNonNull(typeLabel, "typeLabel");
        allowedStatuses = Set.copyOf(allowedStatuses);
    }
}
