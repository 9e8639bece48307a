package fr.guichet.core.application;

import fr.guichet.core.domain.request.RequestSummary;
import java.util.Objects;

/**
 * A listed request with the labels a person reads: the subject's display, the type's label, its assignee (null when
 * none) and who acted on it last, by name; the establishment's name, null when the directory does not know it.
 */
public record RequestLine(RequestSummary request, String subjectDisplay, String typeLabel, NamedPerson assignee,
        NamedPerson lastActivityBy, String establishmentName) {

    public RequestLine {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subjectDisplay, "subjectDisplay");
        Objects.requireNonNull(typeLabel, "typeLabel");
        Objects.requireNonNull(lastActivityBy, "lastActivityBy");
    }
}
