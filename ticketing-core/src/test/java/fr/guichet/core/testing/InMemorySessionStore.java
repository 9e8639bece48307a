package fr.guichet.core.testing;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.port.SessionStore;
import java.time.Instant;
import java.util.Optional;

/** Sessions in memory, by token hash. */
public final class InMemorySessionStore implements SessionStore {

    private final InMemoryDatabase db;

    public InMemorySessionStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void save(StoredSession session) {
        db.write(s -> s.sessions.put(session.tokenHash(), session));
    }

    @Override
    public Optional<StoredSession> find(TokenHash hash, Instant now) {
        return db.read(s -> Optional.ofNullable(s.sessions.get(hash)).filter(x -> x.expiresAt().isAfter(now)));
    }

    @Override
    public void delete(TokenHash hash) {
        db.write(s -> s.sessions.remove(hash));
    }

    @Override
    public int deleteAllOf(PersonId person) {
        return db.read(s -> {
            int before = s.sessions.size();
            s.sessions.values().removeIf(x -> x.person().equals(person));
            return before - s.sessions.size();
        });
    }

    @Override
    public int countExpired(Instant now) {
        return db.read(s -> (int) s.sessions.values().stream().filter(x -> !x.expiresAt().isAfter(now)).count());
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.read(s -> {
            int before = s.sessions.size();
            s.sessions.values().removeIf(x -> !x.expiresAt().isAfter(now));
            return before - s.sessions.size();
        });
    }
}
