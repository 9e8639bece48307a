package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.PersonId;

/**
 * Guichet itself as the one who makes the automatic moves on requests (reminders, resolution and closing of idle
 * requests): recorded under an identifier no directory hands out (it begins with "$") and named "Guichet" wherever
 * people read who acted.
 */
public final class Guichet {

    /** The identifier its history entries are recorded under. */
    public static final PersonId ID = PersonId.of("$guichet");

    /** The name people read. */
    public static final String NAME = "Guichet";

    private Guichet() {
    }

    /** True when {@code id} is Guichet's own. */
    public static boolean is(PersonId id) {
        return ID.equals(id);
    }
}
