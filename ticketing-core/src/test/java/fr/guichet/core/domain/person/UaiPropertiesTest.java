package fr.guichet.core.domain.person;

import static fr.guichet.core.domain.person.PersonGenerators.validUaiCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UaiPropertiesTest {

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void every_valid_code_is_accepted_as_it_is_written() {
        qt().forAll(validUaiCodes()).checkAssert(code -> assertEquals(code, Uai.parse(code).value()));
    }

    @Test
    void a_valid_code_is_accepted_in_lower_case_and_with_surrounding_spaces() {
        qt().forAll(validUaiCodes()).checkAssert(code ->
                assertEquals(code, Uai.parse("  " + code.toLowerCase(Locale.ROOT) + "\t").value()));
    }

    @Test
    void the_check_letter_is_the_seed_formula() {
        qt().forAll(integers().between(0, 9_999_999)).checkAssert(n ->
                assertEquals("ABCDEFGHJKLMNPRSTUVWXYZ".charAt(n % 23), Uai.checkLetter(String.format("%07d", n))));
    }

    @Test
    void every_single_character_change_to_a_letter_or_digit_is_refused() {
        qt().withExamples(200).forAll(validUaiCodes()).checkAssert(code -> {
            for (int position = 0; position < code.length(); position++) {
                for (char replacement : ALPHANUMERIC.toCharArray()) {
                    if (sameIgnoringCase(replacement, code.charAt(position))) {
                        continue;
                    }
                    assertRefused(replace(code, position, replacement));
                }
            }
        });
    }

    @Test
    void a_single_character_changed_to_any_other_character_is_refused() {
        qt().forAll(validUaiCodes(), integers().between(0, 7), strings().basicMultilingualPlaneAlphabet().ofLength(1))
                .assuming((code, position, c) -> !sameIgnoringCase(c.charAt(0), code.charAt(position)))
                .checkAssert((code, position, c) -> assertRefused(replace(code, position, c.charAt(0))));
    }

    @Test
    void a_code_missing_or_gaining_a_character_is_refused() {
        qt().forAll(validUaiCodes(), integers().between(0, 7)).checkAssert((code, position) -> {
            assertRefused(code.substring(0, position) + code.substring(position + 1));
            assertRefused(code.substring(0, position) + code.charAt(position) + code.substring(position));
        });
    }

    private static boolean sameIgnoringCase(char replacement, char original) {
        return String.valueOf(replacement).toUpperCase(Locale.ROOT).equals(String.valueOf(original));
    }

    private static String replace(String code, int position, char c) {
        return code.substring(0, position) + c + code.substring(position + 1);
    }

    private static void assertRefused(String code) {
        TicketingException e = assertThrows(TicketingException.class, () -> Uai.parse(code), code);
        assertEquals(ErrorKind.INVALID, e.kind());
        assertEquals("uai.invalid", e.code());
        assertEquals("establishment", e.errors().get(0).field());
    }
}
