package fr.guichet.core.domain.session;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What failed sign-ins (or asked password resets) are counted against, an identifier or a client address, kept only
 * as the SHA-256 of its kind and normalised text: 64 hex digits whatever was typed, and never the identifier itself.
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
        return hash("id:" + normalised(identifier));
    }

    /** The key of a client address. */
    public static ThrottleKey address(String address) {
        return hash("ip:" + (address == null ? "" : address.toLowerCase(Locale.ROOT)));
    }

    /** The key of password resets asked for an identifier as typed, counted apart from its failed sign-ins. */
    public static ThrottleKey resetOfIdentifier(String identifier) {
        return hash("reset-id:" + normalised(identifier));
    }

    /** The key of password resets asked from a client address, counted apart from its failed sign-ins. */
    public static ThrottleKey resetFromAddress(String address) {
        return hash("reset-ip:" + (address == null ? "" : address.toLowerCase(Locale.ROOT)));
    }

    private static String normalised(String identifier) {
        return identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
    }

    private static ThrottleKey hash(String text) {
        return new ThrottleKey(TokenHash.of(text).value());
    }
}
