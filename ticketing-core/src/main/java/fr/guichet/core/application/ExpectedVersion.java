package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.port.RequestRepository;

/**
 * Checks the version a caller last saw (an {@code If-Match}) against the stored one, when the request is read and
 * again when its change is stored.
 */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** Refuses with STALE when {@code expected} is given and differs from the request's version. */
    static void check(Request request, Long expected) {
        if (expected != null && expected != request.version()) {
            throw stale();
        }
    }

    /**
     * Stores {@code change}; if someone changed the request since it was read, nothing is stored and the refusal is
     * STALE when the caller gave {@code expected} (what they saw is outdated, however that is found), else CONFLICT.
     */
    static void store(RequestRepository requests, RequestChange change, Long expected) {
        if (requests.update(change)) {
            return;
        }
        if (expected != null) {
            throw stale();
        }
        throw DomainError.of(ErrorKind.CONFLICT, "request.version.conflict",
                "La demande vient d'être modifiée par quelqu'un d'autre : rechargez-la.").exception();
    }

    private static TicketingException stale() {
        return DomainError.of(ErrorKind.STALE, "request.version.stale",
                "La demande a été modifiée entre-temps : rechargez-la avant de recommencer.").exception();
    }
}
