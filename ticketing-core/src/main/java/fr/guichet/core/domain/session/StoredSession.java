package fr.guichet.core.domain.session;

import fr.guichet.core.domain.person.PersonId;
import java.time.Instant;
import java.util.Objects;

/** A session as stored: the token's hash, whose it is, and when it ends. */
public record StoredSession(TokenHash tokenHash, PersonId person, Instant createdAt, Instant expiresAt) {

    public StoredSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must end after it starts");
        }
    }
}
