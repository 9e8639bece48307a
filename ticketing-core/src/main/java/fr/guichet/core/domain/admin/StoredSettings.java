package fr.guichet.core.domain.admin;

import fr.guichet.core.domain.person.MailDomains;

/**
 * The settings an administrator has changed at run time, as stored: a null field was never set and keeps the
 * deployment's value.
 */
public record StoredSettings(Integer reopenWindowDays, Integer autoCloseWaitingDays, Integer retentionSchoolYears,
        MailDomains mailDomains) {

    /** Nothing set. */
    public static final StoredSettings NONE = new StoredSettings(null, null, null, null);
}
