package fr.guichet.core.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret a signed-in client holds (cookie or Bearer): 256 random bits, base64url. Only its {@link #hash()} is ever
 * stored; the CSRF token is derived from it, so it needs no storage either.
 */
public record SessionToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public SessionToken {
        Objects.requireNonNull(value, "value");
    }

    public static SessionToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public TokenHash hash() {
        return TokenHash.of("session:" + value);
    }

    /** The token a browser must echo in {@code X-CSRF-Token}; derived, so it cannot be guessed without the session. */
    public String csrfToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf:" + value));
    }

    /** Compares a presented CSRF token in constant time. */
    public boolean matchesCsrf(String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
