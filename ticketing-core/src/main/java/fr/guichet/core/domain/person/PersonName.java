package fr.guichet.core.domain.person;

import fr.guichet.core.domain.Validation;

/** A person's given and family names, shown "Marc Montanes" and, in request lists, "Montanes Marc". */
public record PersonName(String given, String family) {

    public PersonName {
        Validation.text(given, "givenName", "Le prénom", 100, false);
        Validation.text(family, "familyName", "Le nom", 100, false);
    }

    public String display() {
        return given + " " + family;
    }

    /** Family name first, as in the lists of requests. */
    public String listed() {
        return family + " " + given;
    }
}
