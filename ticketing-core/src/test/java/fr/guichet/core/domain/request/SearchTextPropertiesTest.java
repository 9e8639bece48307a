package fr.guichet.core.domain.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SearchTextPropertiesTest {

    private static final String ACCENTED = "àâäéèêëîïôöùûüÿçÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ";
    private static final String PLAIN = "aaaeeeeiioouuuycaaaeeeeiioouuuyc";

    /** French text: letters with and without accents, digits, spaces, punctuation and ligatures. */
    private static Gen<String> frenchText() {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'’.,;:!?()\t\n" + ACCENTED
                + "œŒæÆ";
        return Generate.intArrays(Generate.range(0, 40), Generate.range(0, alphabet.length() - 1))
                .map(indexes -> {
                    StringBuilder s = new StringBuilder();
                    for (int i : indexes) {
                        s.append(alphabet.charAt(i));
                    }
                    return s.toString();
                });
    }

    private static String withoutAccents(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            int i = ACCENTED.indexOf(c);
            out.append(i >= 0 ? PLAIN.charAt(i) : c);
        }
        return out.toString().replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
    }

    @Test
    void accents_case_and_ligatures_make_no_difference() {
        qt().forAll(frenchText()).checkAssert(text -> assertEquals(SearchText.normalize(withoutAccents(text)),
                SearchText.normalize(text.toUpperCase(Locale.ROOT))));
    }

    @Test
    void normalised_text_is_lower_case_letters_and_digits_single_spaced_and_stays_so() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(text -> {
            String normalized = SearchText.normalize(text);
            assertEquals(normalized, SearchText.normalize(normalized));
            assertTrue(!normalized.startsWith(" ") && !normalized.endsWith(" ") && !normalized.contains("  "),
                    normalized);
            assertTrue(normalized.codePoints().allMatch(c -> c == ' ' || Character.isLetterOrDigit(c)),
                    normalized);
            assertEquals(normalized, normalized.toLowerCase(Locale.ROOT));
        });
    }

    @Test
    void every_word_of_a_query_is_found_in_the_text_it_was_taken_from() {
        qt().forAll(frenchText()).checkAssert(text -> {
            String stored = " " + SearchText.of(text) + " ";
            for (String word : SearchText.words(text)) {
                assertTrue(stored.contains(" " + word + " "), word + " in " + stored);
            }
        });
    }

    @Test
    void french_examples() {
        assertEquals("reseau ecole oeuvre", SearchText.normalize("Réseau  ÉCOLE-Œuvre"));
        assertEquals(List.of("imprimante", "bloquee"), SearchText.words("  Imprimante BLOQUÉE ! "));
        assertEquals("0930122c montanes marc", SearchText.of("0930122C", null, "", "Montanès Marc"));
        assertEquals(List.of(), SearchText.words(" ,; "));
    }
}
