package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.util.List;
import java.util.Set;
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
}
