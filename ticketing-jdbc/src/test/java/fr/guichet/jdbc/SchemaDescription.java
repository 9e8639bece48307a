package fr.guichet.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A database's schema as facts every supported database states alike, read through JDBC metadata: its columns (type
 * family, nullability, numbered by the database or not) and its keys and indexes, names in lower case, without the
 * names each database makes up for primary keys, unique constraints and the indexes it adds for foreign keys.
 */
record SchemaDescription(SortedSet<String> columns, SortedSet<String> keys) {

    /** Above this length, text or bytes are of the large family, whatever the database calls them. */
    private static final int LARGE = 65_535;

    SchemaDescription {
        columns = Collections.unmodifiableSortedSet(new TreeSet<>(columns));
        keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
    }

    /** The tables of the connection's current schema, but for Flyway's history. */
    static SchemaDescription read(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        SortedSet<String> columns = new TreeSet<>();
        SortedSet<String> keys = new TreeSet<>();
        for (String table : tables(metadata, catalog, schema)) {
            String name = lower(table);
            try (ResultSet rs = metadata.getColumns(catalog, schema, table, "%")) {
                while (rs.next()) {
                    columns.add(name + "." + lower(rs.getString("COLUMN_NAME")) + ": " + family(rs)
                            + ("YES".equals(rs.getString("IS_NULLABLE")) ? " null" : " not null")
                            + ("YES".equals(rs.getString("IS_AUTOINCREMENT")) ? " generated" : ""));
                }
            }
            List<String> primaryKey = primaryKey(metadata, catalog, schema, table);
            List<ForeignKey> foreignKeys = foreignKeys(metadata, catalog, schema, table);
            keys.add(name + " primary key " + list(primaryKey));
            foreignKeys.forEach(k -> keys.add(name + " foreign key " + list(k.columns()) + " references "
                    + k.table() + " " + list(k.referenced()) + " on delete " + k.onDelete()));
            for (Index index : indexes(metadata, catalog, schema, table)) {
                if (index.unique() && !index.columns().equals(primaryKey)) {
                    keys.add(name + " unique " + list(index.columns()));
                } else if (!index.unique() && foreignKeys.stream().noneMatch(index::madeFor)) {
                    keys.add(name + " index " + index.name() + " " + list(index.columns()));
                }
            }
        }
        return new SchemaDescription(columns, keys);
    }

    private static List<String> tables(DatabaseMetaData metadata, String catalog, String schema)
            throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = metadata.getTables(catalog, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String table = rs.getString("TABLE_NAME");
                if (("TABLE".equals(type) || "BASE TABLE".equals(type))
                        && !lower(table).equals("flyway_schema_history")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /**
     * The family of the current column's type: char(n), varchar(n), text, blob, boolean, integer, bigint,
     * timestamp(p); MariaDB states not the fractional digits of a DATETIME but its length: 19, a point, the digits.
     */
    private static String family(ResultSet column) throws SQLException {
        int type = column.getInt("DATA_TYPE");
        long size = column.getLong("COLUMN_SIZE");
        return switch (type) {
            case Types.CHAR, Types.NCHAR -> "char(" + size + ")";
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB ->
                    size > LARGE ? "text" : "varchar(" + size + ")";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    size > LARGE ? "blob" : "varbinary(" + size + ")";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.SMALLINT -> "smallint";
            case Types.INTEGER -> "integer";
            case Types.BIGINT -> "bigint";
            case Types.TIMESTAMP -> {
                int digits = column.getInt("DECIMAL_DIGITS");
                yield "timestamp(" + (column.wasNull() ? Math.max(0, size - 20) : digits) + ")";
            }
            default -> throw new IllegalStateException("no type family for " + column.getString("TYPE_NAME")
                    + " (" + type + ") of " + column.getString("TABLE_NAME") + "." + column.getString("COLUMN_NAME"));
        };
    }

    private static List<String> primaryKey(DatabaseMetaData metadata, String catalog, String schema, String table)
            throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = metadata.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(columns.values());
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData metadata, String catalog, String schema,
            String table) throws SQLException {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        try (ResultSet rs = metadata.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = lower(rs.getString("FK_NAME"));
                ForeignKey key = keys.getOrDefault(name, new ForeignKey(name, List.of(),
                        lower(rs.getString("PKTABLE_NAME")), List.of(), onDelete(rs.getShort("DELETE_RULE"))));
                keys.put(name, key.with(lower(rs.getString("FKCOLUMN_NAME")), lower(rs.getString("PKCOLUMN_NAME"))));
            }
        }
        return List.copyOf(keys.values());
    }

    /** MariaDB states RESTRICT where the others state NO ACTION: both refuse at once, InnoDB checking no later. */
    private static String onDelete(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "cascade";
            case DatabaseMetaData.importedKeySetNull -> "set null";
            case DatabaseMetaData.importedKeySetDefault -> "set default";
            default -> "no action";
        };
    }

    private static List<Index> indexes(DatabaseMetaData metadata, String catalog, String schema, String table)
            throws SQLException {
        Map<String, Boolean> unique = new TreeMap<>();
        Map<String, Map<Short, String>> columns = new TreeMap<>();
        try (ResultSet rs = metadata.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                unique.put(lower(name), !rs.getBoolean("NON_UNIQUE"));
                columns.computeIfAbsent(lower(name), n -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"),
                        lower(rs.getString("COLUMN_NAME")) + ("D".equals(rs.getString("ASC_OR_DESC")) ? " desc" : ""));
            }
        }
        return unique.entrySet().stream()
                .map(e -> new Index(e.getKey(), List.copyOf(columns.get(e.getKey()).values()), e.getValue()))
                .toList();
    }

    private static String list(List<String> columns) {
        return columns.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private record ForeignKey(String name, List<String> columns, String table, List<String> referenced,
            String onDelete) {

        ForeignKey with(String column, String referencedColumn) {
            List<String> more = new ArrayList<>(columns);
            more.add(column);
            List<String> moreReferenced = new ArrayList<>(referenced);
            moreReferenced.add(referencedColumn);
            return new ForeignKey(name, List.copyOf(more), table, List.copyOf(moreReferenced), onDelete);
        }
    }

    private record Index(String name, List<String> columns, boolean unique) {

        /**
         * Whether the database added this index for {@code key} and named it itself: H2 adds one for every foreign
         * key ({@code constraint_index_…}, or {@code <key>_index_…} for a named key), MariaDB one when no index starts
         * with the key's columns (named after the key, or after its first column for an unnamed key); PostgreSQL adds
         * none.
         */
        boolean madeFor(ForeignKey key) {
            return columns.equals(key.columns()) && (name.startsWith("constraint_index_")
                    || name.startsWith(key.name() + "_index_") || name.equals(key.name())
                    || name.equals(key.columns().get(0)));
        }
    }
}
