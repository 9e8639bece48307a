package fr.guichet.core.domain.routing;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.subject.Subject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The default routing policy: the member with the fewest open requests, ties broken by identifier. */
final class FewestOpenRequests implements RoutingPolicy {

    @Override
    public Optional<PersonId> assignee(GroupCode group, Subject subject, List<Workload> candidates) {
        return candidates.stream()
                .min(Comparator.comparingLong(Workload::openRequests)
                        .thenComparing(w -> w.member().value()))
                .map(Workload::member);
    }
}
