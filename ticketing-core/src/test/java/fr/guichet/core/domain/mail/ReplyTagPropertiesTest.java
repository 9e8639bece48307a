package fr.guichet.core.domain.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.PersonGenerators;
import fr.guichet.core.domain.request.RequestGenerators;
import fr.guichet.core.domain.request.RequestNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ReplyTagPropertiesTest {

    private static final ReplyKeys KEYS = ReplyKeys.of(List.of("une clé de test assez longue"));

    private static Gen<EmailAddress> addresses() {
        return PersonGenerators.localParts().zip(PersonGenerators.domains(), (l, d) -> EmailAddress.of(l + "@" + d));
    }

    private static Gen<RequestNumber> numbers() {
        return RequestGenerators.numbers().map(RequestNumber::of);
    }

    private static Gen<String> secrets() {
        return strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(ReplyKeys.MIN_SECRET_LENGTH, 40);
    }

    private static final List<String> PIECES = List.of("[Guichet ", "[guichet", "]", "-", "+", "0022928",
            "K3J9X2M4Q8", "k3j9x2m4q8", "00000000000000000000", "9223372036854775808", " ", "Re: ", "TR: ", "Fwd:",
            "@", "\n", "\u0000", "é", "\ud83d\ude00", "[", "2", "7");

    /** Text a mail client or a forger may put in a subject or a local part, tags and near-tags included. */
    private static Gen<String> junk() {
        Gen<String> assembled = lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 30)
                .map(ps -> String.join("", ps));
        return Generate.oneOf(strings().allPossible().ofLengthBetween(0, 200), assembled);
    }

    private static Gen<String> tokens() {
        return lists().of(Generate.pick(List.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".split(""))))
                .ofSize(ReplyTag.TOKEN_LENGTH).map(cs -> String.join("", cs));
    }

    @Test
    void a_tag_verifies_for_the_address_and_number_it_was_signed_for_whatever_the_case_of_the_address() {
        qt().forAll(numbers(), addresses()).checkAssert((n, a) -> {
            ReplyTag tag = KEYS.tag(n, a);
            assertEquals(n, tag.number());
            assertTrue(tag.token().matches("[A-Z2-7]{10}"), tag.token());
            assertTrue(KEYS.verifies(tag, a));
            assertTrue(KEYS.verifies(tag, EmailAddress.of(a.value().toUpperCase(Locale.ROOT))));
        });
    }

    @Test
    void a_tag_does_not_verify_for_another_address() {
        qt().forAll(numbers(), addresses(), addresses()).assuming((n, a, b) -> !a.value().equalsIgnoreCase(b.value()))
                .checkAssert((n, a, b) -> assertFalse(KEYS.verifies(KEYS.tag(n, a), b)));
    }

    @Test
    void a_token_does_not_verify_for_another_request() {
        qt().forAll(numbers(), numbers(), addresses()).assuming((n, m, a) -> !n.equals(m))
                .checkAssert((n, m, a) -> assertFalse(KEYS.verifies(new ReplyTag(m, KEYS.tag(n, a).token()), a)));
    }

    @Test
    void a_tag_signed_with_another_key_does_not_verify() {
        qt().forAll(secrets(), secrets(), numbers(), addresses()).assuming((k1, k2, n, a) -> !k1.equals(k2))
                .checkAssert((k1, k2, n, a) -> assertFalse(
                        ReplyKeys.of(List.of(k2)).verifies(ReplyKeys.of(List.of(k1)).tag(n, a), a)));
    }

    @Test
    void a_tag_signed_with_an_old_key_verifies_while_that_key_is_listed() {
        qt().forAll(secrets(), secrets(), numbers(), addresses()).assuming((old, fresh, n, a) -> !old.equals(fresh))
                .checkAssert((old, fresh, n, a) -> {
                    ReplyTag signedBefore = ReplyKeys.of(List.of(old)).tag(n, a);
                    ReplyKeys rotating = ReplyKeys.of(List.of(fresh, old));
                    assertTrue(rotating.verifies(signedBefore, a));
                    assertFalse(ReplyKeys.of(List.of(fresh)).verifies(signedBefore, a));
                    ReplyTag signedNow = rotating.tag(n, a);
                    assertEquals(ReplyKeys.of(List.of(fresh)).tag(n, a), signedNow);
                    assertTrue(ReplyKeys.of(List.of(fresh)).verifies(signedNow, a));
                });
    }

    @Test
    void the_subject_marker_is_found_again_behind_prefixes_and_in_any_case() {
        Gen<String> prefixes = Generate.pick(List.of("", "Re: ", "RE: ", "TR: ", "Fwd: ", "Re: TR: ", "AW: "));
        qt().forAll(numbers(), addresses(), prefixes,
                strings().allPossible().ofLengthBetween(0, 40)).checkAssert((n, a, prefix, text) -> {
                    ReplyTag tag = KEYS.tag(n, a);
                    String marker = text.length() % 2 == 0 ? tag.subjectMarker().toLowerCase(Locale.ROOT)
                            : tag.subjectMarker();
                    assertEquals(Optional.of(tag), ReplyTag.inSubject(prefix + text + " " + marker));
                    assertEquals(Optional.of(tag), ReplyTag.inSubject(prefix + marker + text));
                });
    }

    @Test
    void the_reply_address_gives_the_tag_back() {
        qt().forAll(numbers(), addresses(), addresses()).checkAssert((n, recipient, base) -> {
            ReplyTag tag = KEYS.tag(n, recipient);
            EmailAddress reply = tag.replyAddress(base);
            assertEquals(base.domain(), reply.domain());
            assertTrue(reply.value().startsWith(base.value().substring(0, base.value().indexOf('@')) + "+"));
            assertEquals(Optional.of(tag), ReplyTag.inAddress(reply));
            assertEquals(Optional.of(tag), ReplyTag.inAddress(EmailAddress.of(reply.value().toLowerCase(Locale.ROOT))));
        });
    }

    @Test
    void the_shapes_of_a_tag_are_fixed() {
        ReplyTag tag = new ReplyTag(RequestNumber.of(22928), "K3J9X2M4Q8");
        assertEquals("0022928-K3J9X2M4Q8", tag.text());
        assertEquals("[Guichet 0022928-K3J9X2M4Q8]", tag.subjectMarker());
        assertEquals(EmailAddress.of("guichet+0022928-K3J9X2M4Q8@ac-creteil.fr"),
                tag.replyAddress(EmailAddress.of("guichet@ac-creteil.fr")));
        assertEquals(Optional.of(tag), ReplyTag.inSubject("RE: TR: Votre demande [Guichet 0022928-k3j9x2m4q8]"));
        assertEquals(Optional.empty(), ReplyTag.inSubject("Votre demande 0022928-K3J9X2M4Q8"));
        assertEquals(Optional.empty(), ReplyTag.inAddress(EmailAddress.of("guichet@ac-creteil.fr")));
    }

    @Test
    void parsing_never_throws_on_arbitrary_text() {
        qt().forAll(junk()).checkAssert(text -> {
            Optional<ReplyTag> fromSubject = ReplyTag.inSubject(text);
            fromSubject.ifPresent(t -> assertTrue(text.toUpperCase(Locale.ROOT).contains(t.token())));
            Optional<EmailAddress> address = address(text.replace(" ", "").replace("\n", "") + "@ac-creteil.fr");
            address.ifPresent(a -> ReplyTag.inAddress(a));
        });
        assertEquals(Optional.empty(), ReplyTag.inSubject(null));
        assertEquals(Optional.empty(), ReplyTag.inAddress(null));
    }

    @Test
    void a_forged_token_does_not_verify() {
        qt().forAll(numbers(), addresses(), tokens())
                .assuming((n, a, token) -> !token.equals(KEYS.tag(n, a).token()))
                .checkAssert((n, a, token) -> assertFalse(KEYS.verifies(new ReplyTag(n, token), a)));
    }

    @Test
    void the_hmac_is_the_one_of_the_jdk() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 150), strings().allPossible().ofLengthBetween(0, 300))
                .checkAssert((key, message) -> {
                    byte[] k = key.getBytes(StandardCharsets.UTF_8);
                    byte[] m = message.getBytes(StandardCharsets.UTF_8);
                    assertArrayEquals(jdkHmac(k, m), ReplyKeys.hmacSha256(k, m));
                });
    }

    @Test
    void keys_are_at_least_one_and_long_enough() {
        assertThrows(IllegalArgumentException.class, () -> ReplyKeys.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ReplyKeys.of(List.of("trop courte")));
        assertThrows(IllegalArgumentException.class,
                () -> ReplyKeys.of(List.of("une clé de test assez longue", "courte")));
    }

    private static byte[] jdkHmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<EmailAddress> address(String text) {
        try {
            return Optional.of(EmailAddress.of(text));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }
}
