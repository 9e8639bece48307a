package fr.guichet.core.port;

import fr.guichet.core.domain.request.Status;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many requests a query matches in each status (every status present, zero when none), and how many of them are
 * unassigned, await the staff (their requester acted last), are assigned to the person who asks, and came back from
 * RESOLVED.
 */
public record RequestCounts(Map<Status, Long> byStatus, long unassigned, long awaitingStaff, long mine, long reopened) {

    public RequestCounts {
        Map<Status, Long> all = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            all.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = Map.copyOf(all);
    }
}
