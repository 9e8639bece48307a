package fr.guichet.jdbc;

import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.port.SettingsStore;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The settings changed at run time in the one row of {@code settings}, a null column for a setting never set. */
final class JdbiSettingsStore implements SettingsStore {

    private final Database db;

    JdbiSettingsStore(Database db) {
        this.db = db;
    }

    @Override
    public StoredSettings load() {
        return db.inTransaction(h -> h.createQuery("SELECT reopen_window_days, auto_close_waiting_days, "
                        + "retention_school_years, mail_domains FROM settings WHERE id = 1")
                .map((rs, ctx) -> {
                    String domains = rs.getString("mail_domains");
                    return new StoredSettings(integer(rs, "reopen_window_days"),
                            integer(rs, "auto_close_waiting_days"), integer(rs, "retention_school_years"),
                            domains == null ? null : MailDomains.parse(domains));
                })
                .one());
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void save(StoredSettings settings) {
        db.inTransaction(h -> h.createUpdate("UPDATE settings SET reopen_window_days = :reopen, "
                        + "auto_close_waiting_days = :autoClose, retention_school_years = :retention, "
                        + "mail_domains = :domains WHERE id = 1")
                .bind("reopen", settings.reopenWindowDays())
                .bind("autoClose", settings.autoCloseWaitingDays())
                .bind("retention", settings.retentionSchoolYears())
                .bind("domains", settings.mailDomains() == null ? null
                        : String.join(",", settings.mailDomains().domains().stream().sorted().toList()))
                .execute());
    }
}
