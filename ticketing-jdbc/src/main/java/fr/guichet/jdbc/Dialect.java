package fr.guichet.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What differs between the supported databases: schema types, sequence syntax, upserts and index hints. */
enum Dialect {
    H2("SELECT NEXT VALUE FOR request_number"),
    POSTGRESQL("SELECT nextval('request_number')"),
    MARIADB("SELECT NEXT VALUE FOR request_number");

    private static final String COMMON_MIGRATIONS = "classpath:db/migration/common";

    private final String nextNumberSql;

    Dialect(String nextNumberSql) {
        this.nextNumberSql = nextNumberSql;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (H2, PostgreSQL or MariaDB): " + jdbcUrl);
    }

    /**
     * Connection properties added to those of {@code url}: H2 keeps the parsed form of only 8 statements per session
     * by default, fewer than the repositories use, and parses a staff queue's branches again on most calls; it keeps
     * 256 unless the URL says otherwise.
     */
    Map<String, String> driverProperties(String url) {
        return this == H2 && !url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")
                ? Map.of("QUERY_CACHE_SIZE", "256") : Map.of();
    }

    /** An H2 URL's own setting of the page cache, not QUERY_CACHE_SIZE's. */
    private static final Pattern PAGE_CACHE_SET = Pattern.compile("(?i);\\s*CACHE_SIZE\\s*=");

    /**
     * The statement that sizes H2's page cache to an eighth of {@code maxMemory}, H2's 16 MB at least, unless
     * {@code url} sets it: H2 keeps 16 MB whatever the heap, and a search by number at a million requests waits for
     * pages read from the file again (p99 2.2 ms, 0.55 with 256 MB; see BENCHMARKS.md, run-37-chunks). None for the
     * other databases, whose caches their servers size.
     */
    Optional<String> pageCacheSql(String url, long maxMemory) {
        return this == H2 && !PAGE_CACHE_SET.matcher(url).find()
                ? Optional.of("SET CACHE_SIZE " + h2PageCacheKb(maxMemory)) : Optional.empty();
    }

    /** H2's page cache for a heap of at most {@code maxMemory} bytes, in KB: an eighth of it, 16 MB at least. */
    static long h2PageCacheKb(long maxMemory) {
        return Math.max(16 * 1024, maxMemory / 8 / 1024);
    }

    /** The Flyway locations of this database's migrations: those of every database, then its own if it has any. */
    List<String> migrations() {
        return this == POSTGRESQL ? List.of(COMMON_MIGRATIONS, "classpath:db/migration/postgresql")
                : List.of(COMMON_MIGRATIONS);
    }

    /**
     * The Flyway placeholders of the common migrations: how this database spells what the others spell otherwise;
     * {@code ALTER TABLE t ${alter_column} c ${nullable_bigint}} lets a BIGINT column hold NULL.
     */
    Map<String, String> schemaPlaceholders() {
        return switch (this) {
            case H2 -> Map.of("timestamp", "TIMESTAMP(6)", "text", "VARCHAR(1000000)", "blob", "BLOB",
                    "identity", "GENERATED ALWAYS AS IDENTITY", "sequence_options", "NO CYCLE", "table_options", "",
                    "alter_column", "ALTER COLUMN", "nullable_bigint", "DROP NOT NULL");
            case POSTGRESQL -> Map.of("timestamp", "TIMESTAMP(6)", "text", "TEXT", "blob", "BYTEA",
                    "identity", "GENERATED ALWAYS AS IDENTITY", "sequence_options", "NO CYCLE", "table_options", "",
                    "alter_column", "ALTER COLUMN", "nullable_bigint", "DROP NOT NULL");
            case MARIADB -> Map.of("timestamp", "DATETIME(6)", "text", "MEDIUMTEXT", "blob", "LONGBLOB",
                    "identity", "NOT NULL AUTO_INCREMENT", "sequence_options", "NOCACHE NOCYCLE",
                    "table_options", "ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin",
                    "alter_column", "MODIFY COLUMN", "nullable_bigint", "BIGINT NULL");
        };
    }

    String nextNumberSql() {
        return nextNumberSql;
    }

    /**
     * Adds {@code :delta} to the {@code counted} column of the row of {@code table} whose key columns (name and SQL
     * type, in order) hold the values bound under their names, creating the row at {@code :delta}.
     */
    String addTo(String table, Map<String, String> keys, String counted) {
        String names = String.join(", ", keys.keySet());
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " c USING (VALUES (" + keys.entrySet().stream()
                    .map(k -> "CAST(:" + k.getKey() + " AS " + k.getValue() + "), ").collect(Collectors.joining())
                    + "CAST(:delta AS BIGINT))) d (" + names + ", delta) ON " + keys.keySet().stream()
                    .map(k -> "c." + k + " = d." + k).collect(Collectors.joining(" AND "))
                    + " WHEN MATCHED THEN UPDATE SET " + counted + " = c." + counted + " + d.delta "
                    + "WHEN NOT MATCHED THEN INSERT (" + names + ", " + counted + ") VALUES ("
                    + keys.keySet().stream().map(k -> "d." + k + ", ").collect(Collectors.joining()) + "d.delta)";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ", " + counted + ") VALUES ("
                    + keys.keySet().stream().map(k -> ":" + k + ", ").collect(Collectors.joining()) + ":delta) "
                    + "ON CONFLICT (" + names + ") DO UPDATE SET " + counted + " = " + table + "." + counted
                    + " + EXCLUDED." + counted;
            case MARIADB -> "INSERT INTO " + table + " (" + names + ", " + counted + ") VALUES ("
                    + keys.keySet().stream().map(k -> ":" + k + ", ").collect(Collectors.joining()) + ":delta) "
                    + "ON DUPLICATE KEY UPDATE " + counted + " = " + counted + " + VALUES(" + counted + ")";
        };
    }

    /**
     * Adds one failure to the row of {@code :key} at {@code :now}, from one again when its last failure is before
     * {@code :windowStart}, creating the row at one.
     */
    String addSignInFailure() {
        String fresh = "CASE WHEN sign_in_failures.last_failure_at < :windowStart THEN 1 "
                + "ELSE sign_in_failures.failures + 1 END";
        return switch (this) {
            case H2 -> "MERGE INTO sign_in_failures USING (VALUES (CAST(:key AS CHAR(64)), "
                    + "CAST(:now AS TIMESTAMP(6)))) d (key_hash, at) ON sign_in_failures.key_hash = d.key_hash "
                    + "WHEN MATCHED THEN UPDATE SET failures = " + fresh + ", last_failure_at = d.at "
                    + "WHEN NOT MATCHED THEN INSERT (key_hash, failures, last_failure_at) VALUES (d.key_hash, 1, d.at)";
            case POSTGRESQL -> "INSERT INTO sign_in_failures (key_hash, failures, last_failure_at) "
                    + "VALUES (:key, 1, :now) ON CONFLICT (key_hash) DO UPDATE SET failures = " + fresh
                    + ", last_failure_at = :now";
            case MARIADB -> "INSERT INTO sign_in_failures (key_hash, failures, last_failure_at) "
                    + "VALUES (:key, 1, :now) ON DUPLICATE KEY UPDATE failures = " + fresh + ", last_failure_at = :now";
        };
    }

    /**
     * The end of a SELECT that locks the rows it reads, waiting for them as long as MariaDB (50 s by default) and
     * PostgreSQL (without end) do; H2 would give up after 2 seconds.
     */
    String forUpdate() {
        return this == H2 ? " FOR UPDATE WAIT 60" : " FOR UPDATE";
    }

    /**
     * How {@code requests} is named in the FROM clause of a list of one requester's requests: H2 otherwise reads them
     * through the idempotency key's index, which has no order, and sorts the requester's whole history.
     */
    String requestsOfOneRequester() {
        return this == H2 ? "requests USE INDEX (requests_mine)" : "requests";
    }

    /**
     * The table {@code requests} read through {@code index} (ours, never input): H2, which among indexes of equal
     * leading columns may take one whose order does not serve, is told; the others choose well.
     */
    String requestsThrough(String index) {
        return this == H2 ? "requests USE INDEX (" + index + ")" : "requests";
    }

    /**
     * The condition keeping the rows after {@code at} and {@code atNumber} (bound parameters) in the order of
     * {@code column} then {@code number}, both descending or both ascending, as the first comparison bounds a range of
     * an index of that order: PostgreSQL compares the pair as a row, which bounds the range at the very row, so that an
     * export's batches read no row twice however many requests share an instant (every closed request shares its due);
     * H2 would bound its range by the column alone from a row, as from the first comparison here, and MariaDB reads
     * the equality inside the OR as a range of its own (see {@link #requestsFromBound}).
     */
    String after(String column, boolean descending, String at, String atNumber) {
        String beyond = descending ? " < " : " > ";
        if (this == POSTGRESQL) {
            return " AND (" + column + ", number)" + beyond + "(" + at + ", " + atNumber + ")";
        }
        return " AND " + column + (descending ? " <= " : " >= ") + at + " AND (" + column + beyond + at + " OR "
                + column + " = " + at + " AND number" + beyond + atNumber + ")";
    }

    /**
     * The table {@code requests} read through {@code index} (ours, never input) from a bound of its order, as a
     * queue's branch in an export's later batch: MariaDB is told, since it would read the branch's part of the index
     * from its start, the bound only checked on each entry (ref), so that every batch reads the rows of those before
     * again; the others as {@link #requestsThrough}.
     */
    String requestsFromBound(String index) {
        return this == MARIADB ? "requests FORCE INDEX (" + index + ")" : requestsThrough(index);
    }

    /**
     * The table {@code requests} read in the order of {@code index} (ours, never input) and only its first rows: H2
     * and MariaDB are told, MariaDB since it would rather sort the whole table than read a few thousand rows through
     * an index when they are a few percent of it; PostgreSQL chooses well.
     */
    String requestsInOrderOf(String index) {
        return inOrderOf("requests", index);
    }

    /** {@code table} read in the order of its {@code index} as {@link #requestsInOrderOf} reads the requests. */
    String inOrderOf(String table, String index) {
        return switch (this) {
            case H2 -> table + " USE INDEX (" + index + ")";
            case MARIADB -> table + " FORCE INDEX (" + index + ")";
            case POSTGRESQL -> table;
        };
    }

    /**
     * At most {@code limit} rows of {@code select}, a statement without LIMIT, in any order. PostgreSQL gets it planned
     * for all its rows, as a materialised CTE, and still stops at the limit: told of the limit, it would read the rare
     * matches of a search by a scan of the table that it expects to stop early, instead of the words' indexes.
     */
    String firstRowsOf(String select, long limit) {
        return this == POSTGRESQL ? "WITH matched AS MATERIALIZED (" + select + ") SELECT * FROM matched LIMIT " + limit
                : select + " LIMIT " + limit;
    }

    /**
     * The LIMIT of a union operand that reads its first {@code reach} rows. H2 hands an operand's last result back
     * while the tables and the operand's parameters stay the same, but the parameters it compares end before the
     * operand's ORDER BY and LIMIT: bound as {@code :reach}, the next page of a queue would get each branch's rows of
     * the page before. H2 is given the number itself (ours, never input); the others bind {@code :reach}.
     */
    String unionOperandLimit(long reach) {
        return this == H2 ? " LIMIT " + reach : " LIMIT :reach";
    }

    /**
     * The ORDER BY {@code orderBy} for rows whose {@code leading} columns are all equal: H2 sees that an index gives
     * rows in order only when the ORDER BY starts at the index's first column, so it gets them named first; the
     * others see it from the equalities, and MariaDB would sort again if they were named.
     */
    String orderOfEqualRange(String leading, String orderBy) {
        return this == H2 ? orderBy.replace(" ORDER BY ", " ORDER BY " + leading + ", ") : orderBy;
    }

    /**
     * Whether a search's words are looked up in Guichet's index of words ({@link RequestWords}) rather than in the
     * requests' texts: on H2 and MariaDB, which have no index for a word inside a text; PostgreSQL reads its trigram
     * indexes.
     */
    boolean looksUpWords() {
        return this != POSTGRESQL;
    }

    /**
     * The join of the table before it to the one after it, read in that order: MariaDB otherwise reads every request
     * and looks each up among the few that a search's word gives ({@code STRAIGHT_JOIN}); H2 and PostgreSQL read a
     * derived table first when it comes first.
     */
    String joinInOrder() {
        return this == MARIADB ? "STRAIGHT_JOIN" : "JOIN";
    }

    /**
     * An insert of the row {@code :key} into {@code table}, a table of that one column, that does nothing when the row
     * is there, whether committed or written by a transaction of another node not committed yet (it then waits for it);
     * table and column names are ours, never input.
     */
    String insertUnlessPresent(String table, String key) {
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + key + ") KEY (" + key + ") VALUES (:" + key + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + key + ") VALUES (:" + key + ") ON CONFLICT DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO " + table + " (" + key + ") VALUES (:" + key + ")";
        };
    }

    /**
     * Whether {@link #insertUnlessPresent} locks the row it finds until the transaction ends: H2's merge updates it,
     * MariaDB's insert ignoring a duplicate takes a shared lock on it; PostgreSQL's {@code ON CONFLICT DO NOTHING}
     * reads it without a lock.
     */
    boolean insertUnlessPresentLocks() {
        return this != POSTGRESQL;
    }

    /**
     * An insert-or-update of one row of {@code table} found by {@code key}, binding each column to the parameter of the
     * same name; table and column names are ours, never input.
     */
    String upsert(String table, String key, List<String> columns) {
        String names = String.join(", ", columns);
        String values = columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        List<String> others = columns.stream().filter(c -> !c.equals(key)).toList();
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + key + ") VALUES (" + values + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT ("
                    + key + ") DO UPDATE SET "
                    + others.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            case MARIADB -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values
                    + ") ON DUPLICATE KEY UPDATE "
                    + others.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
        };
    }
}
