package fr.guichet.core.domain.request;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.subject.SubjectCode;

/**
 * What a requester types to file a request, validated as a whole: every faulty field is reported at once.
 * Visibility defaults to PRIVATE.
 */
public record RequestDraft(SubjectCode subject, String type, Summary summary, Description description,
        Visibility visibility) {

    public static final int MAX_TYPE = 32;

    public RequestDraft {
        Validation v = new Validation();
        v.check(() -> Validation.required(subject, "subject", "Le sujet"));
        v.check(() -> Validation.text(type, "type", "Le type de demande", MAX_TYPE, false));
        v.check(() -> Validation.required(summary, "summary", "Le résumé"));
        v.check(() -> Validation.required(description, "description", "La description"));
        v.throwIfInvalid();
        visibility = visibility == null ? Visibility.PRIVATE : visibility;
    }

    /** Builds a draft from text fields as a form or JSON gives them, reporting every faulty field at once. */
    public static RequestDraft parse(String subject, String type, String summary, String description,
            String visibility) {
        Validation v = new Validation();
        SubjectCode code = subject == null || subject.isBlank() ? null : v.check(() -> SubjectCode.parse(subject));
        Visibility vis = v.check(() -> parseVisibility(visibility));
        Summary s = v.check(() -> new Summary(summary));
        Description d = v.check(() -> new Description(description));
        RequestDraft draft = v.check(() -> new RequestDraft(code, type, s, d, vis));
        v.throwIfInvalid();
        return draft;
    }

    private static Visibility parseVisibility(String text) {
        if (text == null || text.isEmpty()) {
            return Visibility.PRIVATE;
        }
        try {
            return Visibility.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw DomainError.invalid("visibility", "visibility.invalid",
                    "La visibilité doit être PRIVATE ou PUBLIC.").exception();
        }
    }
}
