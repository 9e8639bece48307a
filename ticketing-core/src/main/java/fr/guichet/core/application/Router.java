package fr.guichet.core.application;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.routing.RoutingPolicy;
import fr.guichet.core.domain.routing.Workload;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds who in a group takes a request about a subject: nobody when the subject's routing keeps it in the group's
 * queue, else the one the routing policy picks given each active staff member's open requests.
 */
final class Router {

    private final PersonDirectory people;
    private final RequestRepository requests;
    private final RoutingPolicy policy;

    Router(PersonDirectory people, RequestRepository requests, RoutingPolicy policy) {
        this.people = people;
        this.requests = requests;
        this.policy = policy;
    }

    Optional<PersonId> assignee(GroupCode group, Subject subject, Routing routing) {
        return route(group, subject, routing).assignee();
    }

    /** The group's members as read from the directory, and the one chosen among its staff, if any. */
    Decision route(GroupCode group, Subject subject, Routing routing) {
        List<Person> members = people.membersOf(group);
        List<Person> staff = members.stream().filter(Person::isStaff).filter(Person::active).toList();
        if (routing == Routing.GROUP_QUEUE || staff.isEmpty()) {
            return new Decision(members, Optional.empty());
        }
        Map<PersonId, Long> counts = requests.openRequestCounts(staff.stream().map(Person::id).toList());
        return new Decision(members, policy.assignee(group, subject, staff.stream()
                .map(m -> new Workload(m.id(), counts.getOrDefault(m.id(), 0L))).toList()));
    }

    /** A routing decision with the group members it was made from. */
    record Decision(List<Person> members, Optional<PersonId> assignee) {

        Decision {
            members = List.copyOf(members);
        }
    }
}
