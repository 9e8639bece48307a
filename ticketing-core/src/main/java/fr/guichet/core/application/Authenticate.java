package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.SessionStore;
import java.time.Clock;
import java.util.Optional;

/** Finds who holds a session token: empty for an unknown, expired or ended session, or a deactivated person. */
public final class Authenticate {

    private final SessionStore sessions;
    private final PersonDirectory people;
    private final Clock clock;

    public Authenticate(SessionStore sessions, PersonDirectory people, Clock clock) {
        this.sessions = sessions;
        this.people = people;
        this.clock = clock;
    }

    public Optional<Person> person(SessionToken token) {
        return sessions.find(token.hash(), clock.instant())
                .flatMap(s -> people.find(s.person()))
                .filter(Person::active);
    }
}
