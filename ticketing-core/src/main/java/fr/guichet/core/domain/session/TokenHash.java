package fr.guichet.core.domain.session;

import java.util.regex.Pattern;

/** The SHA-256 of a session token, 64 hex digits: what a session store keeps instead of the token. */
public record TokenHash(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("not a token hash");
        }
    }
}
