package fr.guichet.core.contract;

import static fr.guichet.core.testing.EstablishmentFixtures.establishment;
import static fr.guichet.core.testing.EstablishmentFixtures.newUai;
import static fr.guichet.core.testing.EstablishmentFixtures.newWord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.UnitOfWork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link EstablishmentDirectory} promises. */
public abstract class EstablishmentDirectoryContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract EstablishmentDirectory establishments();

    private void save(Establishment... all) {
        unitOfWork().run(() -> establishments().saveAll(List.of(all)));
    }

    private List<Establishment> search(String words, int limit) {
        return unitOfWork().inTransaction(() -> establishments().search(words, limit));
    }

    @Test
    public void a_saved_establishment_is_found_by_its_uai_with_every_field() {
        Establishment college = establishment("Collège Jean Moulin", "Collège", "Créteil", "94");
        Establishment school = establishment("École élémentaire Paul Bert", null, null, "2A");
        save(college, school);

        assertEquals(Optional.of(college), unitOfWork().inTransaction(() -> establishments().find(college.uai())));
        assertEquals(Optional.of(school), unitOfWork().inTransaction(() -> establishments().find(school.uai())));
        assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> establishments().find(newUai())));
    }

    @Test
    public void the_departements_of_the_known_establishments_are_listed_once_each_in_code_order() {
        save(establishment("Collège Pascal Paoli", "Collège", "Ajaccio", "2A"),
                establishment("Lycée Giocante de Casabianca", "Lycée", "Bastia", "2B"),
                establishment("Collège Maurice Rollinat", "Collège", "Brive-la-Gaillarde", "19"),
                establishment("Lycée Carnot", "Lycée", "Dijon", "21"),
                establishment("Lycée de l'Iroise", "Lycée", "Brest", "29"),
                establishment("Lycée Bellevue", "Lycée", "Saint-Denis", "974"),
                establishment("Lycée Leconte de Lisle", "Lycée", "Saint-Denis", "974"));

        List<Department> departments = unitOfWork().inTransaction(() -> establishments().departments());

        assertTrue(departments.containsAll(List.of(new Department("2A"), new Department("974"))),
                departments.toString());
        assertEquals(departments.size(), new HashSet<>(departments).size(), departments.toString());
        assertEquals(departments.stream().sorted().toList(), departments);
        List<String> codes = departments.stream().map(Department::code).toList();
        assertTrue(codes.indexOf("19") < codes.indexOf("2A") && codes.indexOf("2A") < codes.indexOf("2B")
                && codes.indexOf("2B") < codes.indexOf("21") && codes.indexOf("29") < codes.indexOf("974"),
                codes.toString());
    }

    @Test
    public void saving_a_known_uai_replaces_what_was_known() {
        Establishment before = establishment("Lycée Louise Michel", "Lycée", "Bobigny", "93");
        save(before);
        Establishment after = new Establishment(before.uai(), "Lycée polyvalent Louise Michel", "Lycée polyvalent",
                null, new Department("971"));
        save(after);

        assertEquals(Optional.of(after), unitOfWork().inTransaction(() -> establishments().find(before.uai())));
    }

    @Test
    public void find_all_reads_the_known_ones_among_many() {
        List<Establishment> saved = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            saved.add(establishment("École " + i, "Ecole", "Meaux", "77"));
        }
        unitOfWork().run(() -> establishments().saveAll(saved));
        Uai unknown = newUai();
        List<Uai> asked = new ArrayList<>(saved.stream().map(Establishment::uai).toList());
        asked.add(unknown);

        Map<Uai, Establishment> found = unitOfWork().inTransaction(() -> establishments().findAll(asked));

        Map<Uai, Establishment> expected = new LinkedHashMap<>();
        saved.forEach(e -> expected.put(e.uai(), e));
        assertEquals(expected, found);
        assertEquals(Map.of(), unitOfWork().inTransaction(() -> establishments().findAll(List.of())));
    }

    @Test
    public void a_search_ignores_case_and_accents_and_looks_into_name_commune_and_uai() {
        String word = newWord();
        Establishment college = establishment("Collège Éluard " + word, "Collège", "Noisy-le-Sec", "93");
        Establishment lycee = establishment("Lycée Œuvre " + word, "Lycée", "Vitry-sur-Seine", "94");
        save(college, lycee);

        assertEquals(List.of(college), search(word.toUpperCase() + " college ELUARD", 10));
        assertEquals(List.of(lycee), search(word + " oeuvre", 10));
        assertEquals(List.of(lycee), search(word + " vitry sur", 10));
        assertEquals(List.of(college), search(college.uai().value().toLowerCase(), 10));
        assertEquals(List.of(), search(word + " absent", 10));
    }

    @Test
    public void a_search_is_ordered_by_name_and_bounded() {
        String word = newWord();
        List<Establishment> saved = new ArrayList<>();
        for (char c = 'Z'; c >= 'A'; c--) {
            saved.add(establishment(word + " École " + c, "Ecole", "Melun", "77"));
        }
        unitOfWork().run(() -> establishments().saveAll(saved));

        List<Establishment> first = search(word, 5);
        assertEquals(List.of("A", "B", "C", "D", "E"), first.stream()
                .map(e -> e.name().substring(e.name().length() - 1)).toList());
        assertEquals(26, search(word, 1_000).size());
        assertTrue(search(word, 1_000).size() <= EstablishmentDirectory.MAX_SEARCH_RESULTS);
    }

    @Test
    public void a_blank_search_finds_nothing() {
        save(establishment("Collège Blanc", "Collège", "Torcy", "77"));

        assertEquals(List.of(), search("  ", 10));
        assertEquals(List.of(), search(null, 10));
        assertEquals(List.of(), search("%", 10));
    }

    @Test
    public void thousands_are_saved_at_once_and_saved_again_unchanged() {
        String word = newWord();
        List<Establishment> saved = new ArrayList<>();
        Set<Uai> uais = new HashSet<>();
        while (saved.size() < 3_000) {
            Establishment e = establishment("École " + word + " " + saved.size(), "Ecole", "Créteil", "94");
            if (uais.add(e.uai())) {
                saved.add(e);
            }
        }
        unitOfWork().run(() -> establishments().saveAll(saved));
        unitOfWork().run(() -> establishments().saveAll(saved));

        Map<Uai, Establishment> found = unitOfWork().inTransaction(() -> establishments().findAll(uais));
        assertEquals(3_000, found.size());
        assertEquals(saved.get(2_999), found.get(saved.get(2_999).uai()));
    }
}
