package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.answer.CannedAnswerText;
import fr.guichet.core.domain.answer.CannedAnswerTitle;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link CannedAnswers} promises. */
public abstract class CannedAnswersContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract CannedAnswers answers();

    private static GroupCode newGroup() {
        return GroupCode.of("G" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                .toUpperCase(Locale.ROOT));
    }

    private CannedAnswer added(GroupCode group, String title, String body) {
        CannedAnswer answer = CannedAnswer.create(group, new CannedAnswerTitle(title), new CannedAnswerText(body));
        unitOfWork().run(() -> answers().add(answer));
        return answer;
    }

    private boolean replace(CannedAnswer revised) {
        return unitOfWork().inTransaction(() -> answers().replace(revised));
    }

    private static CannedAnswer revisedTo(CannedAnswer answer, String title, String body) {
        return answer.revised(new CannedAnswerTitle(title), new CannedAnswerText(body));
    }

    @Test
    public void an_added_answer_is_found_and_listed_with_its_group_only() {
        GroupCode group = newGroup();
        GroupCode other = newGroup();
        CannedAnswer first = added(group, "Réinitialiser un mot de passe", "Bonjour {demandeur},\n\nVoici la procédure.");
        CannedAnswer second = added(group, "Modèle d'imprimante", "Pouvez-vous préciser le modèle ?");
        CannedAnswer elsewhere = added(other, "Autre", "Texte");

        assertEquals(Optional.of(first), answers().find(first.id()));
        assertEquals(Set.of(first, second), Set.copyOf(answers().ofGroup(group)));
        assertEquals(List.of(elsewhere), answers().ofGroup(other));
        assertEquals(List.of(), answers().ofGroup(newGroup()));
        assertEquals(Optional.empty(), answers().find(CannedAnswerId.random()));
    }

    @Test
    public void text_is_kept_exactly_up_to_its_limits() {
        String title = "😀".repeat(CannedAnswerTitle.MAX - 9) + " « été » ";
        String body = ("Ligne {numero}\r\n\tœ 😀 {inconnu} }{ " + "x".repeat(CannedAnswerText.MAX))
                .substring(0, CannedAnswerText.MAX - 1) + "é";
        CannedAnswer answer = added(newGroup(), title, body);
        assertEquals(Optional.of(answer), answers().find(answer.id()));
    }

    @Test
    public void a_revision_replaces_the_version_just_before_it() {
        CannedAnswer answer = added(newGroup(), "Titre", "Texte");
        CannedAnswer revised = revisedTo(answer, "Nouveau titre", "Nouveau texte");
        assertTrue(replace(revised));
        assertEquals(Optional.of(revised), answers().find(answer.id()));
        assertEquals(2, answers().find(answer.id()).orElseThrow().version());
    }

    @Test
    public void a_revision_of_an_outdated_version_stores_nothing() {
        CannedAnswer answer = added(newGroup(), "Titre", "Texte");
        assertTrue(replace(revisedTo(answer, "Deuxième", "Texte")));
        assertFalse(replace(revisedTo(answer, "Concurrente", "Texte")));
        CannedAnswer third = revisedTo(revisedTo(answer, "Deuxième", "Texte"), "Troisième", "Texte");
        assertFalse(replace(revisedTo(third, "Quatrième", "Texte")));
        assertEquals("Deuxième", answers().find(answer.id()).orElseThrow().title().value());
    }

    @Test
    public void a_missing_answer_is_neither_replaced_nor_removed() {
        CannedAnswer ghost = CannedAnswer.create(newGroup(), new CannedAnswerTitle("Fantôme"),
                new CannedAnswerText("Texte"));
        assertFalse(replace(revisedTo(ghost, "Fantôme", "Autre")));
        assertFalse(unitOfWork().inTransaction(() -> answers().remove(ghost.id(), 1)));
        assertEquals(Optional.empty(), answers().find(ghost.id()));
    }

    @Test
    public void removal_at_the_stored_version_only() {
        GroupCode group = newGroup();
        CannedAnswer kept = added(group, "Gardée", "Texte");
        CannedAnswer removed = added(group, "Retirée", "Texte");
        assertFalse(unitOfWork().inTransaction(() -> answers().remove(removed.id(), 2)));
        assertTrue(unitOfWork().inTransaction(() -> answers().remove(removed.id(), 1)));
        assertEquals(Optional.empty(), answers().find(removed.id()));
        assertEquals(List.of(kept), answers().ofGroup(group));
    }

    @Test
    public void a_rolled_back_transaction_leaves_no_answer() {
        GroupCode group = newGroup();
        CannedAnswer answer = CannedAnswer.create(group, new CannedAnswerTitle("Annulée"), new CannedAnswerText("T"));
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            answers().add(answer);
            throw new IllegalStateException("rollback");
        }));
        assertEquals(List.of(), answers().ofGroup(group));
    }

    @Test
    public void of_concurrent_revisions_of_one_version_exactly_one_is_stored() throws Exception {
        CannedAnswer answer = added(newGroup(), "Titre", "Texte");
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                CannedAnswer revised = revisedTo(answer, "Version " + i, "Texte " + i);
                work.add(() -> {
                    start.await();
                    return replace(revised);
                });
            }
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> w : work) {
                results.add(pool.submit(w));
            }
            start.countDown();
            List<Boolean> stored = new ArrayList<>();
            for (Future<Boolean> f : results) {
                stored.add(f.get());
            }
            assertEquals(1, stored.stream().filter(Boolean::booleanValue).count());
            CannedAnswer kept = answers().find(answer.id()).orElseThrow();
            assertEquals(2, kept.version());
            assertEquals("Version " + stored.indexOf(true), kept.title().value());
        } finally {
            pool.shutdownNow();
        }
    }
}
