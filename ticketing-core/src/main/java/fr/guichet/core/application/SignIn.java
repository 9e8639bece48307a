package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs a person in with identifier and password and opens a new session (a new token every time). Unknown
 * identifier, wrong password and deactivated account all give the same refusal.
 */
public final class SignIn {

    /** The longest identifier or password looked at; longer ones are refused unchecked. */
    public static final int MAX_INPUT_LENGTH = 256;

    private final CredentialsVerifier credentials;
    private final PersonDirectory people;
    private final SessionStore sessions;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final TicketingSettings settings;
    private final SessionCache cache;

    SignIn(CredentialsVerifier credentials, PersonDirectory people, SessionStore sessions,
            UnitOfWork unitOfWork, Clock clock, TicketingSettings settings, SessionCache cache) {
        this.credentials = credentials;
        this.people = people;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.settings = settings;
        this.cache = cache;
    }

    public SignedIn signIn(String identifier, String password, boolean remember) {
        if (identifier == null || identifier.isBlank() || identifier.length() > MAX_INPUT_LENGTH || password == null
                || password.isEmpty() || password.length() > MAX_INPUT_LENGTH) {
            throw refused();
        }
        long seen = cache.generation();
        Optional<PersonId> verified = credentials.verify(identifier.strip(), password);
        Person person = verified.flatMap(people::find).filter(Person::active).orElseThrow(SignIn::refused);
        Instant now = clock.instant();
        SessionToken token = SessionToken.random();
        Instant expiresAt = now.plus(remember ? settings.rememberedSessionLength() : settings.sessionLength());
        unitOfWork.run(() -> sessions.save(new StoredSession(token.hash(), person.id(), now, expiresAt)));
        cache.keep(seen, token.hash(), person, now, expiresAt);
        return new SignedIn(person, token, expiresAt);
    }

    static TicketingException refused() {
        return DomainError.of(ErrorKind.UNAUTHENTICATED, "signin.refused",
                "Identifiant ou mot de passe incorrect.").exception();
    }
}
