package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.EstablishmentFixtures;
import fr.guichet.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RequestRepository} promises of lists narrowed by establishment: by UAI, by the département the
 * directory of establishments gives it, and searched by words of its name, commune or UAI (as they stand in the
 * directory when the list is read, whenever the establishment was imported or last changed).
 */
public abstract class EstablishmentListingContract {

    private static final Instant AT = Instant.parse("2031-10-01T08:00:00Z");

    protected abstract UnitOfWork unitOfWork();

    protected abstract RequestRepository requests();

    protected abstract EstablishmentDirectory establishments();

    /**
     * Leaves request {@code number} found by {@code words} as its school's, wherever the implementation copies a
     * school's words beside its requests, as a filing during an import of its school can; nothing for one that reads
     * them from the directory when it lists.
     */
    protected abstract void staleSchoolWords(RequestNumber number, String words);

    private RequestNumber filed(Person requester, int minutes) {
        return unitOfWork().inTransaction(() -> {
            Request r = Fixtures.request(requests().nextNumber(), requester, AT.plusSeconds(60L * minutes));
            requests().add(r);
            return r.summaryLine().number();
        });
    }

    private static Person from(Uai uai) {
        Person p = Fixtures.newRequester();
        return new Person(p.id(), p.email(), p.name(), uai, p.roles(), p.groups(), true);
    }

    private List<RequestNumber> list(RequestQuery query) {
        return unitOfWork().inTransaction(() -> requests().list(query, new PageRequest(1, 50))).items().stream()
                .map(RequestSummary::number).toList();
    }

    private void save(Establishment... all) {
        unitOfWork().run(() -> establishments().saveAll(List.of(all)));
    }

    @Test
    public void a_list_is_kept_to_one_establishment_or_to_the_establishments_of_a_department() {
        Establishment meaux = EstablishmentFixtures.establishment("Collège Henri IV", "Collège", "Meaux", "77");
        Establishment melun = EstablishmentFixtures.establishment("Lycée Léonard", "Lycée", "Melun", "077");
        Establishment bobigny = EstablishmentFixtures.establishment("École Jaurès", "Ecole", "Bobigny", "93");
        save(meaux, melun, bobigny);
        Person first = from(meaux.uai());
        Person second = from(melun.uai());
        Person third = from(bobigny.uai());
        Person unknown = from(EstablishmentFixtures.newUai());
        RequestNumber a = filed(first, 1);
        RequestNumber b = filed(second, 2);
        RequestNumber c = filed(third, 3);
        RequestNumber d = filed(unknown, 4);
        RequestQuery theirs = RequestQuery.all().withSubmittedBetween(AT, AT.plusSeconds(3_600));

        assertEquals(List.of(a), keep(list(theirs.withEstablishment(meaux.uai())), a, b, c, d));
        assertEquals(List.of(d), keep(list(theirs.withEstablishment(unknown.establishment())), a, b, c, d));
        assertEquals(List.of(b, a), keep(list(theirs.withDepartment(new Department("77"))), a, b, c, d));
        assertEquals(List.of(c), keep(list(theirs.withDepartment(new Department("93"))), a, b, c, d));
        assertEquals(List.of(), keep(list(theirs.withDepartment(new Department("93"))
                .withEstablishment(meaux.uai())), a, b, c, d));
    }

    @Test
    public void a_search_finds_requests_by_the_name_of_a_school_imported_after_their_filing() {
        String word = EstablishmentFixtures.newWord();
        Uai uai = EstablishmentFixtures.newUai();
        RequestNumber filed = filed(from(uai), 1);
        RequestNumber other = filed(Fixtures.newRequester(), 2);
        RequestQuery all = RequestQuery.all();
        assertEquals(List.of(), list(all.withWords("Collège " + word)));

        save(new Establishment(uai, "Collège Évariste " + word, "Collège", "Champigny-sur-Marne",
                new Department("94")));

        assertEquals(List.of(filed), list(all.withWords("college EVARISTE " + word)));
        assertEquals(List.of(filed), list(all.withWords(word + " champigny identifiant")), "school and text words");
        assertEquals(List.of(), list(all.withWords(word + " introuvable")));
        assertEquals(List.of(filed), list(all.withWords(word).withQueueOf(new RequestQuery.QueueOf(
                Fixtures.agent().id(), Set.of(Fixtures.PLATEFORME)))));
        assertEquals(List.of(other), keep(list(all.withWords("identifiant").withSubmittedBetween(AT,
                AT.plusSeconds(3_600)).withEstablishment(Fixtures.newRequester().establishment())), filed, other));
    }

    @Test
    public void a_school_renamed_by_a_later_import_is_found_by_its_new_words_and_no_longer_by_its_former_ones() {
        String former = EstablishmentFixtures.newWord();
        String renamed = EstablishmentFixtures.newWord();
        String formerCommune = EstablishmentFixtures.newWord();
        Uai uai = EstablishmentFixtures.newUai();
        RequestNumber before = filed(from(uai), 1);
        save(new Establishment(uai, "Collège " + former, "Collège", formerCommune, new Department("94")));
        RequestNumber after = filed(from(uai), 2);
        RequestQuery all = RequestQuery.all();
        RequestQuery queue = all.withQueueOf(new RequestQuery.QueueOf(Fixtures.agent().id(),
                Set.of(Fixtures.PLATEFORME)));
        assertEquals(List.of(after, before), list(all.withWords("collège " + former)), "filed before and after");
        assertEquals(List.of(after, before), list(queue.withWords(formerCommune)));

        save(new Establishment(uai, "Lycée " + renamed, "Lycée", "Vitry-sur-Seine", new Department("94")));

        assertEquals(List.of(after, before), list(all.withWords("lycee " + renamed)));
        assertEquals(List.of(after, before), list(queue.withWords(renamed + " identifiant")), "school and text");
        assertEquals(List.of(after, before), keep(list(all.withWords("vitry " + uai.value())), after, before));
        assertEquals(List.of(), list(all.withWords(former)), "the former name");
        assertEquals(List.of(), list(queue.withWords(formerCommune)), "the former commune");
        assertEquals(List.of(), list(all.withWords(renamed + " introuvable")));
    }

    @Test
    public void a_stale_copy_of_a_schools_words_is_repaired_by_importing_the_directory_again() {
        String former = EstablishmentFixtures.newWord();
        String current = EstablishmentFixtures.newWord();
        Uai uai = EstablishmentFixtures.newUai();
        Establishment school = new Establishment(uai, "Collège " + current, "Collège", "Créteil", new Department("94"));
        save(school);
        RequestNumber stale = filed(from(uai), 1);
        RequestNumber kept = filed(from(uai), 2);
        staleSchoolWords(stale, "college " + former + " creteil " + uai.value().toLowerCase(Locale.ROOT));

        save(school);

        RequestQuery all = RequestQuery.all();
        assertEquals(List.of(kept, stale), list(all.withWords("collège " + current)));
        assertEquals(List.of(kept, stale), list(all.withWords(current + " identifiant").withQueueOf(
                new RequestQuery.QueueOf(Fixtures.agent().id(), Set.of(Fixtures.PLATEFORME)))));
        assertEquals(List.of(), list(all.withWords(former)), "the former name");
    }

    /** {@code found} without the requests other tests filed: those among {@code ours}, in order. */
    private static List<RequestNumber> keep(List<RequestNumber> found, RequestNumber... ours) {
        List<RequestNumber> mine = List.of(ours);
        return found.stream().filter(mine::contains).toList();
    }
}
