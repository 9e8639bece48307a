package fr.guichet.jdbc;

import fr.guichet.core.domain.request.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 13 (issue 16): people are searched and listed by administrators through columns Guichet writes itself
 * (the normalised search text, family and given names of {@link fr.guichet.core.port.PersonSearch}), filled
 * here for the people already stored; an index serves the list's order. Written in Java because only Guichet's
 * normalisation (accents, ligatures) fills the new columns the same way on every database.
 */
final class V13__people_search extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE people ADD search_text VARCHAR(" + JdbiPersonRegistry.SEARCH_TEXT_LENGTH
                    + ") DEFAULT '' NOT NULL");
            ddl.execute("ALTER TABLE people ADD family_key VARCHAR(" + JdbiPersonRegistry.NAME_KEY_LENGTH
                    + ") DEFAULT '' NOT NULL");
            ddl.execute("ALTER TABLE people ADD given_key VARCHAR(" + JdbiPersonRegistry.NAME_KEY_LENGTH
                    + ") DEFAULT '' NOT NULL");
            ddl.execute("CREATE INDEX people_by_name ON people (family_key, given_key, id)");
        }
        try (Statement read = connection.createStatement();
                ResultSet rows = read.executeQuery("SELECT id, email, given_name, family_name FROM people");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE people SET search_text = ?, family_key = ?, given_key = ? WHERE id = ?")) {
            while (rows.next()) {
                String given = rows.getString("given_name");
                String family = rows.getString("family_name");
                write.setString(1, JdbiPersonRegistry.cut(SearchText.of(rows.getString("id"), given, family,
                        rows.getString("email")), JdbiPersonRegistry.SEARCH_TEXT_LENGTH));
                write.setString(2, JdbiPersonRegistry.cut(SearchText.normalize(family),
                        JdbiPersonRegistry.NAME_KEY_LENGTH));
                write.setString(3, JdbiPersonRegistry.cut(SearchText.normalize(given),
                        JdbiPersonRegistry.NAME_KEY_LENGTH));
                write.setString(4, rows.getString("id"));
                write.addBatch();
            }
            write.executeBatch();
        }
    }
}
