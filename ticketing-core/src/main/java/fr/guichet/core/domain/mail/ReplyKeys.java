package fr.guichet.core.domain.mail;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The secrets reply tags are signed with (HMAC-SHA256): the first signs, every one verifies, so that a key is rotated
 * by putting the new one first and dropping the old one once the mails signed with it no longer matter. Immutable.
 * The HMAC is RFC 2104's over {@link MessageDigest}, the core depending on {@code java..} alone.
 */
public final class ReplyKeys {

    /** The shortest secret accepted, in characters. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final int BLOCK = 64;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final List<byte[]> keys;

    private ReplyKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    /** The keys of {@code secrets}, the first signing; at least one, each of at least 16 characters. */
    public static ReplyKeys of(List<String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one reply key is needed");
        }
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("A reply key has at least " + MIN_SECRET_LENGTH + " characters");
            }
        }
        return new ReplyKeys(secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** The tag of {@code number} for mail sent to {@code recipient}, signed with the first key. */
    public ReplyTag tag(RequestNumber number, EmailAddress recipient) {
        return new ReplyTag(number, token(keys.get(0), number, recipient));
    }

    /** Whether {@code tag} was signed by one of these keys for {@code sender}; compares in constant time. */
    public boolean verifies(ReplyTag tag, EmailAddress sender) {
        byte[] given = tag.token().getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (byte[] key : keys) {
            byte[] expected = token(key, tag.number(), sender).getBytes(StandardCharsets.US_ASCII);
            valid |= MessageDigest.isEqual(expected, given);
        }
        return valid;
    }

    /**
     * The signature of {@code message} with the first key: its HMAC-SHA256 cut to 128 bits, in 22 characters of
     * unpadded base64url, for links that carry their own proof (the satisfaction survey's).
     */
    public String sign(String message) {
        return signature(keys.get(0), message);
    }

    /** Whether {@code signature} is that of {@code message} under one of these keys; compares in constant time. */
    public boolean verifies(String message, String signature) {
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (byte[] key : keys) {
            valid |= MessageDigest.isEqual(signature(key, message).getBytes(StandardCharsets.US_ASCII), given);
        }
        return valid;
    }

    private static String signature(byte[] key, String message) {
        byte[] mac = hmacSha256(key, message.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    private static String token(byte[] key, RequestNumber number, EmailAddress recipient) {
        byte[] mac = hmacSha256(key, (number.display() + "\n" + recipient.value().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder token = new StringBuilder(ReplyTag.TOKEN_LENGTH);
        for (int i = 0; i < ReplyTag.TOKEN_LENGTH; i++) {
            int bit = i * 5;
            int twoBytes = ((mac[bit / 8] & 0xff) << 8) | (mac[bit / 8 + 1] & 0xff);
            token.append(BASE32[(twoBytes >> (11 - bit % 8)) & 0x1f]);
        }
        return token.toString();
    }

    /** HMAC-SHA256 of {@code message} under {@code key} (RFC 2104). */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        byte[] block = Arrays.copyOf(key.length > BLOCK ? sha256().digest(key) : key, BLOCK);
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        MessageDigest in = sha256();
        in.update(inner);
        in.update(message);
        MessageDigest out = sha256();
        out.update(outer);
        return out.digest(in.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ReplyKeys[" + keys.size() + " keys]";
    }
}
