package fr.guichet.core.domain.routing;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.subject.Subject;
import java.util.List;
import java.util.Optional;

/**
 * Chooses who in a group takes a request (a pluggable policy); empty leaves it in the group's queue. Implementations
 * are pure and thread-safe.
 */
@FunctionalInterface
public interface RoutingPolicy {

    /** Picks one of {@code candidates} (the group's active staff members), or none. */
    Optional<PersonId> assignee(GroupCode group, Subject subject, List<Workload> candidates);

    /** The default: the member with the fewest open requests, ties broken by identifier so the choice is stable. */
    static RoutingPolicy fewestOpenRequests() {
        return new FewestOpenRequests();
    }

    /** Leaves every request in its group's queue for staff to take. */
    static RoutingPolicy groupQueue() {
        return (group, subject, candidates) -> Optional.empty();
    }
}
