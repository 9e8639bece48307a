package fr.guichet.core.domain.request;

/** What a history entry records; staff-only events are not shown to requesters. */
public enum HistoryEvent {
    FILED(false),
    STATUS_CHANGED(false),
    REDIRECTED(false),
    ASSIGNED(true),
    ANSWERED(false),
    NOTE_ADDED(true),
    FOLLOWED_UP(false),
    ATTACHMENT_ADDED(false);

    private final boolean staffOnly;

    HistoryEvent(boolean staffOnly) {
        this.staffOnly = staffOnly;
    }

    public boolean staffOnly() {
        return staffOnly;
    }
}
