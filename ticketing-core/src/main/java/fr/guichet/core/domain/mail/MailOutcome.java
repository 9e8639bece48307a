package fr.guichet.core.domain.mail;

/** What became of an inbound mail, as its log keeps it. */
public enum MailOutcome {
    /** Appended to its request as a follow-up of the requester. */
    FOLLOW_UP,
    /** Appended to its request as a public answer of staff. */
    ANSWER,
    /** Filed as a new request. */
    FILED,
    /** Kept for staff to look at, appended nowhere. */
    UNATTACHED,
    /** Automatic mail or mail not to be answered: appended nowhere, kept for staff to check. */
    IGNORED;

    /** Whether the log keeps the sender, subject and text of such a mail: only when it went to no request. */
    public boolean keepsContent() {
        return this == UNATTACHED || this == IGNORED;
    }
}
