package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.testing.EstablishmentFixtures;
import fr.guichet.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A filing on one node adding a word while, on another, the only request holding it is anonymised: whichever
 * transaction writes first, the word stays in the vocabulary as long as a request holds it. The filing (the request's
 * row, then {@link RequestWords}' writes) and the anonymisation ({@link RequestWords}' own) run on two connections, the
 * second started while the first holds its locks and left to wait for it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class RequestWordsRaceTest {

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void a_word_filed_while_its_last_holder_is_anonymised_stays_when_the_filing_writes_first() throws Exception {
        race(true);
    }

    @Test
    void a_word_filed_while_its_last_holder_is_anonymised_stays_when_the_anonymisation_writes_first() throws Exception {
        race(false);
    }

    private void race(boolean filingFirst) throws Exception {
        Dialect dialect = Dialect.of(TestDatabase.of(kind).config.url());
        Jdbi jdbi = Jdbi.create(TestDatabase.of(kind).node().dataSource());
        String word = EstablishmentFixtures.newWord().toLowerCase(Locale.ROOT);
        long anonymised = jdbi.inTransaction(h -> file(h, dialect, "Tableau " + word));
        AtomicLong filed = new AtomicLong();
        Consumer<Handle> filing = h -> filed.set(file(h, dialect, "Imprimante " + word));
        Consumer<Handle> anonymisation = h -> RequestWords.replace(h, dialect, Map.of(anonymised, "anonymise"));
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Handle first = jdbi.open()) {
            first.begin();
            (filingFirst ? filing : anonymisation).accept(first);
            Future<?> waiting = second.submit(() -> jdbi.useTransaction(h -> (filingFirst ? anonymisation : filing)
                    .accept(h)));
            Thread.sleep(500);
            assertFalse(waiting.isDone(), "the second transaction waits for the first's locks");
            first.commit();
            waiting.get(30, TimeUnit.SECONDS);
        } finally {
            second.shutdownNow();
        }
        jdbi.useHandle(h -> {
            assertEquals(List.of(filed.get()), h.createQuery("SELECT number FROM request_words WHERE word = :word")
                    .bind("word", word).mapTo(Long.class).list());
            assertEquals(List.of(word), h.createQuery("SELECT word FROM search_words WHERE word = :word")
                    .bind("word", word).mapTo(String.class).list(), "the word filed is in the vocabulary");
        });
    }

    /** Files a request summed up by {@code summary} as the repository does, its row then its words; its number. */
    private static long file(Handle h, Dialect dialect, String summary) {
        long number = h.createQuery(dialect.nextNumberSql()).mapTo(Long.class).one();
        Request request = Request.file(RequestNumber.of(number), Fixtures.newRequester(), new RequestDraft(
                Fixtures.MATHENPOCHE, "USAGE", new Summary(summary), new Description("Il affiche une erreur"),
                Visibility.PRIVATE), Fixtures.PLATEFORME, null, List.of(), null, Instant.parse("2026-09-01T08:00:00Z"));
        RequestRows.insert(h, request);
        RequestWords.add(h, dialect, number, request.searchText());
        return number;
    }
}
