package fr.guichet.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.testing.EstablishmentFixtures;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The figures name every line as people read it: a name or a label in words, never a code alone, even for what the
 * catalog or the directories no longer know.
 */
class ComputeStatisticsTest {

    private final TestWorld world = new TestWorld();

    /** The labels of the figures {@code ticketing} computes for the seed's agent, by key. */
    private static Map<String, String> labels(Ticketing ticketing, StatisticsGrouping by) {
        return ticketing.computeStatistics().compute(Fixtures.agent(), null, null, by, null).rows().stream()
                .collect(Collectors.toMap(Figures.Line::key, Figures.Line::label));
    }

    @Test
    void a_school_the_directory_lacks_is_named_in_words_with_its_uai_and_a_departement_without_a_name_by_its_number() {
        Establishment overseas = EstablishmentFixtures.establishment("Collège des Îles", "Collège", "Saint-Pierre",
                "979");
        Establishment torcy = EstablishmentFixtures.establishment("Collège Louis Aragon", "Collège", "Torcy", "77");
        world.establishments.saveAll(List.of(overseas, torcy));
        Person montanes = Fixtures.montanes();
        Scenario.file(world, montanes);
        for (Establishment school : List.of(overseas, torcy)) {
            String id = "prof-" + school.uai().value().toLowerCase(Locale.ROOT);
            Person teacher = Scenario.join(world, new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"),
                    montanes.name(), school.uai(), montanes.roles(), montanes.groups(), true));
            Scenario.file(world, teacher);
        }

        Map<String, String> schools = labels(world.ticketing, StatisticsGrouping.ESTABLISHMENT);
        Map<String, String> departments = labels(world.ticketing, StatisticsGrouping.DEPARTMENT);

        assertEquals("Établissement non répertorié (UAI 0941295X)", schools.get("0941295X"));
        assertEquals("Collège des Îles", schools.get(overseas.uai().value()));
        assertEquals(Map.of("979", "Département 979", "77", "Seine-et-Marne (77)", "", "Département inconnu"),
                departments);
    }

    @Test
    void a_subject_gone_from_the_catalog_and_a_group_gone_from_the_directory_are_said_to_be_so() {
        Scenario.file(world, Fixtures.montanes(), Scenario.draft(Fixtures.PRINTERS, "Imprimante bloquée",
                "Bourrage papier au CDI.", Visibility.PRIVATE));
        SubjectCatalog full = world.catalog.catalog();
        SubjectCatalog withoutNetwork = SubjectCatalog.of(full.all().stream()
                .filter(s -> !s.code().isWithin(Fixtures.NETWORK)).toList(), full.requestTypes());
        Ticketing later = Ticketing.builder(world.ports().withCatalog(() -> withoutNetwork)
                .withDirectory(Scenario.withoutGroups(world.people), world.accounts)).clock(world.clock).build();

        assertEquals(Fallbacks.SUBJECT, labels(later, StatisticsGrouping.SUBJECT)
                .get(Fixtures.PRINTERS.value()));
        assertEquals("Réseau et matériel", labels(world.ticketing, StatisticsGrouping.SUBJECT)
                .get(Fixtures.NETWORK.value()));
        assertEquals(Map.of("PLATEFORME", Fallbacks.GROUP), labels(later, StatisticsGrouping.GROUP));
    }
}
