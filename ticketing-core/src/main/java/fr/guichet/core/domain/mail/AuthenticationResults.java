package fr.guichet.core.domain.mail;

import fr.guichet.core.domain.person.EmailAddress;
import java.util.List;
import java.util.Locale;

/**
 * What the receiving server's {@code Authentication-Results} header (RFC 8601) proves of a mail's From: it is
 * authenticated when that header, the topmost one, says {@code dmarc=pass} (for the From's domain when it names
 * one), or {@code dkim=pass} for the From's domain or a domain it belongs to. Headers further down, which the sender
 * may have written, are not read.
 */
public final class AuthenticationResults {

    private AuthenticationResults() {
    }

    /** Whether {@code headers}, the mail's Authentication-Results topmost first, prove it comes from {@code from}. */
    public static boolean authenticates(List<String> headers, EmailAddress from) {
        if (headers.isEmpty()) {
            return false;
        }
        String domain = from.value().substring(from.value().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String[] results = headers.get(0).replaceAll("\\([^)]*\\)", " ").toLowerCase(Locale.ROOT).split(";");
        for (int i = 1; i < results.length; i++) {
            String[] words = results[i].strip().split("\\s+");
            if (words[0].equals("dmarc=pass") && names(words, "header.from=", domain, false)
                    || words[0].equals("dkim=pass") && (names(words, "header.d=", domain, true)
                            || names(words, "header.i=", domain, true))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the property {@code name} of a result (its domain, for an address) is {@code domain} or, when
     * {@code required}, a domain it belongs to; a result without that property passes only when it is not required.
     */
    private static boolean names(String[] words, String name, String domain, boolean required) {
        for (String word : words) {
            if (word.startsWith(name)) {
                String named = word.substring(Math.max(name.length(), word.lastIndexOf('@') + 1));
                return domain.equals(named) || required && !named.isEmpty() && domain.endsWith("." + named);
            }
        }
        return !required;
    }
}
