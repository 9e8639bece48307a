package fr.guichet.core.domain.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RoutingPropertiesTest {

    private static final GroupCode GROUP = GroupCode.of("PLATEFORME");
    private static final Subject SUBJECT = new Subject(SubjectCode.parse("EVE-4.2"), "Mathenpoche", true, GROUP,
            List.of());

    /** Candidates with distinct identifiers and small workloads, so that ties happen. */
    private static Gen<List<Workload>> candidates() {
        return lists().of(integers().between(0, 5)).ofSizeBetween(0, 8).map(loads -> {
            List<Workload> out = new ArrayList<>();
            for (int i = 0; i < loads.size(); i++) {
                out.add(new Workload(PersonId.of("agent-" + (char) ('a' + (i * 7) % 26) + i), loads.get(i)));
            }
            return out;
        });
    }

    @Test
    void the_default_policy_picks_a_member_with_the_fewest_open_requests() {
        qt().forAll(candidates()).checkAssert(workloads -> {
            var chosen = RoutingPolicy.fewestOpenRequests().assignee(GROUP, SUBJECT, workloads);
            assertEquals(workloads.isEmpty(), chosen.isEmpty());
            chosen.ifPresent(id -> {
                long min = workloads.stream().mapToLong(Workload::openRequests).min().orElseThrow();
                Set<PersonId> least = workloads.stream().filter(w -> w.openRequests() == min)
                        .map(Workload::member).collect(Collectors.toSet());
                assertTrue(least.contains(id), id::value);
            });
        });
    }

    @Test
    void the_default_choice_does_not_depend_on_the_order_of_the_candidates() {
        qt().forAll(candidates(), longs().all()).checkAssert((workloads, seed) -> {
            List<Workload> shuffled = new ArrayList<>(workloads);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(RoutingPolicy.fewestOpenRequests().assignee(GROUP, SUBJECT, workloads),
                    RoutingPolicy.fewestOpenRequests().assignee(GROUP, SUBJECT, shuffled));
        });
    }

    @Test
    void the_group_queue_policy_never_picks_anyone() {
        qt().forAll(candidates()).checkAssert(workloads ->
                assertTrue(RoutingPolicy.groupQueue().assignee(GROUP, SUBJECT, workloads).isEmpty()));
    }
}
