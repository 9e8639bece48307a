package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.SessionToken;
import java.time.Instant;
import java.util.Objects;

/** A new session: who signed in, the token to hand to the client (once), and when it ends. */
public record SignedIn(Person person, SessionToken token, Instant expiresAt) {

    public SignedIn {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String csrfToken() {
        return token.csrfToken();
    }
}
