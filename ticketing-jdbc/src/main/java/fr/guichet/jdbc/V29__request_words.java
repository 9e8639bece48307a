package fr.guichet.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 29 (issue 14): an index of words written by Guichet ({@link RequestWords}), the vocabulary
 * {@code search_words} and the postings {@code request_words}, filled here for the requests stored ({@link #fill}) on
 * the databases that {@linkplain Dialect#looksUpWords search through it}; PostgreSQL's are filled by V30. Lengths are
 * twice the code points Guichet keeps, H2 counting UTF-16 units. Written in Java because only Guichet's rule of what a
 * word is fills them the same way on every database.
 */
final class V29__request_words extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String options = context.getConfiguration().getPlaceholders().getOrDefault("table_options", "");
        String word = "word VARCHAR(" + 2 * RequestWords.LENGTH + ") NOT NULL";
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE search_words (" + word + ", PRIMARY KEY (word)) " + options);
            ddl.execute("CREATE TABLE request_words (" + word + ", number BIGINT NOT NULL, PRIMARY KEY (word, number)) "
                    + options);
            ddl.execute("CREATE INDEX request_words_by_number ON request_words (number)");
        }
        if (Dialect.of(connection.getMetaData().getURL()).looksUpWords()) {
            fill(connection, List.of());
        }
    }

    /**
     * Writes the postings of every request stored, a thousand at a time in the order of their numbers, each with the
     * request's {@code keys} (columns of both tables), then the vocabulary of their words.
     */
    static void fill(Connection connection, List<String> keys) throws SQLException {
        String columns = keys.stream().map(k -> ", " + k).collect(Collectors.joining());
        Set<String> vocabulary = new TreeSet<>();
        long after = 0;
        try (PreparedStatement read = connection.prepareStatement("SELECT number, search_text" + columns
                + " FROM requests WHERE number > ? ORDER BY number LIMIT " + BATCH);
                PreparedStatement write = connection.prepareStatement("INSERT INTO request_words (word, number"
                        + columns + ") VALUES (?, ?" + ", ?".repeat(keys.size()) + ")")) {
            boolean more = true;
            while (more) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet requests = read.executeQuery()) {
                    while (requests.next()) {
                        rows++;
                        after = requests.getLong("number");
                        for (String each : RequestWords.of(requests.getString("search_text"))) {
                            write.setString(1, each);
                            write.setLong(2, after);
                            for (int k = 0; k < keys.size(); k++) {
                                write.setObject(3 + k, requests.getObject(keys.get(k)));
                            }
                            write.addBatch();
                            vocabulary.add(each);
                        }
                    }
                }
                write.executeBatch();
                more = rows == BATCH;
            }
        }
        try (PreparedStatement write = connection.prepareStatement("INSERT INTO search_words (word) VALUES (?)")) {
            int pending = 0;
            for (String each : vocabulary) {
                write.setString(1, each);
                write.addBatch();
                if (++pending % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
    }
}
