package fr.guichet.jdbc;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.port.PasswordResets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Password resets, one row per person (an upsert replaces the earlier one), by the SHA-256 of their token. A use reads
 * the row and deletes it: the delete that removes it is the one use that counts, so that of racing uses on any node
 * one wins.
 */
final class JdbiPasswordResets implements PasswordResets {

    private static final String COLUMNS = "person_id, token_hash, asked_at, expires_at";

    private final Database db;

    JdbiPasswordResets(Database db) {
        this.db = db;
    }

    @Override
    public void replace(PasswordReset reset) {
        db.inTransaction(h -> h.createUpdate(db.dialect().upsert("password_resets", "person_id",
                        List.of("person_id", "token_hash", "asked_at", "expires_at")))
                .bind("person_id", reset.person().value())
                .bind("token_hash", reset.tokenHash().value())
                .bind("asked_at", reset.askedAt())
                .bind("expires_at", reset.expiresAt())
                .execute());
    }

    @Override
    public Optional<PasswordReset> of(PersonId person) {
        return db.inTransaction(h -> h.createQuery("SELECT " + COLUMNS + " FROM password_resets "
                        + "WHERE person_id = :person")
                .bind("person", person.value()).map(JdbiPasswordResets::reset).findOne());
    }

    @Override
    public Optional<PasswordReset> use(TokenHash hash, Instant now) {
        return db.inTransaction(h -> {
            Optional<PasswordReset> found = h.createQuery("SELECT " + COLUMNS + " FROM password_resets "
                            + "WHERE token_hash = :hash")
                    .bind("hash", hash.value()).map(JdbiPasswordResets::reset).findOne();
            if (found.isEmpty()) {
                return found;
            }
            int deleted = h.createUpdate("DELETE FROM password_resets WHERE token_hash = :hash")
                    .bind("hash", hash.value()).execute();
            return found.filter(r -> deleted == 1 && r.liveAt(now));
        });
    }

    @Override
    public int countExpired(Instant now) {
        return db.inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM password_resets WHERE expires_at <= :now")
                .bind("now", now).mapTo(Integer.class).one());
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM password_resets WHERE expires_at <= :now")
                .bind("now", now).execute());
    }

    private static PasswordReset reset(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PasswordReset(new TokenHash(rs.getString("token_hash")), PersonId.of(rs.getString("person_id")),
                Database.instant(rs, "asked_at"), Database.instant(rs, "expires_at"));
    }
}
