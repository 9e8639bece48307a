package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.request.Request;

/** Checks the version a caller last saw (an {@code If-Match}) against the stored one. */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** Refuses with STALE when {@code expected} is given and differs from the request's version. */
    static void check(Request request, Long expected) {
        if (expected != null && expected != request.version()) {
            throw DomainError.of(ErrorKind.STALE, "request.version.stale",
                    "La demande a été modifiée entre-temps : rechargez-la avant de recommencer.").exception();
        }
    }
}
