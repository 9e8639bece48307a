package fr.guichet.core.application;

import fr.guichet.core.domain.request.RequestSummary;
import java.util.Objects;

/** A listed request with the labels a person reads: the subject's display and the type's label. */
public record RequestLine(RequestSummary request, String subjectDisplay, String typeLabel) {

    public RequestLine {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subjectDisplay, "subjectDisplay");
        Objects.requireNonNull(typeLabel, "typeLabel");
    }
}
