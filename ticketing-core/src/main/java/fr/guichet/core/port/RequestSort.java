package fr.guichet.core.port;

/**
 * The orders a list of requests may take; an allow-list, so no caller text ever reaches a query's ORDER BY. Each is
 * total: requests of the same date are ordered by number, so that a list reads the same page after page.
 */
public enum RequestSort {
    /** Newest filed first (ties: highest number first). */
    NEWEST,
    /** Oldest filed first (ties: lowest number first). */
    OLDEST,
    /** Most recently changed first (ties: highest number first). */
    UPDATED,
    /** Least recently changed first (ties: lowest number first). */
    UPDATED_LONGEST_AGO,
    /**
     * Earliest due first: the first answer's due while none was given, then the resolution's; the requests with
     * nothing due (no target, targets met, waiting on the requester, resolved or closed) last (ties: lowest number
     * first). See {@link fr.guichet.core.domain.request.ServiceLevel#nextDue}.
     */
    DUE
}
