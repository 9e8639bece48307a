package fr.guichet.core.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.domain.request.RequestNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SatisfactionTokenPropertiesTest {

    private static final ReplyKeys KEYS = ReplyKeys.of(List.of("une clé de signature de test"));
    private static final ReplyKeys OTHER = ReplyKeys.of(List.of("une autre clé, pas la bonne"));
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void a_token_reads_back_from_its_text_and_is_valid_for_thirty_days_after_it_was_issued() {
        qt().forAll(longs().between(1, 99_999_999), integers().between(0, 40 * 24 * 60)).checkAssert((n, minutes) -> {
            SatisfactionToken token = SatisfactionToken.issue(KEYS, RequestNumber.of(n), NOW);
            SatisfactionToken read = SatisfactionToken.parse(token.text()).orElseThrow();
            assertEquals(token, read);
            Instant later = NOW.plus(Duration.ofMinutes(minutes));
            assertEquals(later.isBefore(NOW.plus(Duration.ofDays(30))), read.valid(KEYS, later), later::toString);
            assertFalse(read.valid(OTHER, NOW));
        });
    }

    @Test
    void a_token_for_another_request_or_time_or_with_a_changed_signature_is_not_valid() {
        qt().forAll(longs().between(1, 99_999_999), integers().between(0, 21)).checkAssert((n, i) -> {
            SatisfactionToken token = SatisfactionToken.issue(KEYS, RequestNumber.of(n), NOW);
            assertFalse(new SatisfactionToken(RequestNumber.of(n + 1), token.issuedAt(), token.signature())
                    .valid(KEYS, NOW));
            assertFalse(new SatisfactionToken(token.number(), token.issuedAt() - 1, token.signature())
                    .valid(KEYS, NOW));
            char[] forged = token.signature().toCharArray();
            forged[i] = forged[i] == 'A' ? 'B' : 'A';
            assertFalse(new SatisfactionToken(token.number(), token.issuedAt(), new String(forged)).valid(KEYS, NOW));
        });
    }

    @Test
    void a_rotated_key_still_verifies_the_tokens_it_signed() {
        SatisfactionToken old = SatisfactionToken.issue(OTHER, RequestNumber.of(22928), NOW);
        assertTrue(old.valid(ReplyKeys.of(List.of("une clé de signature de test", "une autre clé, pas la bonne")),
                NOW));
    }

    @Test
    void parsing_any_text_never_throws() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(text ->
                SatisfactionToken.parse(text).ifPresent(t -> assertEquals(t, SatisfactionToken.parse(t.text())
                        .orElseThrow())));
        assertTrue(SatisfactionToken.parse("0.1.AAAAAAAAAAAAAAAAAAAAAA").isEmpty());
    }
}
