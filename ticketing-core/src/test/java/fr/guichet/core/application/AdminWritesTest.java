package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every administrative change, retention run and personal data export is made by an administrator still one as stored,
 * whatever this node's cached session says: one removed on another node acts no longer.
 */
class AdminWritesTest {

    private final TestWorld world = new TestWorld();
    private final Person anne = join(world, admin("anne"));
    private final Person teacher = join(world, Fixtures.newRequester());

    private static Person admin(String id) {
        return new Person(PersonId.of("admin-" + id), EmailAddress.of(id + ".admin@ac-creteil.fr"),
                new PersonName(id, "Admin"), null, Set.of(Role.AGENT, Role.ADMIN), Set.of(), true);
    }

    @Test
    void an_administrator_removed_elsewhere_cannot_act_though_their_session_here_still_says_administrator() {
        SessionToken session = world.ticketing.signIn().signIn(anne.id().value(), TestWorld.PASSWORD, false).token();
        Person signedIn = world.ticketing.authenticate().person(session).orElseThrow();
        long audited = world.audit.newestFirst(new PageRequest(1, 1)).total();

        Ticketing elsewhere = Ticketing.builder(world.ports()).clock(world.clock).build();
        Person bruno = join(world, admin("bruno"));
        elsewhere.administerPeople().update(bruno, anne.id(),
                new PersonForm(null, null, null, null, null, List.of("Agent"), null, null), null);
        assertTrue(world.ticketing.authenticate().person(session).orElseThrow().has(Role.ADMIN), "cached here");

        for (Executable write : List.<Executable>of(
                () -> world.ticketing.administerPeople().update(signedIn, teacher.id(),
                        new PersonForm(null, null, "Paul", null, null, null, null, null), null),
                () -> world.ticketing.manageGroups().create(signedIn, "ENT", "Équipe ENT"),
                () -> world.ticketing.manageSettings().change(signedIn,
                        new ManageSettings.Changes(30, null, null, null), null),
                () -> world.ticketing.manageCatalog().addSubject(signedIn, new ManageCatalog.NewSubject("EVE-4",
                        null, "LaboMEP nouvelle version", "EVE", List.of(), "FEWEST_OPEN")),
                () -> world.ticketing.anonymiseExpiredData().run(signedIn),
                () -> world.ticketing.exportPersonData().gather(signedIn, teacher.id()))) {
            assertEquals("person.admin.removed", refused(ErrorKind.FORBIDDEN, write).code());
        }
        assertEquals(teacher, world.people.find(teacher.id()).orElseThrow());
        assertTrue(world.people.group(GroupCode.of("ENT")).isEmpty());
        assertEquals(audited + 1, world.audit.newestFirst(new PageRequest(1, 1)).total(), "only the removal");
    }
}
