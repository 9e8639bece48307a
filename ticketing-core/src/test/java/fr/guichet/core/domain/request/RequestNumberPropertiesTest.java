package fr.guichet.core.domain.request;

import static fr.guichet.core.domain.request.RequestGenerators.junkNumbers;
import static fr.guichet.core.domain.request.RequestGenerators.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import org.junit.jupiter.api.Test;

class RequestNumberPropertiesTest {

    @Test
    void the_display_is_the_number_zero_padded_to_seven_digits() {
        qt().forAll(numbers()).checkAssert(n -> {
            String shown = RequestNumber.of(n).display();
            assertTrue(shown.matches("[0-9]{7,}"), shown);
            assertEquals(Math.max(7, Long.toString(n).length()), shown.length());
            assertEquals(n, Long.parseLong(shown));
        });
    }

    @Test
    void parsing_the_display_gives_the_number_back() {
        qt().forAll(numbers()).checkAssert(n -> assertEquals(RequestNumber.of(n),
                RequestNumber.parse(RequestNumber.of(n).display())));
    }

    @Test
    void a_number_is_found_with_or_without_leading_zeros() {
        qt().forAll(numbers(), integers().between(0, 12)).checkAssert((n, zeros) -> {
            String digits = Long.toString(n);
            String padded = "0".repeat(Math.min(zeros, Math.max(0, 19 - digits.length()))) + digits;
            assertEquals(RequestNumber.of(n), RequestNumber.parse(digits));
            assertEquals(RequestNumber.of(n), RequestNumber.parse(padded), padded);
        });
    }

    @Test
    void numbers_compare_as_their_values() {
        qt().forAll(numbers(), numbers()).checkAssert((a, b) -> assertEquals(Long.signum(Long.compare(a, b)),
                Integer.signum(RequestNumber.of(a).compareTo(RequestNumber.of(b)))));
    }

    @Test
    void junk_is_refused_with_a_domain_error_on_the_number() {
        qt().forAll(junkNumbers()).checkAssert(text -> {
            TicketingException e = assertThrows(TicketingException.class, () -> RequestNumber.parse(text), text);
            assertEquals(ErrorKind.INVALID, e.kind());
            assertEquals("request.number.invalid", e.code());
            assertEquals("number", e.errors().get(0).field());
        });
    }
}
