package fr.guichet.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import fr.guichet.core.application.AdministerPeople;
import fr.guichet.core.application.PersonForm;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.MutableClock;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Directory entries become the core's people per configuration; entries that cannot make a person are skipped. */
class LdapPersonMappingTest {

    private final AcademieDirectory server = AcademieDirectory.start();
    private LdapDirectory ldap = LdapDirectory.open(server.config());

    @AfterEach
    void stop() {
        ldap.close();
        server.close();
    }

    private Optional<Person> find(String id) {
        return ldap.personDirectory().find(PersonId.of(id));
    }

    @Test
    public void people_of_other_establishments_carry_their_uai_and_accented_names() {
        Person martin = find("pmartin").orElseThrow();
        assertEquals(Uai.parse("0771234Y"), martin.establishment());
        assertEquals(Set.of(Role.REQUESTER), martin.roles());
        Person lefevre = find("nlefevre").orElseThrow();
        assertEquals(new PersonName("Nadia", "Lefèvre"), lefevre.name());
        assertEquals(Uai.parse("0940580V"), lefevre.establishment());
    }

    @Test
    public void an_entry_without_mail_is_not_a_person() {
        assertEquals(Optional.empty(), find("sansmail"));
    }

    @Test
    public void an_entry_with_an_invalid_mail_is_not_a_person() {
        server.modify("uid=pmartin," + AcademieDirectory.PEOPLE,
                new Modification(ModificationType.REPLACE, "mail", "pierre.martin@"));
        assertEquals(Optional.empty(), find("pmartin"));
    }

    @Test
    public void an_invalid_uai_leaves_the_person_without_establishment() {
        Person person = find("rnefausse").orElseThrow();
        assertEquals(null, person.establishment());
        assertEquals(EmailAddress.of("rita.fausse@ac-creteil.fr"), person.email());
    }

    @Test
    public void a_disabled_account_is_an_inactive_person_and_no_group_member() {
        Person ancien = find("ancien-agent").orElseThrow();
        assertFalse(ancien.active());
        assertEquals(Set.of(Fixtures.PLATEFORME), ancien.groups());
        assertFalse(ldap.personDirectory().membersOf(Fixtures.PLATEFORME).contains(ancien));
    }

    @Test
    public void names_fall_back_to_the_common_name() {
        assertEquals(new PersonName("Claire", "Nomcomplet"), find("cnseul").orElseThrow().name());
    }

    @Test
    public void roles_come_from_group_entries_and_from_attribute_values() {
        Person admin = find("admin1").orElseThrow();
        assertEquals(Set.of(Role.ADMIN), admin.roles());
        assertEquals(Set.of(), admin.groups());
        assertEquals(Set.of(Role.ADMIN), find("rssi").orElseThrow().roles());
        assertEquals(Set.of(Role.REQUESTER), find("mmontanes").orElseThrow().roles());
    }

    @Test
    public void a_new_member_of_a_staff_group_becomes_staff_of_that_group() {
        server.modify("cn=EVE," + AcademieDirectory.GROUPS, new Modification(ModificationType.ADD, "uniqueMember",
                "uid=pmartin," + AcademieDirectory.PEOPLE));
        Person martin = find("pmartin").orElseThrow();
        assertEquals(Set.of(Role.SPECIALIST), martin.roles());
        assertEquals(Set.of(Fixtures.EVE), martin.groups());
        assertEquals(List.of("pmartin", "specialiste-mep"),
                ldap.personDirectory().membersOf(Fixtures.EVE).stream().map(p -> p.id().value()).toList());
    }

    @Test
    public void a_mapped_group_missing_from_the_directory_is_no_support_group() {
        assertEquals(Optional.empty(), ldap.personDirectory().group(GroupCode.of("ABSENT")));
        assertEquals(List.of(Fixtures.EVE, Fixtures.PLATEFORME),
                ldap.personDirectory().groups().stream().map(g -> g.code()).toList());
        assertEquals(List.of(), ldap.personDirectory().membersOf(GroupCode.of("ABSENT")));
    }

    @Test
    public void without_group_entries_there_are_no_support_groups_and_roles_come_from_attributes() {
        ldap.close();
        LdapConfig config = server.config();
        ldap = LdapDirectory.open(new LdapConfig(config.server(), config.people(), LdapConfig.Groups.none(),
                Duration.ZERO));
        assertEquals(List.of(), ldap.personDirectory().groups());
        assertEquals(List.of(), ldap.personDirectory().membersOf(Fixtures.PLATEFORME));
        assertEquals(Set.of(Role.REQUESTER), find("agent1").orElseThrow().roles());
        assertEquals(Set.of(Role.ADMIN), find("rssi").orElseThrow().roles());
    }

    @Test
    public void guichet_keeps_the_roles_and_groups_no_attribute_or_mapping_gives() {
        LdapConfig config = server.config();
        assertEquals(EnumSet.allOf(PersonField.class), ldap.personDirectory().decides());
        assertEquals(EnumSet.allOf(PersonField.class), LdapPersonDirectory.decidedBy(config));
        assertEquals(EnumSet.complementOf(EnumSet.of(PersonField.GROUPS)), LdapPersonDirectory.decidedBy(
                new LdapConfig(config.server(), config.people(), LdapConfig.Groups.none(), Duration.ZERO)));
        ldap.close();
        ldap = LdapDirectory.open(new LdapConfig(config.server(), config.people().withRoleAttribute(null, Map.of()),
                LdapConfig.Groups.none(), Duration.ofMinutes(1)));
        assertEquals(EnumSet.of(PersonField.EMAIL, PersonField.GIVEN_NAME, PersonField.FAMILY_NAME,
                PersonField.ESTABLISHMENT, PersonField.ACTIVE), ldap.personDirectory().decides());

        TestWorld world = new TestWorld();
        Ports ports = world.ports().withDirectory(ldap.personDirectory(), ldap.credentialsVerifier());
        Person rssi = ports.people().find(PersonId.of("rssi")).orElseThrow();
        Person admin = new Person(rssi.id(), rssi.email(), rssi.name(), null, Set.of(Role.ADMIN), Set.of(), true);
        world.people.save(admin);
        AdministerPeople people = Ticketing.builder(ports).clock(world.clock).build().administerPeople();
        assertEquals(Set.of(Role.REQUESTER), ports.people().find(PersonId.of("pmartin")).orElseThrow().roles());

        people.update(admin, PersonId.of("pmartin"), new PersonForm(null, null, null, null, null, List.of("Agent"),
                List.of("PLATEFORME"), null), null);

        Person agent = ports.people().find(PersonId.of("pmartin")).orElseThrow();
        assertEquals(Set.of(Role.AGENT), agent.roles());
        assertEquals(Set.of(Fixtures.PLATEFORME), agent.groups());
        assertEquals(Uai.parse("0771234Y"), agent.establishment(), "the directory's fields stay the directory's");
        assertTrue(ports.people().membersOf(Fixtures.PLATEFORME).contains(agent));
        assertEquals(world.people.groups(), ports.people().groups());
    }

    @Test
    public void without_an_active_attribute_everyone_is_active() {
        ldap.close();
        LdapConfig config = server.config();
        ldap = LdapDirectory.open(new LdapConfig(config.server(),
                config.people().withActiveAttribute(null, Set.of()), config.groups(), Duration.ZERO));
        assertTrue(find("ancien-agent").orElseThrow().active());
    }

    @Test
    public void a_looked_up_person_is_cached_until_the_expiry() {
        ldap.close();
        MutableClock clock = new MutableClock(Fixtures.SEED_DAY);
        ldap = LdapDirectory.open(server.config().withCacheExpiry(Duration.ofMinutes(1)), clock);
        PersonDirectory people = ldap.personDirectory();
        assertEquals(EmailAddress.of("pierre.martin@ac-creteil.fr"), people.find(PersonId.of("pmartin"))
                .orElseThrow().email());

        server.modify("uid=pmartin," + AcademieDirectory.PEOPLE,
                new Modification(ModificationType.REPLACE, "mail", "p.martin@ac-creteil.fr"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(EmailAddress.of("pierre.martin@ac-creteil.fr"), people.find(PersonId.of("pmartin"))
                .orElseThrow().email());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(EmailAddress.of("p.martin@ac-creteil.fr"), people.find(PersonId.of("pmartin"))
                .orElseThrow().email());
    }
}
