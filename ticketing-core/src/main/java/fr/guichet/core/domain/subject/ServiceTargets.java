package fr.guichet.core.domain.subject;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;

/**
 * A subject's own service-level targets, in working hours of the school calendar: for the first staff answer and for
 * the resolution; each may be null (inherited from the parent, none at the root). Immutable.
 */
public record ServiceTargets(Integer firstAnswerHours, Integer resolutionHours) {

    /** The most a target may be: a school year of working hours, roughly. */
    public static final int MAX_HOURS = 2_000;

    /** Both inherited. */
    public static final ServiceTargets INHERITED = new ServiceTargets(null, null);

    public ServiceTargets {
        Validation v = new Validation();
        check(v, firstAnswerHours, "firstAnswerHours", "de première réponse");
        check(v, resolutionHours, "resolutionHours", "de résolution");
        v.throwIfInvalid();
    }

    private static void check(Validation v, Integer hours, String field, String what) {
        if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
            v.add(DomainError.invalid(field, "subject.target.invalid", "L'objectif " + what
                    + " est un nombre d'heures ouvrées de 1 à " + MAX_HOURS + "."));
        }
    }

    /** These targets, each one unset taken from {@code parent}'s. */
    public ServiceTargets over(ServiceTargets parent) {
        return new ServiceTargets(firstAnswerHours != null ? firstAnswerHours : parent.firstAnswerHours,
                resolutionHours != null ? resolutionHours : parent.resolutionHours);
    }
}
