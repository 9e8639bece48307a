package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.PersonRef;

/**
 * Guichet itself as the one who makes the automatic moves on requests (reminders, resolution and closing of idle
 * requests): recorded under an identifier no directory hands out (it begins with "$") and named "Guichet" wherever
 * people read who acted (the author of its messages is {@link #REF}, whose stored name readers replace by {@link #NAME}).
 */
public final class Guichet {

    /** The identifier its history entries are recorded under. */
    public static final PersonId ID = PersonId.of("$guichet");

    /** The name people read. */
    public static final String NAME = "Guichet";

    /** The author of its messages. */
    public static final PersonRef REF = new PersonRef(ID, new PersonName(NAME, NAME));

    private Guichet() {
    }

    /** True when {@code id} is Guichet's own. */
    public static boolean is(PersonId id) {
        return ID.equals(id);
    }
}
