package fr.guichet.core.domain.request;

import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.subject.SubjectCode;

/**
 * What a requester types to file a request, validated as a whole: every faulty field is reported at once.
 * Visibility defaults to PRIVATE.
 */
public record RequestDraft(SubjectCode subject, String type, String summary, String description,
        Visibility visibility) {

    public static final int MAX_SUMMARY = 120;
    public static final int MAX_DESCRIPTION = 20_000;

    public RequestDraft {
        Validation v = new Validation();
        v.check(() -> Validation.required(subject, "subject", "Le sujet"));
        v.check(() -> Validation.text(type, "type", "Le type de demande", 32, false));
        v.check(() -> Validation.text(summary, "summary", "Le résumé", MAX_SUMMARY, false));
        v.check(() -> Validation.text(description, "description", "La description", MAX_DESCRIPTION, true));
        v.throwIfInvalid();
        visibility = visibility == null ? Visibility.PRIVATE : visibility;
    }

    /** Builds a draft from text fields as a form or JSON gives them, reporting every faulty field at once. */
    public static RequestDraft parse(String subject, String type, String summary, String description,
            String visibility) {
        Validation v = new Validation();
        SubjectCode code = subject == null || subject.isBlank()
                ? null : v.check(() -> SubjectCode.parse(subject));
        Visibility vis = v.check(() -> parseVisibility(visibility));
        if (code == null && (subject == null || subject.isBlank())) {
            v.check(() -> Validation.required(null, "subject", "Le sujet"));
        }
        v.check(() -> Validation.text(type, "type", "Le type de demande", 32, false));
        v.check(() -> Validation.text(summary, "summary", "Le résumé", MAX_SUMMARY, false));
        v.check(() -> Validation.text(description, "description", "La description", MAX_DESCRIPTION, true));
        v.throwIfInvalid();
        return new RequestDraft(code, type, summary, description, vis);
    }

    private static Visibility parseVisibility(String text) {
        if (text == null || text.isEmpty()) {
            return Visibility.PRIVATE;
        }
        try {
            return Visibility.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw fr.guichet.core.domain.DomainError.invalid("visibility", "visibility.invalid",
                    "La visibilité doit être PRIVATE ou PUBLIC.").exception();
        }
    }
}
