package fr.guichet.core.port;

/** The orders a list of requests may take; an allow-list, so no caller text ever reaches a query's ORDER BY. */
public enum RequestSort {
    /** Newest filed first (ties: highest number first). */
    NEWEST,
    /** Oldest filed first. */
    OLDEST,
    /** Most recently changed first. */
    UPDATED
}
