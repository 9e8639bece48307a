package fr.guichet.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 30 (issue 14): each posting of the index of words carries its request's group, assignee and filing time,
 * indexed newest first by word, by word and group and by word and assignee (the group kept in the last, to keep a
 * person's requests outside their groups without reading them), so that a staff search by a word, in a queue or among
 * every request, reads the newest holders of the word without reading the scope's newest requests
 * ({@link RequestListing#postedNumbers}). On PostgreSQL, where V29 left the index empty, the postings are written here
 * for the requests stored; on the others the keys are copied from the requests.
 */
final class V30__queue_postings extends BaseJavaMigration {

    private static final List<String> KEYS = List.of("assigned_group", "assignee", "submitted_at");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, String> placeholders = context.getConfiguration().getPlaceholders();
        Dialect dialect = Dialect.of(connection.getMetaData().getURL());
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE request_words ADD COLUMN assigned_group VARCHAR(32)");
            ddl.execute("ALTER TABLE request_words ADD COLUMN assignee VARCHAR(64)");
            ddl.execute("ALTER TABLE request_words ADD COLUMN submitted_at " + placeholders.get("timestamp"));
            if (dialect.looksUpWords()) {
                ddl.execute("UPDATE request_words SET " + String.join(", ", KEYS.stream().map(key -> key
                        + " = (SELECT r." + key + " FROM requests r WHERE r.number = request_words.number)").toList()));
            } else {
                V29__request_words.fill(connection, KEYS);
            }
            if (dialect == Dialect.MARIADB) {
                ddl.execute("ALTER TABLE request_words MODIFY COLUMN assigned_group VARCHAR(32) NOT NULL, "
                        + "MODIFY COLUMN submitted_at " + placeholders.get("timestamp") + " NOT NULL");
            } else {
                ddl.execute("ALTER TABLE request_words ALTER COLUMN assigned_group SET NOT NULL");
                ddl.execute("ALTER TABLE request_words ALTER COLUMN submitted_at SET NOT NULL");
            }
            ddl.execute("CREATE INDEX request_words_group ON request_words "
                    + "(word, assigned_group, submitted_at DESC, number DESC)");
            ddl.execute("CREATE INDEX request_words_assignee ON request_words "
                    + "(word, assignee, submitted_at DESC, number DESC, assigned_group)");
            ddl.execute("CREATE INDEX request_words_newest ON request_words (word, submitted_at DESC, number DESC)");
        }
    }
}
