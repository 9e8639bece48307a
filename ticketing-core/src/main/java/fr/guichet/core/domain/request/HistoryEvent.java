package fr.guichet.core.domain.request;

/** What a history entry records, and what its from and to hold; staff-only events are not shown to requesters. */
public enum HistoryEvent {
    /** Filed into a group: to is the group's code. */
    FILED(false, Refers.GROUP),
    /** From one status to another: their names. */
    STATUS_CHANGED(false, Refers.STATUS),
    /** From RESOLVED back to an open status, with a reason: their names. */
    REOPENED(false, Refers.STATUS),
    /** From one group to another: their codes. */
    REDIRECTED(false, Refers.GROUP),
    /** From one assignee to another (either may be null): their identifiers. */
    ASSIGNED(true, Refers.PERSON),
    /** A staff member took the request for themself: from the previous assignee (may be null) to them. */
    TAKEN(false, Refers.PERSON),
    ANSWERED(false, Refers.NOTHING),
    NOTE_ADDED(true, Refers.NOTHING),
    FOLLOWED_UP(false, Refers.NOTHING),
    /** Made to follow an incident: from the one it followed before (may be null) to it, by number. */
    LINKED(false, Refers.REQUEST),
    /** No longer follows an incident: from it, by number. */
    UNLINKED(false, Refers.REQUEST),
    /** A file was attached: to is its name. */
    ATTACHMENT_ADDED(false, Refers.TEXT),
    /** The requester was reminded that the request waits for their answer. */
    REMINDED(false, Refers.NOTHING);

    /** What the from and to values of an entry name. */
    public enum Refers {
        /** Nothing: both are null. */
        NOTHING,
        /** Support groups, by code. */
        GROUP,
        /** People, by identifier. */
        PERSON,
        /** Statuses, by name. */
        STATUS,
        /** Requests, by number. */
        REQUEST,
        /** Text to show as it is (a file name). */
        TEXT
    }

    private final boolean staffOnly;
    private final Refers refers;

    HistoryEvent(boolean staffOnly, Refers refers) {
        this.staffOnly = staffOnly;
        this.refers = refers;
    }

    public boolean staffOnly() {
        return staffOnly;
    }

    public Refers refersTo() {
        return refers;
    }
}
