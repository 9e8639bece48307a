package fr.guichet.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.api.Trigger;

/**
 * An H2 trigger on {@code audit_entries} that deactivates an administrator of {@link #ADMINS} in the transaction that
 * records their first batch of an establishments import, as another administrator would remove them on another server
 * while the import runs.
 */
public final class RemovesImporter implements Trigger {

    /** The administrators to remove, by identifier. */
    static final Set<String> ADMINS = ConcurrentHashMap.newKeySet();

    /** The columns of {@code audit_entries}: seq, at, by_id, by_given, by_family, action, target... */
    private static final int BY_ID = 2;
    private static final int ACTION = 5;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if ("establishment.import".equals(newRow[ACTION]) && ADMINS.remove(String.valueOf(newRow[BY_ID]))) {
            try (PreparedStatement deactivate = connection.prepareStatement(
                    "UPDATE people SET active = FALSE WHERE id = ?")) {
                deactivate.setObject(1, newRow[BY_ID]);
                deactivate.executeUpdate();
            }
        }
    }
}
