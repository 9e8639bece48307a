package fr.guichet.core.domain.mail;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark a mail about a request carries so that a reply finds its request: the request's number and a token of 10
 * upper-case letters and digits (base32 when {@link ReplyKeys} signs it), written {@code 0022928-K3J9X2M4Q8}. Whether the token is genuine is for
 * {@link ReplyKeys#verifies} to say; parsing never throws.
 */
public record ReplyTag(RequestNumber number, String token) {

    /** The length of a token, in base32 characters. */
    public static final int TOKEN_LENGTH = 10;

    private static final String TEXT = "([0-9]{1,19})-([A-Za-z0-9]{" + TOKEN_LENGTH + "})";
    private static final Pattern TOKEN = Pattern.compile("[A-Z0-9]{" + TOKEN_LENGTH + "}");
    private static final Pattern IN_SUBJECT = Pattern.compile("\\[\\s*guichet\\s+" + TEXT + "\\s*\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_LOCAL_PART = Pattern.compile(".*\\+" + TEXT, Pattern.DOTALL);

    public ReplyTag {
        Objects.requireNonNull(number, "number");
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw DomainError.invalid("token", "mail.token.invalid", "Le jeton de réponse est invalide.").exception();
        }
    }

    /** {@code 0022928-K3J9X2M4Q8}. */
    public String text() {
        return number.display() + "-" + token;
    }

    /** {@code [Guichet 0022928-K3J9X2M4Q8]}, for the end of a subject line. */
    public String subjectMarker() {
        return "[Guichet " + text() + "]";
    }

    /** {@code base} plus-addressed with this tag: {@code guichet+0022928-K3J9X2M4Q8@example.fr}. */
    public EmailAddress replyAddress(EmailAddress base) {
        String value = base.value();
        int at = value.lastIndexOf('@');
        return EmailAddress.of(value.substring(0, at) + "+" + text() + value.substring(at));
    }

    /** The tag marked anywhere in {@code subject} (whatever its case and prefixes), if any; the first one. */
    public static Optional<ReplyTag> inSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = IN_SUBJECT.matcher(subject);
        return m.find() ? of(m.group(1), m.group(2)) : Optional.empty();
    }

    /** The tag of a plus-addressed {@code address} whose local part ends with {@code +<number>-<token>}, if any. */
    public static Optional<ReplyTag> inAddress(EmailAddress address) {
        if (address == null) {
            return Optional.empty();
        }
        String value = address.value();
        Matcher m = IN_LOCAL_PART.matcher(value.substring(0, value.lastIndexOf('@')));
        return m.matches() ? of(m.group(1), m.group(2)) : Optional.empty();
    }

    private static Optional<ReplyTag> of(String digits, String token) {
        try {
            return Optional.of(new ReplyTag(RequestNumber.parse(digits), token.toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
