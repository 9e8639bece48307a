package fr.guichet.core.domain.mail;

import fr.guichet.core.domain.request.RequestNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of the one-click satisfaction survey a resolution mail links to: the request's number, when the link was
 * issued (epoch seconds) and their signature by {@link ReplyKeys}, written {@code 22928.1796284800.<signature>}. It is
 * valid for {@link #VALIDITY} after it was issued; the survey takes one answer per request, whatever the token.
 * Parsing never throws.
 */
public record SatisfactionToken(RequestNumber number, long issuedAt, String signature) {

    /** How long a link stays valid after it was issued. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    private static final Pattern TEXT = Pattern.compile("([0-9]{1,18})\\.([0-9]{1,18})\\.([A-Za-z0-9_-]{22})");

    public SatisfactionToken {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(signature, "signature");
    }

    /** A token for {@code number} issued at {@code now}, signed with the first of {@code keys}. */
    public static SatisfactionToken issue(ReplyKeys keys, RequestNumber number, Instant now) {
        long issued = now.getEpochSecond();
        return new SatisfactionToken(number, issued, keys.sign(message(number, issued)));
    }

    /** The token written in {@code text}, if it has the form of one (genuine or not). */
    public static Optional<SatisfactionToken> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SatisfactionToken(RequestNumber.of(Long.parseLong(m.group(1))),
                    Long.parseLong(m.group(2)), m.group(3)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when one of {@code keys} signed it and it was issued at most {@link #VALIDITY} before {@code now}. */
    public boolean valid(ReplyKeys keys, Instant now) {
        Instant issued = Instant.ofEpochSecond(issuedAt);
        return keys.verifies(message(number, issuedAt), signature) && !issued.isAfter(now)
                && now.isBefore(issued.plus(VALIDITY));
    }

    /** {@code 22928.1796284800.<signature>}, as the link carries it. */
    public String text() {
        return number.value() + "." + issuedAt + "." + signature;
    }

    private static String message(RequestNumber number, long issued) {
        return "satisfaction\n" + number.value() + "\n" + issued;
    }

    @Override
    public String toString() {
        return "SatisfactionToken[" + number.display() + "]";
    }
}
