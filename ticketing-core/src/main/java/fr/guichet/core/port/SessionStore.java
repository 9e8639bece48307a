package fr.guichet.core.port;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.domain.session.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** Keeps signed-in sessions by token hash (never the token itself); shared by every node; thread-safe. */
public interface SessionStore {

    /** Stores a new session (its token hash is new). */
    void save(StoredSession session);

    /** The session with this hash, if it exists and has not expired at {@code now}. */
    Optional<StoredSession> find(TokenHash hash, Instant now);

    /** Ends the session with this hash; nothing happens when there is none. */
    void delete(TokenHash hash);

    /** Ends every session of a person; returns how many there were. */
    int deleteAllOf(PersonId person);

    /** How many sessions are expired at {@code now}. */
    int countExpired(Instant now);

    /** Removes sessions expired at {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
