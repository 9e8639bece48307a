package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListSupportGroupsTest {

    private final TestWorld world = new TestWorld();

    private Person member(String id, String given, String family, boolean active, Role role) {
        return join(world, new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"),
                new PersonName(given, family), null, Set.of(role), Set.of(Fixtures.PLATEFORME), active));
    }

    @Test
    void staff_see_every_group_by_label_with_its_active_staff_by_name_in_french_order() {
        member("zelie", "Zélie", "Émery", true, Role.AGENT);
        member("bruno", "Bruno", "Dupré", true, Role.AGENT);
        member("parti", "Paul", "Ancien", false, Role.AGENT);
        member("eleve", "Inès", "Abdi", true, Role.REQUESTER);

        List<GroupMembers> groups = world.ticketing.listSupportGroups().list(Fixtures.agent());

        assertEquals(List.of("Plateforme d'assistance du rectorat", "Spécialistes des applications disciplinaires"),
                groups.stream().map(g -> g.group().label()).toList());
        assertEquals(List.of("Alice Agent", "Bruno Dupré", "Zélie Émery"),
                groups.get(0).members().stream().map(p -> p.name().display()).toList());
        assertEquals(List.of(Fixtures.specialist().id()),
                groups.get(1).members().stream().map(Person::id).toList());
    }

    @Test
    void a_requester_may_not_list_the_groups() {
        assertEquals("staff.only", refused(ErrorKind.FORBIDDEN,
                () -> world.ticketing.listSupportGroups().list(Fixtures.montanes())).code());
    }
}
