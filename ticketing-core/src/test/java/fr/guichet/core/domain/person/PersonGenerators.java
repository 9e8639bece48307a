package fr.guichet.core.domain.person;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of the person aggregate's values: UAI codes, mail domains and their lookalikes, addresses. */
public final class PersonGenerators {

    /** Visually close replacements for the letters of a domain: Cyrillic, Greek and ASCII lookalikes. */
    static final Map<Character, List<String>> HOMOGLYPHS = Map.of(
            'a', List.of("\u0430", "\u03b1", "4"),
            'c', List.of("\u0441", "\u03f2"),
            'e', List.of("\u0435", "3"),
            'i', List.of("\u0456", "1", "l"),
            'l', List.of("1", "I", "\u04cf"),
            'o', List.of("\u043e", "\u03bf", "0"),
            'r', List.of("\u0433"),
            's', List.of("\u0455", "5"),
            't', List.of("\u0442"),
            'm', List.of("rn"));

    private PersonGenerators() {
    }

    /** Every valid UAI: seven digits and their check letter. */
    public static Gen<String> validUaiCodes() {
        return integers().between(0, 9_999_999).map(n -> {
            String digits = String.format("%07d", n);
            return digits + Uai.checkLetter(digits);
        });
    }

    /** A DNS label of lower-case letters, digits and inner hyphens, beginning with a letter. */
    static Gen<String> labels() {
        Gen<String> first = strings().betweenCodePoints('a', 'z').ofLength(1);
        Gen<String> rest = Generate.pick(List.of('a', 'c', 'e', 'i', 'l', 'm', 'o', 'r', 's', 't', 'u', '0', '7', '-'))
                .map(c -> String.valueOf(c));
        Gen<String> middle = lists().of(rest).ofSizeBetween(0, 10).map(cs -> String.join("", cs));
        Gen<String> last = Generate.pick(List.of("a", "c", "e", "l", "o", "r", "s", "t", "1"));
        return first.zip(middle, last, (f, m, l) -> f + m + l);
    }

    /** A mail domain such as {@code ac-creteil.fr}: one to three labels and a letters-only top-level domain. */
    public static Gen<String> domains() {
        Gen<String> tld = Generate.pick(List.of("fr", "com", "org", "eu", "net", "education"));
        return lists().of(labels()).ofSizeBetween(1, 3).zip(tld, (ls, t) -> String.join(".", ls) + "." + t);
    }

    /** The local part of an address: letters, digits and inner dots. */
    public static Gen<String> localParts() {
        Gen<String> word = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
        return lists().of(word).ofSizeBetween(1, 3).map(ws -> String.join(".", ws));
    }

    /** The same text with each letter's case chosen at random. */
    public static Gen<String> caseVariantsOf(String text) {
        return lists().of(Generate.booleans()).ofSize(text.length()).map(upper -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                String c = text.substring(i, i + 1);
                out.append(upper.get(i) ? c.toUpperCase(Locale.ROOT) : c);
            }
            return out.toString();
        });
    }

    /**
     * Domains that look like {@code domain} without being it: a prefix glued on, a suffix or another domain appended,
     * a sub-domain, or one letter swapped for a homoglyph.
     */
    public static Gen<String> lookalikesOf(String domain) {
        Gen<String> prefixed = Generate.pick(List.of("evil-", "x", "my", "mail.", "ac-", "-", "www"))
                .map(p -> p + domain);
        Gen<String> suffixed = Generate.pick(List.of(".evil.com", ".fr", "x", "-fr.com", ".co", "s"))
                .map(s -> domain + s);
        Gen<String> subDomain = labels().map(l -> l + "." + domain);
        Gen<String> dropped = integers().between(0, domain.length() - 1)
                .map(i -> domain.substring(0, i) + domain.substring(i + 1))
                .map(d -> d.isEmpty() ? "x" + domain : d);
        List<Integer> swappable = new java.util.ArrayList<>();
        for (int i = 0; i < domain.length(); i++) {
            if (HOMOGLYPHS.containsKey(domain.charAt(i))) {
                swappable.add(i);
            }
        }
        if (swappable.isEmpty()) {
            return Generate.oneOf(prefixed, suffixed, subDomain, dropped);
        }
        Gen<String> homoglyph = Generate.pick(swappable).zip(integers().between(0, 2), (i, k) -> {
            List<String> choices = HOMOGLYPHS.get(domain.charAt(i));
            return domain.substring(0, i) + choices.get(k % choices.size()) + domain.substring(i + 1);
        });
        return Generate.oneOf(prefixed, suffixed, subDomain, dropped, homoglyph);
    }
}
