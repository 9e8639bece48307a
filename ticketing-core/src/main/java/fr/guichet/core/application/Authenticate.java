package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds who holds a session token: empty for an unknown, expired or ended session, or a deactivated person. A session
 * found is kept in this node's {@link SessionCache} for a few seconds, so that the next calls read no store.
 */
public final class Authenticate {

    private final SessionStore sessions;
    private final PersonDirectory people;
    private final Clock clock;
    private final SessionCache cache;

    Authenticate(SessionStore sessions, PersonDirectory people, Clock clock, SessionCache cache) {
        this.sessions = sessions;
        this.people = people;
        this.clock = clock;
        this.cache = cache;
    }

    public Optional<Person> person(SessionToken token) {
        TokenHash hash = token.hash();
        Instant now = clock.instant();
        Optional<Person> cached = cache.find(hash, now);
        if (cached.isPresent()) {
            return cached;
        }
        long seen = cache.generation();
        Optional<StoredSession> session = sessions.find(hash, now);
        Optional<Person> person = session.flatMap(s -> people.find(s.person())).filter(Person::active);
        person.ifPresent(p -> cache.keep(seen, hash, p, now, session.get().expiresAt()));
        return person;
    }
}
