package fr.guichet.core.domain.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.domain.TicketingException;
import org.junit.jupiter.api.Test;

class NewPasswordPropertiesTest {

    @Test
    void any_text_of_12_to_256_characters_is_a_password_kept_as_typed() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x17f).ofLengthBetween(NewPassword.MIN_LENGTH,
                NewPassword.MAX_LENGTH)).checkAssert(text -> assertEquals(text, new NewPassword(text).value()));
    }

    @Test
    void shorter_or_longer_text_is_refused_on_the_password_field() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x17f).ofLengthBetween(0, NewPassword.MIN_LENGTH - 1)
                .mix(strings().basicLatinAlphabet().ofLengthBetween(NewPassword.MAX_LENGTH + 1, 600)))
                .checkAssert(text -> assertEquals("password", assertThrows(TicketingException.class,
                        () -> new NewPassword(text)).errors().get(0).field()));
    }
}
