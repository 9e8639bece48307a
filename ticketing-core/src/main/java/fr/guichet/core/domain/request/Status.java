package fr.guichet.core.domain.request;

/** Where a request stands in its lifecycle; see {@link Lifecycle} for the moves between them. */
public enum Status {
    NEW,
    ASSIGNED,
    IN_PROGRESS,
    WAITING_FOR_REQUESTER,
    RESOLVED,
    CLOSED;

    /** Not yet resolved or closed: counts in a staff member's workload. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
