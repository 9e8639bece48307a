package fr.guichet.core.port;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Status;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many requests a query matches in each status (every status present, zero when none), and how many of the open
 * ones are unassigned, are assigned to the person who asks and came back from RESOLVED, and how many of those not
 * closed await the staff (their requester acted last); each a {@link Count}, exact up to its cap.
 */
public record RequestCounts(Map<Status, Count> byStatus, Count unassigned, Count awaitingStaff, Count mine,
        Count reopened) {

    public RequestCounts {
        Map<Status, Count> all = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            all.put(s, byStatus.getOrDefault(s, new Count(0, true)));
        }
        byStatus = Map.copyOf(all);
    }

    /**
     * The counts from what was read: a status's requests counted exactly up to {@code cap} across the ranges it is read
     * from, and beyond {@code cap} a lower bound, as is then every flag counted among its requests.
     */
    public static RequestCounts upTo(long cap, Map<Status, Long> read, long unassigned, long awaitingStaff,
            long mine, long reopened) {
        Map<Status, Count> byStatus = new EnumMap<>(Status.class);
        read.forEach((status, n) -> byStatus.put(status, Count.upTo(cap, n)));
        boolean openComplete = true;
        boolean notClosedComplete = true;
        for (Status s : Status.values()) {
            boolean complete = read.getOrDefault(s, 0L) <= cap;
            openComplete &= complete || !s.isOpen();
            notClosedComplete &= complete || s == Status.CLOSED;
        }
        return new RequestCounts(byStatus, Count.upTo(cap, unassigned, openComplete),
                Count.upTo(cap, awaitingStaff, notClosedComplete), Count.upTo(cap, mine, openComplete),
                Count.upTo(cap, reopened, openComplete));
    }

    /**
     * The counts, as {@code me} asks, of the requests {@code tallies} hold, a status's requests counted up to
     * {@code cap} as {@link #upTo} does.
     */
    public static RequestCounts of(long cap, PersonId me, Collection<Tally> tallies) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        long unassigned = 0;
        long awaitingStaff = 0;
        long mine = 0;
        long reopened = 0;
        for (Tally t : tallies) {
            byStatus.merge(t.status(), t.requests(), Long::sum);
            boolean open = t.status().isOpen();
            unassigned += open && t.assignee() == null ? t.requests() : 0;
            mine += open && me.equals(t.assignee()) ? t.requests() : 0;
            reopened += open && t.reopened() ? t.requests() : 0;
            awaitingStaff += t.status() != Status.CLOSED && t.awaitingStaff() ? t.requests() : 0;
        }
        return upTo(cap, byStatus, unassigned, awaitingStaff, mine, reopened);
    }

    /**
     * How many requests are in one status with one assignee (null: none), alike in whether they await the staff and
     * came back from RESOLVED.
     */
    public record Tally(Status status, PersonId assignee, boolean awaitingStaff, boolean reopened, long requests) {

        public Tally {
            if (requests < 0) {
                throw new IllegalArgumentException("a tally is never negative: " + requests);
            }
        }
    }
}
