package fr.guichet.core.application;

import java.util.Objects;

/**
 * Someone a list names: their identifier, their name as shown ("Marc Montanes") and as listed ("Montanes Marc");
 * someone the directory no longer knows is named by identifier to staff and as the helpdesk to others.
 */
public record NamedPerson(String identifier, String displayName, String listedName) {

    public NamedPerson {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(listedName, "listedName");
    }
}
