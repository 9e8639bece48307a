package fr.guichet.core.domain.request;

/** Who may read a request besides its requester and staff: nobody (PRIVATE, the default) or any signed-in person. */
public enum Visibility {
    PRIVATE,
    PUBLIC
}
