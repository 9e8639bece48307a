package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PersonDirectory} promises, read-only: an implementation shows {@link Fixtures#people()} and
 * {@link Fixtures#groups()} through {@link #directoryWith}.
 */
public abstract class PersonDirectoryContract {

    /** A directory holding exactly these people and groups (a registry saves them; a directory test loads them). */
    protected abstract PersonDirectory directoryWith(List<Person> people, List<SupportGroup> groups);

    protected PersonDirectory directory;

    @BeforeEach
    void setUpDirectory() {
        directory = directoryWith(Fixtures.people(), Fixtures.groups());
    }

    @Test
    public void a_known_person_is_found_with_every_attribute() {
        assertEquals(Fixtures.montanes(), directory.find(PersonId.of("mmontanes")).orElseThrow());
        assertEquals(Fixtures.agent(), directory.find(PersonId.of("agent1")).orElseThrow());
        assertEquals(Fixtures.specialist(), directory.find(PersonId.of("specialiste-mep")).orElseThrow());
    }

    @Test
    public void people_are_found_at_once_by_identifier_the_unknown_left_out() {
        PersonId unknown = PersonId.of("nobody-" + System.nanoTime());
        assertEquals(Map.of(PersonId.of("mmontanes"), Fixtures.montanes(), PersonId.of("agent1"), Fixtures.agent()),
                directory.findAll(List.of(PersonId.of("mmontanes"), unknown, PersonId.of("agent1"))));
        assertEquals(Map.of(), directory.findAll(List.of()));
    }

    @Test
    public void an_unknown_person_is_absent() {
        assertTrue(directory.find(PersonId.of("nobody-" + System.nanoTime())).isEmpty());
    }

    @Test
    public void identifiers_with_wildcards_or_filter_syntax_find_nobody() {
        for (String hostile : List.of("*", "mmontanes)(uid=*", "mmon*", "*)(|(objectClass=*", "mmontanes\\")) {
            assertTrue(directory.find(PersonId.of(hostile)).isEmpty(), hostile);
        }
    }

    @Test
    public void members_of_a_group_are_its_active_people_in_identifier_order() {
        assertEquals(List.of(Fixtures.agent()), directory.membersOf(Fixtures.PLATEFORME));
        assertEquals(List.of(Fixtures.specialist()), directory.membersOf(Fixtures.EVE));
        assertEquals(List.of(), directory.membersOf(GroupCode.of("NOGROUP")));
    }

    @Test
    public void groups_are_listed_in_code_order_and_found_by_code() {
        List<SupportGroup> groups = directory.groups();
        assertTrue(groups.containsAll(Fixtures.groups()));
        assertEquals(groups.stream().map(g -> g.code().value()).sorted().toList(),
                groups.stream().map(g -> g.code().value()).toList());
        assertEquals(Fixtures.groups().get(0), directory.group(Fixtures.PLATEFORME).orElseThrow());
        assertTrue(directory.group(GroupCode.of("NOGROUP")).isEmpty());
    }
}
