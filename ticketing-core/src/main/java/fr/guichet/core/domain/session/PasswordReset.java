package fr.guichet.core.domain.session;

import fr.guichet.core.domain.person.PersonId;
import java.time.Instant;
import java.util.Objects;

/** A password reset as stored: the hash of its link's token, whose password it may set, and when it was asked and ends. */
public record PasswordReset(TokenHash tokenHash, PersonId person, Instant askedAt, Instant expiresAt) {

    public PasswordReset {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(askedAt)) {
            throw new IllegalArgumentException("a password reset must end after it is asked");
        }
    }

    /** Whether its link still works at {@code now}. */
    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
