package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class SettingsPropertiesTest {

    private static final Person ADMIN = new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Alice", "Martin"), null, Set.of(Role.ADMIN), Set.of(), true);

    private final TestWorld world = new TestWorld();

    {
        join(world, ADMIN);
    }

    private final ManageSettings settings = world.ticketing.manageSettings();

    /** A setting's bounds and how to give it a value. */
    private record Bounded(String field, int max, IntFunction<ManageSettings.Changes> change,
            ToIntFunction<ManageSettings.View> read) {
    }

    private static final List<Bounded> BOUNDED = List.of(
            new Bounded("reopenWindowDays", 365, n -> new ManageSettings.Changes(n, null, null, null),
                    ManageSettings.View::reopenWindowDays),
            new Bounded("autoCloseWaitingDays", 365, n -> new ManageSettings.Changes(null, n, null, null),
                    ManageSettings.View::autoCloseWaitingDays),
            new Bounded("retentionSchoolYears", 10, n -> new ManageSettings.Changes(null, null, n, null),
                    ManageSettings.View::retentionSchoolYears));

    private static Gen<Integer> outside(int max) {
        return integers().between(Integer.MIN_VALUE, 0).mix(integers().between(max + 1, Integer.MAX_VALUE));
    }

    @Test
    void a_value_outside_a_settings_bounds_is_refused_naming_the_setting() {
        for (Bounded b : BOUNDED) {
            qt().forAll(outside(b.max())).checkAssert(n -> {
                TicketingException e = assertThrows(TicketingException.class,
                        () -> settings.change(ADMIN, b.change().apply(n), null));
                assertEquals(ErrorKind.INVALID, e.kind());
                assertEquals(b.field(), e.errors().get(0).field());
                assertEquals(StoredSettings.NONE, world.storedSettings.load());
            });
        }
    }

    @Test
    void a_value_within_a_settings_bounds_is_the_one_in_force() {
        for (Bounded b : BOUNDED) {
            qt().forAll(integers().between(1, b.max())).checkAssert(n -> {
                settings.change(ADMIN, b.change().apply(n), null);
                assertEquals(n, b.read().applyAsInt(settings.view(ADMIN)));
            });
        }
    }
}
