package fr.guichet.core.domain.admin;

/**
 * A setting an administrator may change at run time unless the deployment's environment fixes it, known to the API,
 * to errors and to audit snapshots by its {@link #field() field name}.
 */
public enum SettingName {
    REOPEN_WINDOW_DAYS("reopenWindowDays"),
    AUTO_CLOSE_WAITING_DAYS("autoCloseWaitingDays"),
    RETENTION_SCHOOL_YEARS("retentionSchoolYears"),
    MAIL_DOMAINS("mailDomains");

    private final String field;

    SettingName(String field) {
        this.field = field;
    }

    /** The name of the setting's field, such as {@code reopenWindowDays}. */
    public String field() {
        return field;
    }
}
