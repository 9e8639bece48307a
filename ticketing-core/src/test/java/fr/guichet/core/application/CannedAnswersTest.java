package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CannedAnswersTest {

    private final TestWorld world = new TestWorld();
    private final ListCannedAnswers reading = world.ticketing.listCannedAnswers();
    private final ManageCannedAnswers managing = world.ticketing.manageCannedAnswers();

    private static Person admin() {
        return new Person(PersonId.of("admin1"), EmailAddress.of("admin1@ac-creteil.fr"),
                new PersonName("Ada", "Admin"), null, Set.of(Role.ADMIN), Set.of(), true);
    }

    private CannedAnswer platformAnswer(String title) {
        return managing.add(Fixtures.agent(), "PLATEFORME", title, "Bonjour {demandeur}, demande {numero}.");
    }

    private List<CannedAnswer> platformAnswers() {
        return reading.list(Fixtures.agent(), Fixtures.PLATEFORME);
    }

    @Test
    void staff_of_a_group_add_change_and_remove_its_answers() {
        CannedAnswer added = platformAnswer("Mot de passe");
        assertEquals(List.of(added), platformAnswers());
        assertEquals(1, added.version());

        CannedAnswer changed = managing.change(Fixtures.agent(), added.id(), "Mot de passe oublié", "Nouveau texte",
                1L);
        assertEquals(2, changed.version());
        assertEquals(List.of(changed), platformAnswers());
        assertEquals(changed, reading.find(Fixtures.specialist(), added.id()));

        managing.remove(Fixtures.agent(), added.id(), 2L);
        assertEquals(List.of(), platformAnswers());
    }

    @Test
    void an_administrator_keeps_the_answers_of_any_group() {
        CannedAnswer added = managing.add(admin(), "EVE", "LaboMep", "Texte");
        CannedAnswer changed = managing.change(admin(), added.id(), "LaboMep", "Autre texte", null);
        assertEquals(List.of(changed), reading.list(admin(), Fixtures.EVE));
        managing.remove(admin(), added.id(), null);
        assertEquals(List.of(), reading.list(admin(), Fixtures.EVE));
    }

    @Test
    void staff_of_another_group_read_the_answers_but_may_not_write_them() {
        CannedAnswer added = platformAnswer("Mot de passe");
        Person specialist = Fixtures.specialist();
        assertEquals("canned_answer.not_in_group", refused(ErrorKind.FORBIDDEN,
                () -> managing.add(specialist, "PLATEFORME", "Titre", "Texte")).code());
        refused(ErrorKind.FORBIDDEN, () -> managing.change(specialist, added.id(), "Titre", "Texte", null));
        refused(ErrorKind.FORBIDDEN, () -> managing.remove(specialist, added.id(), null));
        assertEquals(List.of(added), reading.list(specialist, Fixtures.PLATEFORME));
    }

    @Test
    void requesters_may_neither_read_nor_write_answers() {
        CannedAnswer added = platformAnswer("Mot de passe");
        Person requester = Fixtures.montanes();
        assertEquals("staff.only", refused(ErrorKind.FORBIDDEN,
                () -> reading.list(requester, Fixtures.PLATEFORME)).code());
        refused(ErrorKind.FORBIDDEN, () -> reading.find(requester, added.id()));
        refused(ErrorKind.FORBIDDEN, () -> managing.add(requester, "PLATEFORME", "Titre", "Texte"));
        refused(ErrorKind.FORBIDDEN, () -> managing.remove(requester, added.id(), null));
        assertEquals(List.of(added), platformAnswers());
    }

    @Test
    void every_faulty_field_is_refused_at_once_and_nothing_is_stored() {
        List<DomainError> errors = refused(ErrorKind.INVALID,
                () -> managing.add(Fixtures.agent(), "plateforme", "Titre\u0007", " ")).errors();
        assertEquals(List.of("group", "title", "body"), errors.stream().map(DomainError::field).toList());
        assertEquals(List.of("title", "body"), refused(ErrorKind.INVALID,
                () -> managing.add(Fixtures.agent(), "PLATEFORME", "x".repeat(101), "y".repeat(10_001))).errors()
                .stream().map(DomainError::field).toList());
        assertEquals("group.required", refused(ErrorKind.INVALID,
                () -> managing.add(Fixtures.agent(), null, "Titre", "Texte")).code());
        assertEquals(List.of(), platformAnswers());
    }

    @Test
    void a_change_with_a_faulty_field_keeps_the_answer_as_it_was() {
        CannedAnswer added = platformAnswer("Mot de passe");
        assertEquals("title", refused(ErrorKind.INVALID,
                () -> managing.change(Fixtures.agent(), added.id(), "Deux\nlignes", "Texte", null)).errors().get(0)
                .field());
        assertEquals(List.of(added), platformAnswers());
    }

    @Test
    void an_answer_goes_to_a_group_that_exists() {
        assertEquals("group.unknown", refused(ErrorKind.INVALID,
                () -> managing.add(admin(), "INCONNU", "Titre", "Texte")).code());
    }

    @Test
    void an_unknown_answer_is_not_found() {
        CannedAnswerId unknown = CannedAnswerId.random();
        assertEquals("canned_answer.not_found", refused(ErrorKind.NOT_FOUND,
                () -> reading.find(Fixtures.agent(), unknown)).code());
        refused(ErrorKind.NOT_FOUND, () -> managing.change(Fixtures.agent(), unknown, "Titre", "Texte", null));
        refused(ErrorKind.NOT_FOUND, () -> managing.remove(Fixtures.agent(), unknown, null));
    }

    @Test
    void a_write_from_an_outdated_version_is_stale_and_changes_nothing() {
        CannedAnswer added = platformAnswer("Mot de passe");
        CannedAnswer changed = managing.change(Fixtures.agent(), added.id(), "Titre", "Texte", 1L);
        assertEquals("canned_answer.version.stale", refused(ErrorKind.STALE,
                () -> managing.change(Fixtures.agent(), added.id(), "Autre", "Texte", 1L)).code());
        refused(ErrorKind.STALE, () -> managing.remove(Fixtures.agent(), added.id(), 1L));
        assertEquals(List.of(changed), platformAnswers());
    }

    @Test
    void answers_are_listed_by_title_in_french_order() {
        platformAnswer("imprimante");
        platformAnswer("Écran noir");
        platformAnswer("Accès ENT");
        platformAnswer("Mot de passe");
        assertEquals(List.of("Accès ENT", "Écran noir", "imprimante", "Mot de passe"),
                platformAnswers().stream().map(a -> a.title().value()).toList());
    }

    @Test
    void answers_for_a_request_name_its_requester_and_number() {
        RequestNumber number = Scenario.file(world, Fixtures.dupont());
        platformAnswer("Mot de passe");
        List<FilledAnswer> filled = reading.forRequest(Fixtures.agent(), Fixtures.PLATEFORME, number);
        assertEquals(List.of("Bonjour Jeanne Dupont, demande " + number.display() + "."),
                filled.stream().map(FilledAnswer::text).toList());
        assertEquals("Bonjour {demandeur}, demande {numero}.", filled.get(0).answer().body().value());
        refused(ErrorKind.NOT_FOUND, () -> reading.forRequest(Fixtures.agent(), Fixtures.PLATEFORME,
                RequestNumber.of(9_999_999)));
    }
}
