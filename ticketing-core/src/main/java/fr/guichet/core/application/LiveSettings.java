package fr.guichet.core.application;

import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.port.SettingsStore;
import java.time.Duration;
import java.util.Set;

/**
 * The settings in force: the deployment's, each of those an administrator may change replaced by its stored value
 * unless the environment fixes it. Read in each unit of work that needs them, so a change made on any node is followed
 * by every node at once, at the cost of one primary-key read of the settings row. Thread-safe.
 */
final class LiveSettings {

    private final TicketingSettings deployment;
    private final Set<SettingName> fixed;
    private final SettingsStore store;

    LiveSettings(TicketingSettings deployment, Set<SettingName> fixed, SettingsStore store) {
        this.deployment = deployment;
        this.fixed = Set.copyOf(fixed);
        this.store = store;
    }

    /** The settings in force now; joins the caller's unit of work. */
    TicketingSettings current() {
        return over(store.load());
    }

    /** The deployment's settings with the values of {@code stored} the environment does not fix. */
    TicketingSettings over(StoredSettings stored) {
        TicketingSettings s = deployment;
        if (stored.reopenWindowDays() != null && !isFixed(SettingName.REOPEN_WINDOW_DAYS)) {
            s = s.withReopenWindow(Duration.ofDays(stored.reopenWindowDays()));
        }
        if (stored.autoCloseWaitingDays() != null && !isFixed(SettingName.AUTO_CLOSE_WAITING_DAYS)) {
            s = s.withAutoCloseWaitingDelay(Duration.ofDays(stored.autoCloseWaitingDays()));
        }
        if (stored.retentionSchoolYears() != null && !isFixed(SettingName.RETENTION_SCHOOL_YEARS)) {
            s = s.withRetentionSchoolYears(stored.retentionSchoolYears());
        }
        if (stored.mailDomains() != null && !isFixed(SettingName.MAIL_DOMAINS)) {
            s = s.withMailDomains(stored.mailDomains());
        }
        return s;
    }

    /** The deployment's settings, those the environment fixes among them. */
    TicketingSettings deployment() {
        return deployment;
    }

    boolean isFixed(SettingName name) {
        return fixed.contains(name);
    }

    Set<SettingName> fixed() {
        return fixed;
    }
}
