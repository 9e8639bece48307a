package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.contract.PersonRegistryContract;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The person registry contract (and the directory's) on each selected database, with people read in one query. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiPersonRegistryTest extends PersonRegistryContract {

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node node() {
        return TestDatabase.of(kind).node();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return node().unitOfWork();
    }

    @Override
    protected PersonRegistry registry() {
        return node().people();
    }

    @Test
    void people_with_several_roles_in_several_groups_are_read_whole_and_once() {
        SupportGroup first = Fixtures.newGroup();
        SupportGroup second = Fixtures.newGroup();
        Person both = withRolesAndGroups(Fixtures.newStaff(first.code()), Set.of(Role.AGENT, Role.ADMIN),
                Set.of(first, second));
        Person other = withRolesAndGroups(Fixtures.newStaff(first.code()),
                Set.of(Role.AGENT, Role.SPECIALIST, Role.ADMIN), Set.of(first, second));
        Person alone = Fixtures.newStaff(first.code());
        unitOfWork().run(() -> {
            registry().saveGroup(first);
            registry().saveGroup(second);
            Stream.of(both, other, alone).forEach(registry()::save);
        });
        assertEquals(both, registry().find(both.id()).orElseThrow());
        assertEquals(other, registry().find(other.id()).orElseThrow());
        assertEquals(sorted(both, other, alone), registry().membersOf(first.code()));
        assertEquals(sorted(both, other), registry().membersOf(second.code()));
    }

    private static Person withRolesAndGroups(Person p, Set<Role> roles, Set<SupportGroup> groups) {
        return new Person(p.id(), p.email(), p.name(), p.establishmentCode().orElse(null), roles,
                groups.stream().map(SupportGroup::code).collect(Collectors.toSet()), p.active());
    }

    private static List<Person> sorted(Person... people) {
        return Stream.of(people).sorted(Comparator.comparing(p -> p.id().value())).toList();
    }
}
