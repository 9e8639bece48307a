package fr.guichet.core.application;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;

/**
 * What people read, in words, for what the catalog or the directory no longer knows: never its code.
 */
final class Fallbacks {

    /** A request's subject the catalog no longer holds. */
    static final String SUBJECT = "Sujet retiré du catalogue";

    /** A request's type the catalog no longer holds. */
    static final String REQUEST_TYPE = "Type de demande retiré du catalogue";

    /** A support group the directory no longer knows. */
    static final String GROUP = "Groupe inconnu de l'annuaire";

    private Fallbacks() {
    }

    /** The label of {@code code} in {@code people}, or {@link #GROUP}. */
    static String groupLabel(PersonDirectory people, GroupCode code) {
        return people.group(code).map(SupportGroup::label).orElse(GROUP);
    }
}
