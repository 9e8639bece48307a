package fr.guichet.jdbc;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.port.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions by the SHA-256 of their token; the token itself is never stored. */
final class JdbiSessionStore implements SessionStore {

    private final Database db;

    JdbiSessionStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(StoredSession session) {
        db.inTransaction(h -> h.createUpdate(db.dialect().upsert("sessions", "token_hash",
                        List.of("token_hash", "person_id", "created_at", "expires_at")))
                .bind("token_hash", session.tokenHash().value())
                .bind("person_id", session.person().value())
                .bind("created_at", session.createdAt())
                .bind("expires_at", session.expiresAt())
                .execute());
    }

    @Override
    public Optional<StoredSession> find(TokenHash hash, Instant now) {
        return db.read(h -> h.createQuery("SELECT token_hash, person_id, created_at, expires_at "
                        + "FROM sessions WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", hash.value()).bind("now", now)
                .map((rs, ctx) -> new StoredSession(new TokenHash(rs.getString("token_hash")),
                        PersonId.of(rs.getString("person_id")), Database.instant(rs, "created_at"),
                        Database.instant(rs, "expires_at")))
                .findOne());
    }

    @Override
    public void delete(TokenHash hash) {
        db.inTransaction(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", hash.value()).execute());
    }

    @Override
    public int deleteAllOf(PersonId person) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM sessions WHERE person_id = :person")
                .bind("person", person.value()).execute());
    }

    @Override
    public int countExpired(Instant now) {
        return db.inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE expires_at <= :now")
                .bind("now", now).mapTo(Integer.class).one());
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", now).execute());
    }
}
