package fr.guichet.core.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What failed sign-ins are counted against, an identifier or a client address, kept only as the SHA-256 of its kind
 * and normalised text: 64 hex digits whatever was typed, and never the identifier itself.
 */
public record ThrottleKey(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public ThrottleKey {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("not a throttle key");
        }
    }

    /** The key of an identifier as typed: case and surrounding blanks do not make another key. */
    public static ThrottleKey identifier(String identifier) {
        return hash("id:" + (identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT)));
    }

    /** The key of a client address. */
    public static ThrottleKey address(String address) {
        return hash("ip:" + (address == null ? "" : address.toLowerCase(Locale.ROOT)));
    }

    private static ThrottleKey hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new ThrottleKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
