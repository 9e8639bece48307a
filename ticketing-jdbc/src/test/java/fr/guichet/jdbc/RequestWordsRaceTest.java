package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.guichet.core.testing.EstablishmentFixtures;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A filing on one node adding a word while, on another, the only request holding it is anonymised: whichever
 * transaction writes first, the word stays in the vocabulary as long as a request holds it, on every database that
 * writes the index of words. The filing and the anonymisation are {@link RequestWords}' own writes, on two
 * connections, the second started while the first holds its locks and left to wait for it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("writingWords")
class RequestWordsRaceTest {

    /** The selected databases that write the index of words (PostgreSQL searches through its trigram indexes). */
    static List<TestDatabase.Kind> writingWords() {
        return TestDatabase.selected().stream()
                .filter(k -> Dialect.of(TestDatabase.of(k).config.url()).looksUpWords()).toList();
    }

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
        long anonymised = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long filed = anonymised + 1;
        jdbi.useTransaction(h -> RequestWords.add(h, dialect, anonymised, "tableau " + word));
        Consumer<Handle> filing = h -> RequestWords.add(h, dialect, filed, "imprimante " + word);
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
            assertEquals(List.of(filed), h.createQuery("SELECT number FROM request_words WHERE word = :word")
                    .bind("word", word).mapTo(Long.class).list());
            assertEquals(List.of(word), h.createQuery("SELECT word FROM search_words WHERE word = :word")
                    .bind("word", word).mapTo(String.class).list(), "the word filed is in the vocabulary");
        });
    }
}
