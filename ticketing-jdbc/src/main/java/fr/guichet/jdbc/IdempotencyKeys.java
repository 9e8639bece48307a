package fr.guichet.jdbc;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The idempotency keys of {@code requests}, unique per requester (the unique index on requester and key): who holds
 * one, and releasing it so that it may serve again.
 */
final class IdempotencyKeys {

    private static final String TAKEN = """
            SELECT COUNT(*) FROM requests WHERE requester_id = :requester AND idempotency_key = :key""";

    private static final String HOLDERS = """
            SELECT number FROM requests
            WHERE requester_id = :requester AND idempotency_key = :key AND submitted_at >= :notBefore""";

    private static final String HOLDERS_BEFORE = """
            SELECT number FROM requests
            WHERE requester_id = :requester AND idempotency_key = :key AND submitted_at < :before""";

    private static final String CLEAR = """
            UPDATE requests SET idempotency_key = NULL WHERE number = :number AND idempotency_key = :key""";

    private IdempotencyKeys() {
    }

    /** Whether a request of {@code requester} holds {@code key}, by a plain read. */
    static boolean taken(Handle h, PersonId requester, String key) {
        return h.createQuery(TAKEN).bind("requester", requester.value()).bind("key", key).mapTo(Long.class).one() > 0;
    }

    /** The request {@code requester} filed with {@code key} at or after {@code notBefore}, by a plain read. */
    static Optional<RequestNumber> holder(Handle h, PersonId requester, String key, Instant notBefore) {
        return h.createQuery(HOLDERS)
                .bind("requester", requester.value()).bind("key", key).bind("notBefore", notBefore)
                .mapTo(Long.class).findOne().map(RequestNumber::of);
    }

    /**
     * Clears {@code key} on the requests {@code requester} filed before {@code filedBefore}. They are found by a plain
     * read and cleared one by one by number, so that a key held by no request locks nothing: a range UPDATE would
     * lock, under MariaDB's REPEATABLE READ, the gap of the requester's index where concurrent filings insert, and two
     * first filings holding it would deadlock.
     */
    static void release(Handle h, PersonId requester, String key, Instant filedBefore) {
        List<Long> holders = h.createQuery(HOLDERS_BEFORE)
                .bind("requester", requester.value()).bind("key", key).bind("before", filedBefore)
                .mapTo(Long.class).list();
        for (long number : holders) {
            h.createUpdate(CLEAR).bind("number", number).bind("key", key).execute();
        }
    }
}
