package fr.guichet.core.domain.request;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed status changes and who may make each: NEW → ASSIGNED → IN_PROGRESS ⇄ WAITING_FOR_REQUESTER → RESOLVED →
 * CLOSED; a requester only answers a waiting request or reopens a resolved one; CLOSED is final. Redirection and
 * taking are separate moves (see {@link #canRedirect(Status)} and {@link #canTake(Status)}).
 */
public final class Lifecycle {

    private static final Map<Status, Set<Status>> STAFF = new EnumMap<>(Status.class);
    private static final Map<Status, Set<Status>> REQUESTER = new EnumMap<>(Status.class);

    static {
        STAFF.put(Status.NEW, EnumSet.of(Status.IN_PROGRESS));
        STAFF.put(Status.ASSIGNED, EnumSet.of(Status.IN_PROGRESS));
        STAFF.put(Status.IN_PROGRESS, EnumSet.of(Status.WAITING_FOR_REQUESTER, Status.RESOLVED));
        STAFF.put(Status.WAITING_FOR_REQUESTER, EnumSet.of(Status.IN_PROGRESS, Status.RESOLVED));
        STAFF.put(Status.RESOLVED, EnumSet.of(Status.CLOSED, Status.IN_PROGRESS));
        STAFF.put(Status.CLOSED, EnumSet.noneOf(Status.class));
        for (Status s : Status.values()) {
            REQUESTER.put(s, EnumSet.noneOf(Status.class));
        }
        REQUESTER.put(Status.WAITING_FOR_REQUESTER, EnumSet.of(Status.IN_PROGRESS));
        REQUESTER.put(Status.RESOLVED, EnumSet.of(Status.IN_PROGRESS));
    }

    private Lifecycle() {
    }

    public static boolean allows(Actor actor, Status from, Status to) {
        return (actor == Actor.STAFF ? STAFF : REQUESTER).get(from).contains(to);
    }

    /** The statuses {@code actor} may move a request in {@code from} to. */
    public static Set<Status> next(Actor actor, Status from) {
        return Set.copyOf((actor == Actor.STAFF ? STAFF : REQUESTER).get(from));
    }

    /** Staff may redirect any request that is not resolved or closed. */
    public static boolean canRedirect(Status status) {
        return status.isOpen();
    }

    /** The status after a redirection: ASSIGNED when it names an assignee, NEW when it goes to a group's queue. */
    public static Status afterRedirect(boolean withAssignee) {
        return withAssignee ? Status.ASSIGNED : Status.NEW;
    }

    /** Staff may take any request that is not resolved or closed. */
    public static boolean canTake(Status status) {
        return status.isOpen();
    }

    /**
     * The status after a take: a NEW request becomes ASSIGNED; one already being worked on keeps its status, the work
     * going on with its new assignee.
     */
    public static Status afterTake(Status from) {
        return from == Status.NEW ? Status.ASSIGNED : from;
    }

    /** Messages may be posted until a request is closed. */
    public static boolean acceptsMessages(Status status) {
        return status != Status.CLOSED;
    }
}
