package fr.guichet.core.application;

import fr.guichet.core.domain.request.Request;
import java.util.Objects;

/** A request as one viewer may see it (internal notes and staff-only history removed for non-staff), with labels. */
public record RequestDetails(Request request, String subjectDisplay, String typeLabel) {

    public RequestDetails {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subjectDisplay, "subjectDisplay");
        Objects.requireNonNull(typeLabel, "typeLabel");
    }
}
