package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.notification.Delivery;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PersonRegistry} promises, on top of the directory's contract. */
public abstract class PersonRegistryContract extends PersonDirectoryContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract PersonRegistry registry();

    @Override
    protected PersonDirectory directoryWith(List<Person> people, List<SupportGroup> groups) {
        unitOfWork().run(() -> {
            groups.forEach(registry()::saveGroup);
            people.forEach(registry()::save);
        });
        return registry();
    }

    @Test
    public void saving_again_replaces_roles_groups_and_names() {
        SupportGroup group = Fixtures.newGroup();
        Person staff = Fixtures.newStaff(group.code());
        unitOfWork().run(() -> {
            registry().saveGroup(group);
            registry().save(staff);
        });
        Person changed = new Person(staff.id(), EmailAddress.of("nouvelle.adresse@ac-creteil.fr"),
                new PersonName("Zoé", "L'Hôpital"), null, Set.of(Role.SPECIALIST, Role.ADMIN), Set.of(), true);
        unitOfWork().run(() -> registry().save(changed));
        assertEquals(changed, registry().find(staff.id()).orElseThrow());
        assertEquals(List.of(), registry().membersOf(group.code()));
    }

    @Test
    public void a_deactivated_person_is_found_but_no_longer_a_member() {
        SupportGroup group = Fixtures.newGroup();
        Person staff = Fixtures.newStaff(group.code());
        unitOfWork().run(() -> {
            registry().saveGroup(group);
            registry().save(staff);
        });
        assertEquals(List.of(staff), registry().membersOf(group.code()));
        unitOfWork().run(() -> registry().save(staff.deactivated()));
        assertFalse(registry().find(staff.id()).orElseThrow().active());
        assertTrue(registry().membersOf(group.code()).isEmpty());
    }

    @Test
    public void a_group_label_can_be_changed() {
        SupportGroup group = Fixtures.newGroup();
        unitOfWork().run(() -> registry().saveGroup(group));
        SupportGroup renamed = new SupportGroup(group.code(), "Équipe « réseau » d'Île-de-France");
        unitOfWork().run(() -> registry().saveGroup(renamed));
        assertEquals(renamed, registry().group(group.code()).orElseThrow());
    }

    /** Lower-case letters no other test uses, to keep a search to the people of one test. */
    private static String token() {
        StringBuilder out = new StringBuilder("qz");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            out.append((char) ('a' + Character.digit(c, 16)));
        }
        return out.toString();
    }

    private static Person person(String id, String given, String family, boolean active) {
        return new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"), new PersonName(given, family),
                null, Set.of(Role.REQUESTER), Set.of(), active);
    }

    private void saveAll(Person... people) {
        unitOfWork().run(() -> List.of(people).forEach(registry()::save));
    }

    private List<String> ids(Page<Person> page) {
        return page.items().stream().map(p -> p.id().value()).toList();
    }

    @Test
    public void a_search_finds_people_by_identifier_names_and_email_whatever_the_case_and_accents() {
        String t = token();
        Person lefevre = person(t + ".hlefevre", "Hélène", "Lefèvre", true);
        Person durand = person(t + ".odurand", "Œdipe", "DURAND", true);
        Person gone = person(t + ".mmartin", "Marc", "Martin", false);
        saveAll(lefevre, durand, gone);

        assertEquals(List.of(durand.id().value(), lefevre.id().value(), gone.id().value()),
                ids(registry().search(t, PageRequest.first())));
        assertEquals(List.of(lefevre.id().value()), ids(registry().search("HELENE lefevre " + t,
                PageRequest.first())));
        assertEquals(List.of(durand.id().value()), ids(registry().search("oedipe " + t.toUpperCase(),
                PageRequest.first())));
        assertEquals(List.of(gone.id().value()), ids(registry().search(t + ".mmartin@ac-creteil.fr",
                PageRequest.first())));
        assertEquals(List.of(), ids(registry().search(t + " dupont", PageRequest.first())));
    }

    @Test
    public void pages_of_a_search_hold_each_person_once_by_family_name_given_name_then_identifier() {
        String t = token();
        Person a = person(t + "-3", "Élodie", "Zola", true);
        Person b = person(t + "-2", "Eric", "Zola", true);
        Person c = person(t + "-1", "Anne", "Écrivain", true);
        Person d = person(t + "-5", "Anne", "Écrivain", true);
        Person e = person(t + "-4", "Anne", "Écrivain", true);
        saveAll(a, b, c, d, e);

        List<String> seen = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            Page<Person> page = registry().search(t, new PageRequest(number, 2));
            assertEquals(5, page.total());
            assertEquals(number == 3 ? 1 : 2, page.items().size());
            seen.addAll(ids(page));
        }
        assertEquals(List.of(c, e, d, a, b).stream().map(p -> p.id().value()).toList(), seen);
        assertEquals(0, registry().search(t, new PageRequest(4, 2)).items().size());
    }

    @Test
    public void a_search_sees_a_change_of_names() {
        String t = token();
        Person before = person(t + "-x", "Jean", "Avant", true);
        saveAll(before);
        saveAll(new Person(before.id(), before.email(), new PersonName("Jean", "Après"), null, before.roles(),
                before.groups(), true));
        assertEquals(0, registry().search("avant " + t, PageRequest.first()).total());
        assertEquals(1, registry().search("apres " + t, PageRequest.first()).total());
    }

    @Test
    public void notification_preferences_read_back_for_those_who_chose_and_a_new_choice_replaces_the_former() {
        SupportGroup group = Fixtures.newGroup();
        Person chose = Fixtures.newStaff(group.code());
        Person never = Fixtures.newStaff(group.code());
        NotificationPreferences digest = new NotificationPreferences(Delivery.DIGEST, Delivery.EACH, 7);
        unitOfWork().run(() -> {
            registry().saveGroup(group);
            registry().save(chose);
            registry().save(never);
            registry().savePreferences(chose.id(), digest);
        });

        assertEquals(Map.of(chose.id(), digest),
                unitOfWork().inTransaction(() -> registry().preferences(List.of(chose.id(), never.id()))));
        assertEquals(digest, unitOfWork().inTransaction(() -> registry().allPreferences()).get(chose.id()));
        assertFalse(unitOfWork().inTransaction(() -> registry().allPreferences()).containsKey(never.id()));

        NotificationPreferences none = new NotificationPreferences(Delivery.NONE, Delivery.DIGEST, 18);
        unitOfWork().run(() -> registry().savePreferences(chose.id(), none));
        assertEquals(Map.of(chose.id(), none),
                unitOfWork().inTransaction(() -> registry().preferences(List.of(chose.id()))));
        assertEquals(Map.of(), unitOfWork().inTransaction(() -> registry().preferences(List.of())));
    }

    @Test
    public void forgetting_a_person_forgets_their_notification_preferences() {
        SupportGroup group = Fixtures.newGroup();
        Person chose = Fixtures.newStaff(group.code());
        unitOfWork().run(() -> {
            registry().saveGroup(group);
            registry().save(chose);
            registry().savePreferences(chose.id(), new NotificationPreferences(Delivery.DIGEST, Delivery.DIGEST, 8));
        });
        Person placeholder = Fixtures.newRequester();

        unitOfWork().run(() -> registry().forget(chose.id(), placeholder));

        assertEquals(Map.of(), unitOfWork().inTransaction(() -> registry().preferences(List.of(chose.id()))));
    }
}
