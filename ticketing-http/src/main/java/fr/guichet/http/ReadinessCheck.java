package fr.guichet.http;

/**
 * Tells {@code GET /ready} whether the server can serve requests, typically whether the database answers; the wiring
 * binds it (for JDBC, a cheap query on the pool). Implementations must be thread-safe, fast, and never throw.
 */
@FunctionalInterface
public interface ReadinessCheck {

    /** True when every service the API needs answers now. */
    boolean ready();
}
