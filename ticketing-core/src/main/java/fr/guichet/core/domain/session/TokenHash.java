package fr.guichet.core.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 of a secret token (a session's, a password-reset link's), 64 hex digits: what a store keeps instead. */
public record TokenHash(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("not a token hash");
        }
    }

    /** The hash of {@code text}'s UTF-8 bytes. */
    public static TokenHash of(String text) {
        try {
            return new TokenHash(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
