package fr.guichet.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/** What differs between the supported databases: migrations, sequence syntax and row locking. */
enum Dialect {
    H2("h2", "SELECT NEXT VALUE FOR request_number"),
    POSTGRESQL("postgresql", "SELECT nextval('request_number')"),
    MARIADB("mariadb", "SELECT NEXT VALUE FOR request_number");

    private final String folder;
    private final String nextNumberSql;

    Dialect(String folder, String nextNumberSql) {
        this.folder = folder;
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

    /** The Flyway location of this database's migrations. */
    String migrations() {
        return "classpath:db/migration/" + folder;
    }

    String nextNumberSql() {
        return nextNumberSql;
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
