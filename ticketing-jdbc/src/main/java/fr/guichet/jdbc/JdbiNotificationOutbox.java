package fr.guichet.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry.DeliveryState;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The outbox table, each row marked {@code bulk} as its template is; mail held for a digest waits there as
 * {@code HELD}, which no claim reads, and a digest takes its key from its id, the table's primary key. A claim locks
 * due rows with {@code FOR UPDATE SKIP LOCKED} (so dispatchers on other nodes pass over them) and records their
 * lease's end in {@code leased_until}. On PostgreSQL that column alone, which no index reads, so that the update stays
 * on its page, in one statement ({@code UPDATE … RETURNING}) read in its index's order ({@link #IN_INDEX_ORDER}), a row
 * being claimable when its next attempt is due and its lease ended. Elsewhere the next attempt moves to the lease's end
 * too and claims read it alone, as before {@code leased_until} existed, in a batch of updates each guarded by the
 * next attempt it read, so that a row is handed to one claimer per lease even where locks are not skipped; H2 and
 * MariaDB keep these statements since claims reading {@code leased_until} there slowed answers during a mail burst on
 * H2 (see BENCHMARKS.md, run-27-mail), and read each kind's due rows apart, the mail a person waits for first
 * ({@link #DUE}, {@link #DUE_ON_H2}).
 * A dispatcher that crashes leaves its rows to come back when the lease ends. A renewal is guarded by the end of the
 * claim it extends. Entries are marked sent several at once, in one statement.
 */
final class JdbiNotificationOutbox implements NotificationOutbox {

    /** The data of a done mail whose template holds a secret, emptied: see {@link Notification#withoutSecrets()}. */
    private static final String FORGET_SECRETS =
            "data = CASE WHEN template IN (<secretTemplates>) THEN '{}' ELSE data END";
    private static final List<String> SECRET_TEMPLATES = Arrays.stream(TemplateKey.values())
            .filter(TemplateKey::holdsSecret).map(TemplateKey::name).toList();
    private static final String COLUMNS = "id, template, recipient, recipient_name, request_number, data, state, "
            + "attempts, created_at, next_attempt_at, last_error";
    private static final String RETURNED_COLUMNS = Arrays.stream(COLUMNS.split(", ")).map(c -> "o." + c)
            .collect(Collectors.joining(", "));
    /** A row a claim may take at {@code :now}: pending, due, and not leased or its lease ended. */
    private static final String CLAIMABLE = "state = 'PENDING' AND next_attempt_at <= :now "
            + "AND (leased_until IS NULL OR leased_until <= :now)";
    /** The due rows of one kind ({@code :bulk}) a claim takes on MariaDB, oldest first, locked. */
    private static final String DUE = "SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' AND bulk = :bulk "
            + "AND next_attempt_at <= :now ORDER BY next_attempt_at, seq LIMIT :max FOR UPDATE SKIP LOCKED";
    /**
     * {@link #DUE} as H2 reads it from the range of {@code outbox_due_by_kind} alone: H2 reads a range in its index's
     * order only when the ORDER BY names every column of the index before the order's, and reads every row a
     * condition keeps before it stops at a limit when the statement locks them ({@code FOR UPDATE}); so the rows are
     * chosen first, without locks, then locked by their key, each still due as locked: a row another sender claimed
     * meanwhile has its next attempt at that claim's lease's end, which the guarded update would otherwise match.
     */
    static final String DUE_ON_H2 = "SELECT " + COLUMNS + " FROM outbox WHERE id IN (SELECT id FROM outbox "
            + "WHERE state = 'PENDING' AND bulk = :bulk AND next_attempt_at <= :now "
            + "ORDER BY state, bulk, next_attempt_at, seq LIMIT :max) AND state = 'PENDING' "
            + "AND next_attempt_at <= :now ORDER BY next_attempt_at, seq FOR UPDATE SKIP LOCKED";
    /** A claim on PostgreSQL: the due rows not leased, oldest first, each kind's in turn, leased in one statement. */
    private static final String CLAIM_ON_POSTGRESQL = "UPDATE outbox o SET leased_until = :leaseEnd FROM (SELECT id "
            + "FROM outbox WHERE " + CLAIMABLE + " <notBulk> ORDER BY bulk, next_attempt_at, seq "
            + "LIMIT :max FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id RETURNING o.bulk, o.seq, " + RETURNED_COLUMNS;
    /**
     * Has PostgreSQL read a claim's rows in the order of {@code outbox_pending}, stopping at the limit, whatever its
     * statistics say: the pending rows swing from none to a backlog of thousands faster than statistics follow, and a
     * plan made for a few rows (a bitmap of every due row, then a sort) read the whole backlog at each claim (see
     * BENCHMARKS.md, run-34-serving). Undone by {@link #ANY_ORDER} once the claim is read.
     */
    private static final String IN_INDEX_ORDER = "SET LOCAL enable_bitmapscan = off";
    /** Gives PostgreSQL its bitmap scans back for the rest of a transaction a claim joined. */
    private static final String ANY_ORDER = "RESET enable_bitmapscan";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final Database db;
    private final OutboxSignals signals;

    JdbiNotificationOutbox(Database db, OutboxSignals signals) {
        this.db = db;
        this.signals = signals;
    }

    @Override
    public List<OutboxEntry> enqueue(List<Notification> notifications, Instant now) {
        return insert(notifications.stream().map(n -> OutboxEntry.queued(n, now)).toList());
    }

    @Override
    public List<OutboxEntry> hold(List<Notification> notifications, Instant now) {
        return insert(notifications.stream().map(n -> OutboxEntry.held(n, now)).toList());
    }

    /** Inserts {@code entries} in one batch; wakes the dispatchers when one of them is pending. */
    private List<OutboxEntry> insert(List<OutboxEntry> entries) {
        return db.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO outbox (id, template, bulk, recipient, recipient_name, "
                    + "request_number, data, state, attempts, created_at, next_attempt_at) VALUES (:id, :template, "
                    + ":bulk, :recipient, :recipientName, :request, :data, :state, 0, :createdAt, :nextAttemptAt)");
            for (OutboxEntry e : entries) {
                Notification n = e.notification();
                batch.bind("id", e.id().toString())
                        .bind("template", n.template().name())
                        .bind("bulk", n.template().bulk())
                        .bind("recipient", n.recipient().value())
                        .bind("recipientName", n.recipientName())
                        .bind("request", n.request() == null ? null : n.request().value())
                        .bind("data", json(n.data()))
                        .bind("state", e.state().name())
                        .bind("createdAt", e.createdAt())
                        .bind("nextAttemptAt", e.nextAttemptAt())
                        .add();
            }
            if (!entries.isEmpty()) {
                batch.execute();
                if (entries.stream().anyMatch(e -> e.state() == DeliveryState.PENDING)) {
                    signals.enqueued(h);
                }
            }
            return entries;
        });
    }

    @Override
    public List<OutboxEntry> held(EmailAddress recipient, Instant before, int max) {
        return db.inTransaction(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE recipient = :recipient "
                        + "AND state = 'HELD' AND created_at < :before ORDER BY created_at, seq LIMIT :max")
                .bind("recipient", recipient.value()).bind("before", before).bind("max", max)
                .map(JdbiNotificationOutbox::entry).list());
    }

    @Override
    public boolean gather(UUID id, Notification digest, Collection<UUID> gathered, Instant now) {
        return db.inTransaction(h -> {
            try {
                insert(List.of(new OutboxEntry(id, digest, DeliveryState.PENDING, 0, now, now, null)));
            } catch (RuntimeException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                return false;
            }
            int removed = gathered.isEmpty() ? 0 : h.createUpdate("DELETE FROM outbox WHERE id IN (<ids>) "
                            + "AND state = 'HELD'")
                    .bindList("ids", gathered.stream().map(UUID::toString).toList()).execute();
            return removed == gathered.size();
        });
    }

    @Override
    public int moveHeld(EmailAddress from, EmailAddress to) {
        return db.inTransaction(h -> h.createUpdate("UPDATE outbox SET recipient = :to WHERE recipient = :from "
                        + "AND state = 'HELD'")
                .bind("from", from.value()).bind("to", to.value()).execute());
    }

    @Override
    public int dropHeld(EmailAddress recipient) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM outbox WHERE recipient = :recipient "
                        + "AND state = 'HELD'")
                .bind("recipient", recipient.value()).execute());
    }

    @Override
    public Subscription whenEnqueued(Runnable listener) {
        return signals.subscribe(listener);
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease, ClaimScope scope) {
        Instant leaseEnd = now.plus(lease);
        String notBulk = scope == ClaimScope.NOT_BULK ? "AND bulk = FALSE" : "";
        if (db.dialect() == Dialect.POSTGRESQL) {
            return db.inTransaction(h -> claimOnPostgresql(h, "", notBulk, now, max, leaseEnd,
                    (rs, ctx) -> new Claimed(entry(rs, ctx), rs.getBoolean("bulk"), rs.getLong("seq")))
                    .stream().sorted(Claimed.ORDER).map(Claimed::entry).toList());
        }
        return db.inTransaction(h -> {
            List<OutboxEntry> due = new ArrayList<>(due(h, false, now, max));
            if (scope != ClaimScope.NOT_BULK && due.size() < max) {
                due.addAll(due(h, true, now, max - due.size()));
            }
            PreparedBatch batch = h.prepareBatch("UPDATE outbox SET next_attempt_at = :leaseEnd, "
                    + "leased_until = :leaseEnd WHERE id = :id AND state = 'PENDING' AND next_attempt_at = :seen");
            due.forEach(e -> batch.bind("leaseEnd", leaseEnd).bind("id", e.id().toString())
                    .bind("seen", e.nextAttemptAt()).add());
            return updated(h, batch, due, OutboxEntry::id, leaseEnd);
        });
    }

    /**
     * Up to {@code max} due rows of one kind, oldest first, locked: one ordered range of {@code outbox_due_by_kind}
     * read up to {@code max} rows. Asked for both kinds at once ({@code ORDER BY bulk, …}), H2 read every due row
     * through {@code outbox_due} and sorted them, a backlog of 13,000 acknowledgements at each claim.
     */
    private List<OutboxEntry> due(Handle h, boolean bulk, Instant now, int max) {
        return h.createQuery(db.dialect() == Dialect.H2 ? DUE_ON_H2 : DUE)
                .bind("bulk", bulk).bind("now", now).bind("max", max)
                .map(JdbiNotificationOutbox::entry)
                .list();
    }

    /**
     * The rows of a claim on PostgreSQL of up to {@code max} rows due at {@code now} ({@code notBulk} the condition
     * leaving bulk mail out, or nothing), leased until {@code leaseEnd}, read in the order of {@code outbox_pending}
     * ({@link #IN_INDEX_ORDER}); {@code prefix} ("EXPLAIN …" or nothing) comes first.
     */
    static <T> List<T> claimOnPostgresql(Handle h, String prefix, String notBulk, Instant now, int max,
            Instant leaseEnd, RowMapper<T> rows) {
        h.execute(IN_INDEX_ORDER);
        List<T> claimed = h.createQuery(prefix + CLAIM_ON_POSTGRESQL).define("notBulk", notBulk)
                .bind("now", now).bind("max", max).bind("leaseEnd", leaseEnd)
                .map(rows).list();
        h.execute(ANY_ORDER);
        return claimed;
    }

    /** A claimed entry with what orders a claim: its kind, then its next attempt, then its place in the queue. */
    private record Claimed(OutboxEntry entry, boolean bulk, long seq) {
        static final Comparator<Claimed> ORDER = Comparator.comparing(Claimed::bulk)
                .thenComparing(c -> c.entry().nextAttemptAt()).thenComparingLong(Claimed::seq);
    }

    @Override
    public Set<UUID> renew(Collection<UUID> ids, Instant heldUntil, Instant until) {
        List<UUID> each = List.copyOf(ids);
        return db.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(db.dialect() == Dialect.POSTGRESQL
                    ? "UPDATE outbox SET leased_until = :until WHERE id = :id AND state = 'PENDING' "
                            + "AND leased_until = :heldUntil"
                    : "UPDATE outbox SET next_attempt_at = :until, leased_until = :until WHERE id = :id "
                            + "AND state = 'PENDING' AND next_attempt_at = :heldUntil");
            each.forEach(id -> batch.bind("until", until).bind("id", id.toString()).bind("heldUntil", heldUntil)
                    .add());
            return new HashSet<>(updated(h, batch, each, id -> id, until));
        });
    }

    /**
     * Those of {@code rows} whose guarded update in {@code batch}, one per row in the same order, changed a row, which
     * the update gave the lease ending at {@code leaseEnd}. When the driver runs the batch without a count per
     * statement (MariaDB's bulk statements answer {@link java.sql.Statement#SUCCESS_NO_INFO}), the rows holding that
     * lease are read back in the same transaction.
     */
    private static <T> List<T> updated(Handle h, PreparedBatch batch, List<T> rows, Function<T, UUID> id,
            Instant leaseEnd) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int[] counts = batch.execute();
        if (counts.length == rows.size() && Arrays.stream(counts).allMatch(c -> c == 0 || c == 1)) {
            List<T> changed = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (counts[i] == 1) {
                    changed.add(rows.get(i));
                }
            }
            return changed;
        }
        Set<String> held = new HashSet<>(h.createQuery("SELECT id FROM outbox WHERE id IN (<ids>) "
                        + "AND state = 'PENDING' AND leased_until = :leaseEnd")
                .bindList("ids", rows.stream().map(r -> id.apply(r).toString()).toList())
                .bind("leaseEnd", leaseEnd).mapTo(String.class).list());
        return rows.stream().filter(r -> held.contains(id.apply(r).toString())).toList();
    }

    @Override
    public void markSent(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'SENT', attempts = attempts + 1, "
                        + "last_error = NULL, " + FORGET_SECRETS + " WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(UUID::toString).toList())
                .bindList("secretTemplates", SECRET_TEMPLATES).execute());
    }

    @Override
    public void markRetry(UUID id, int attempts, Instant nextAttemptAt, String error) {
        db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'PENDING', attempts = :attempts, "
                        + "next_attempt_at = :next, leased_until = NULL, last_error = :error WHERE id = :id "
                        + "AND state = 'PENDING'")
                .bind("id", id.toString()).bind("attempts", attempts).bind("next", nextAttemptAt)
                .bind("error", error).execute());
    }

    @Override
    public void markFailed(UUID id, int attempts, String error) {
        db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'FAILED', attempts = :attempts, "
                        + "last_error = :error, " + FORGET_SECRETS + " WHERE id = :id AND state = 'PENDING'")
                .bind("id", id.toString()).bind("attempts", attempts).bind("error", error)
                .bindList("secretTemplates", SECRET_TEMPLATES).execute());
    }

    @Override
    public Optional<OutboxEntry> find(UUID id) {
        return db.inTransaction(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
                .bind("id", id.toString()).map(JdbiNotificationOutbox::entry).findOne());
    }

    @Override
    public int countAbout(Collection<RequestNumber> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        return db.inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE request_number IN (<numbers>)")
                .bindList("numbers", requests.stream().map(RequestNumber::value).toList())
                .mapTo(Integer.class).one());
    }

    @Override
    public int purgeAbout(Collection<RequestNumber> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        return db.inTransaction(h -> h.createUpdate("DELETE FROM outbox WHERE request_number IN (<numbers>)")
                .bindList("numbers", requests.stream().map(RequestNumber::value).toList()).execute());
    }

    @Override
    public int purgeTo(EmailAddress recipient) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM outbox WHERE recipient = :recipient")
                .bind("recipient", recipient.value()).execute());
    }

    @Override
    public List<OutboxEntry> failed(int max) {
        return db.inTransaction(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE state = 'FAILED' "
                        + "ORDER BY created_at DESC, seq DESC LIMIT :max")
                .bind("max", max).map(JdbiNotificationOutbox::entry).list());
    }

    /** The number of the request an entry is about, or null for a mail about no request. */
    private static RequestNumber requestNumber(ResultSet rs) throws SQLException {
        long number = rs.getLong("request_number");
        return rs.wasNull() ? null : RequestNumber.of(number);
    }

    private static OutboxEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        Notification n = new Notification(TemplateKey.valueOf(rs.getString("template")),
                EmailAddress.of(rs.getString("recipient")), rs.getString("recipient_name"),
                requestNumber(rs), data(rs.getString("data")));
        return new OutboxEntry(UUID.fromString(rs.getString("id")), n, DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Database.instant(rs, "created_at"), Database.instant(rs, "next_attempt_at"),
                rs.getString("last_error"));
    }

    private static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static Map<String, String> data(String json) throws SQLException {
        try {
            return JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new SQLException("outbox data is not JSON", e);
        }
    }
}
