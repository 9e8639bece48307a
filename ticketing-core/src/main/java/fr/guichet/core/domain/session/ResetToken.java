package fr.guichet.core.domain.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of a password-reset link: 256 random bits, base64url (43 characters). Only its {@link #hash()} is ever
 * stored; the link in the mail is the only place the token itself exists.
 */
public record ResetToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    public ResetToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a reset token");
        }
    }

    public static ResetToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ResetToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token in {@code text} (from a link), or empty when it cannot be one. */
    public static Optional<ResetToken> parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? Optional.of(new ResetToken(text)) : Optional.empty();
    }

    public TokenHash hash() {
        return TokenHash.of("password-reset:" + value);
    }

    @Override
    public String toString() {
        return "ResetToken[***]";
    }
}
