package fr.guichet.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.notification.Delivery;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.OutboxEntry.DeliveryState;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Staff notification preferences and the daily digest, on a clock moved by hand across the digest hour (Paris time;
 * the seed's day starts at 10:00).
 */
class SendDigestsTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = Fixtures.montanes();
    private final Person reader = Scenario.join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
    private final Person colleague = Scenario.join(world, Fixtures.newStaff(Fixtures.PLATEFORME));

    private RequestNumber fileToTheQueue(String summary) {
        return Scenario.file(world, requester, Scenario.draft(Fixtures.PRINTERS, summary, "Bourrage papier.", null));
    }

    private List<OutboxEntry> to(Person person, DeliveryState state) {
        return world.outbox.all().stream().filter(e -> e.notification().recipient().equals(person.email())
                && e.state() == state).toList();
    }

    @Test
    void a_digest_reader_gets_one_mail_after_their_hour_listing_what_was_held_before_it() {
        world.ticketing.chooseNotifications().choose(reader, "DIGEST", "EACH", 17);
        RequestNumber first = fileToTheQueue("Imprimante du CDI");
        world.clock.set(Instant.parse("2008-09-01T09:00:00Z"));
        RequestNumber second = fileToTheQueue("Imprimante de la salle 12");

        assertEquals(2, to(colleague, DeliveryState.PENDING).size(), "who did not choose gets each mail");
        assertEquals(List.of(), to(reader, DeliveryState.PENDING));
        assertEquals(2, to(reader, DeliveryState.HELD).size());

        world.clock.set(Instant.parse("2008-09-01T14:59:00Z"));
        assertEquals(0, world.ticketing.sendDigests().run(), "16:59 in Paris: not yet");
        world.clock.set(Instant.parse("2008-09-01T15:05:00Z"));
        assertEquals(1, world.ticketing.sendDigests().run());
        assertEquals(0, world.ticketing.sendDigests().run(), "one digest a period");

        List<OutboxEntry> digests = to(reader, DeliveryState.PENDING);
        assertEquals(1, digests.size());
        assertEquals(TemplateKey.DIGEST, digests.get(0).notification().template());
        assertEquals(first.display() + "," + second.display(), digests.get(0).notification().data().get("numbers"));
        String lines = digests.get(0).notification().data().get("requests");
        assertTrue(lines.contains("n° " + first.display() + " – Imprimante du CDI – établissement 0941295X – "), lines);
        assertTrue(lines.contains("n° " + second.display() + " – Imprimante de la salle 12 – établissement 0941295X"),
                "a school missing from the directory keeps its UAI: " + lines);
        assertTrue(lines.contains("nouvelle demande pour le groupe Plateforme d'assistance du rectorat"), lines);
        assertEquals(List.of(), to(reader, DeliveryState.HELD));

        world.clock.set(Instant.parse("2008-09-01T15:10:00Z"));
        RequestNumber third = fileToTheQueue("Imprimante de la vie scolaire");
        world.clock.set(Instant.parse("2008-09-01T15:30:00Z"));
        assertEquals(0, world.ticketing.sendDigests().run(), "held after the hour: tomorrow's digest");
        world.clock.set(Instant.parse("2008-09-02T15:00:00Z"));
        assertEquals(1, world.ticketing.sendDigests().run());
        List<OutboxEntry> now = to(reader, DeliveryState.PENDING);
        assertEquals(2, now.size());
        assertEquals(third.display(), now.get(1).notification().data().get("numbers"));
    }

    @Test
    void the_digest_names_each_school_the_directory_knows_with_its_uai() {
        world.establishments.saveAll(List.of(new Establishment(new Uai("0941295X"), "Collège Jean Moulin", "Collège",
                "Créteil", new Department("94"))));
        world.ticketing.chooseNotifications().choose(reader, "DIGEST", "EACH", 17);
        RequestNumber number = fileToTheQueue("Imprimante du CDI");
        world.clock.set(Instant.parse("2008-09-01T15:05:00Z"));

        assertEquals(1, world.ticketing.sendDigests().run());

        String lines = to(reader, DeliveryState.PENDING).get(0).notification().data().get("requests");
        assertTrue(lines.contains("n° " + number.display() + " – Imprimante du CDI – Collège Jean Moulin (0941295X)"),
                lines);
    }

    private Person admin() {
        return Scenario.join(world, new Person(PersonId.of("admin-digest"),
                EmailAddress.of("admin.digest@ac-creteil.fr"), new PersonName("Ada", "Admin"), null,
                Set.of(Role.ADMIN), Set.of(), true));
    }

    @Test
    void the_mail_held_for_a_deactivated_reader_is_removed_unsent() {
        world.ticketing.chooseNotifications().choose(reader, "DIGEST", "EACH", 17);
        fileToTheQueue("Imprimante du CDI");
        assertEquals(1, to(reader, DeliveryState.HELD).size());

        world.ticketing.administerPeople().update(admin(), reader.id(),
                new PersonForm(null, null, null, null, null, null, null, false), null);
        world.clock.set(Instant.parse("2008-09-01T15:05:00Z"));

        assertEquals(0, world.ticketing.sendDigests().run());
        assertEquals(List.of(), to(reader, DeliveryState.HELD));
        assertEquals(List.of(), to(reader, DeliveryState.PENDING));
    }

    @Test
    void the_mail_held_before_an_address_changes_goes_to_the_digest_at_the_new_address() {
        world.ticketing.chooseNotifications().choose(reader, "DIGEST", "EACH", 17);
        RequestNumber first = fileToTheQueue("Imprimante du CDI");

        Person moved = world.ticketing.administerPeople().update(admin(), reader.id(),
                new PersonForm(null, "nouvelle." + reader.email().value(), null, null, null, null, null, null), null)
                .person();
        world.clock.set(Instant.parse("2008-09-01T15:05:00Z"));

        assertEquals(1, world.ticketing.sendDigests().run());
        List<OutboxEntry> digests = to(moved, DeliveryState.PENDING);
        assertEquals(1, digests.size());
        assertEquals(first.display(), digests.get(0).notification().data().get("numbers"));
        assertEquals(List.of(), to(reader, DeliveryState.HELD));
    }

    @Test
    void none_for_the_groups_requests_queues_nothing_and_assigned_requests_may_go_to_the_digest() {
        for (Person member : List.of(reader, colleague, Fixtures.agent())) {
            world.ticketing.chooseNotifications().choose(member, "NONE", "DIGEST", 8);
        }

        fileToTheQueue("Imprimante du CDI");
        assertEquals(List.of(TemplateKey.REQUEST_RECEIVED), world.outbox.all().stream()
                .map(e -> e.notification().template()).toList(), "nobody of the group wants these");
        RequestNumber assigned = Scenario.file(world, requester);

        Person assignee = world.people.find(Scenario.stored(world, assigned).summaryLine().assignee()).orElseThrow();
        assertEquals(new NotificationPreferences(Delivery.NONE, Delivery.DIGEST, 8),
                world.ticketing.chooseNotifications().current(assignee));
        assertEquals(List.of(), to(assignee, DeliveryState.PENDING));
        assertEquals(List.of(TemplateKey.REQUEST_ASSIGNED_TO_YOU), to(assignee, DeliveryState.HELD).stream()
                .map(e -> e.notification().template()).toList());
    }

    @Test
    void a_request_filed_to_a_member_is_not_mailed_to_the_rest_of_the_group() {
        RequestNumber number = Scenario.file(world, requester);
        Person assignee = world.people.find(Scenario.stored(world, number).summaryLine().assignee()).orElseThrow();

        world.outbox.all().stream().filter(e -> !e.notification().recipient().equals(assignee.email()))
                .forEach(e -> assertEquals(TemplateKey.REQUEST_RECEIVED, e.notification().template()));
        assertEquals(List.of(TemplateKey.REQUEST_ASSIGNED_TO_YOU), to(assignee, DeliveryState.PENDING).stream()
                .map(e -> e.notification().template()).toList());
    }

    @Test
    void preferences_default_to_every_mail_and_refuse_what_cannot_be_chosen_with_the_field() {
        assertEquals(NotificationPreferences.DEFAULT, world.ticketing.chooseNotifications().current(reader));
        assertEquals("assignedToMe", refusedField(() -> world.ticketing.chooseNotifications()
                .choose(reader, "EACH", "NONE", 8)));
        assertEquals("newInGroups", refusedField(() -> world.ticketing.chooseNotifications()
                .choose(reader, "SOMETIMES", "EACH", 8)));
        assertEquals("digestHour", refusedField(() -> world.ticketing.chooseNotifications()
                .choose(reader, "EACH", "EACH", 24)));
        assertEquals(ErrorKind.FORBIDDEN, assertThrows(TicketingException.class,
                () -> world.ticketing.chooseNotifications().current(requester)).kind());
        assertEquals(NotificationPreferences.DEFAULT, world.ticketing.chooseNotifications().current(reader));
    }

    private static String refusedField(org.junit.jupiter.api.function.Executable call) {
        TicketingException e = assertThrows(TicketingException.class, call);
        assertEquals(ErrorKind.INVALID, e.kind());
        return e.errors().get(0).field();
    }
}
