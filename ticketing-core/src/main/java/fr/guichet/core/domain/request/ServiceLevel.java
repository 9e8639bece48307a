package fr.guichet.core.domain.request;

import java.time.Instant;

/**
 * Where a request stands against its subject's targets: when the staff first answered it in public, and by when the
 * first answer and the resolution are due; each may be null (not answered yet, no such target). Immutable.
 */
public record ServiceLevel(Instant firstAnswerAt, Instant firstAnswerDue, Instant resolutionDue) {

    /** No answer yet and no target. */
    public static final ServiceLevel NONE = new ServiceLevel(null, null, null);

    /** What the queue sorts by when no due is still to meet: after every real instant, alike on every database. */
    public static final Instant NOTHING_DUE = Instant.parse("9999-12-31T00:00:00Z");

    /** A new request's: not answered, due as given (either may be null). */
    public static ServiceLevel due(Instant firstAnswerDue, Instant resolutionDue) {
        return new ServiceLevel(null, firstAnswerDue, resolutionDue);
    }

    /** True when the subject set a target for the first answer or for the resolution. */
    public boolean hasTargets() {
        return firstAnswerDue != null || resolutionDue != null;
    }

    /** The same, first answered at {@code at} unless it was answered before. */
    public ServiceLevel answeredAt(Instant at) {
        return firstAnswerAt != null ? this : new ServiceLevel(at, firstAnswerDue, resolutionDue);
    }

    /** The same with the resolution due at {@code at} (may be null). */
    public ServiceLevel withResolutionDue(Instant at) {
        return new ServiceLevel(firstAnswerAt, firstAnswerDue, at);
    }

    /**
     * The earliest due still to meet by a request in {@code status}: the first answer's while none was given, then the
     * resolution's; {@link #NOTHING_DUE} when there is none, or the request waits on its requester, is resolved or
     * closed (its clock stopped).
     */
    public Instant nextDue(Status status) {
        if (!status.isOpen() || status == Status.WAITING_FOR_REQUESTER) {
            return NOTHING_DUE;
        }
        Instant next = NOTHING_DUE;
        if (firstAnswerAt == null && firstAnswerDue != null) {
            next = firstAnswerDue;
        }
        if (resolutionDue != null && resolutionDue.isBefore(next)) {
            next = resolutionDue;
        }
        return next;
    }

    /** True when a request in {@code status} has a due still to meet that is past at {@code now} (« En retard »). */
    public boolean late(Status status, Instant now) {
        Instant next = nextDue(status);
        return !next.equals(NOTHING_DUE) && next.isBefore(now);
    }

    /**
     * True when a target was missed: the first answer or the resolution came after its due, or is still missing past
     * it when the request's clock stopped: at {@code resolvedAt} for a resolved or closed request, at
     * {@code clockStoppedAt} (when it began to wait) for one waiting on its requester, at {@code now} otherwise;
     * {@code resolvedAt} and {@code clockStoppedAt} may be null.
     */
    public boolean breached(Status status, Instant resolvedAt, Instant clockStoppedAt, Instant now) {
        Instant stopped = !status.isOpen() && resolvedAt != null ? resolvedAt
                : status == Status.WAITING_FOR_REQUESTER && clockStoppedAt != null ? clockStoppedAt : now;
        return missed(firstAnswerDue, firstAnswerAt, stopped)
                || missed(resolutionDue, status.isOpen() ? null : resolvedAt, stopped);
    }

    private static boolean missed(Instant due, Instant met, Instant stopped) {
        return due != null && (met != null ? met.isAfter(due) : stopped.isAfter(due));
    }
}
