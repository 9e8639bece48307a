package fr.guichet.jdbc;

import fr.guichet.core.domain.session.FailureCount;
import fr.guichet.core.domain.session.ThrottleKey;
import fr.guichet.core.port.SignInFailures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Failed sign-in counts in {@code sign_in_failures}, one row per hashed key, added to by an atomic upsert. */
final class JdbiSignInFailures implements SignInFailures {

    private final Database db;

    JdbiSignInFailures(Database db) {
        this.db = db;
    }

    @Override
    public FailureCount recordFailure(ThrottleKey key, Instant now, Instant windowStart) {
        return db.inTransaction(h -> {
            add(h, key, now, windowStart);
            return h.createQuery("SELECT failures, last_failure_at FROM sign_in_failures WHERE key_hash = :key")
                    .bind("key", key.value())
                    .map((rs, ctx) -> new FailureCount(rs.getInt("failures"), Database.instant(rs, "last_failure_at")))
                    .one();
        });
    }

    private void add(Handle h, ThrottleKey key, Instant now, Instant windowStart) {
        Database.upsertRacingFirstRow(() -> h.createUpdate(db.dialect().addSignInFailure()).bind("key", key.value())
                .bind("now", now).bind("windowStart", windowStart).execute());
    }

    @Override
    public Map<ThrottleKey, FailureCount> find(Set<ThrottleKey> keys, Instant windowStart) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> values = keys.stream().map(ThrottleKey::value).toList();
        return db.read(h -> h.createQuery("SELECT key_hash, failures, last_failure_at FROM sign_in_failures "
                        + "WHERE key_hash IN (<keys>) AND last_failure_at >= :windowStart")
                .bindList("keys", values).bind("windowStart", windowStart)
                .map((rs, ctx) -> Map.entry(new ThrottleKey(rs.getString("key_hash")),
                        new FailureCount(rs.getInt("failures"), Database.instant(rs, "last_failure_at"))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public void clear(ThrottleKey key) {
        db.inTransaction(h -> h.createUpdate("DELETE FROM sign_in_failures WHERE key_hash = :key")
                .bind("key", key.value()).execute());
    }

    @Override
    public int purgeBefore(Instant before) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM sign_in_failures WHERE last_failure_at < :before")
                .bind("before", before).execute());
    }
}
