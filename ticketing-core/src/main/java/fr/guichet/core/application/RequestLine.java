package fr.guichet.core.application;

import fr.guichet.core.domain.request.RequestSummary;
import java.util.Objects;

/**
 * A listed request with the labels a person reads: the subject's display, the type's label, its assignee (null when
 * none) and who acted on it last, by name.
 */
public record RequestLine(RequestSummary request, String subjectDisplay, String typeLabel, NamedPerson assignee,
        NamedPerson lastActivityBy) {

    public RequestLine {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subjectDisplay, "subjectDisplay");
        Objects.requireNonNull(typeLabel, "typeLabel");
        Objects.requireNonNull(lastActivityBy, "lastActivityBy");
    }
}
