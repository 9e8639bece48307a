package fr.guichet.core.domain.request;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as a search compares it, written by Guichet so that every database compares the same way: lower case, accents
 * and other marks removed, French ligatures spelled out, every run of characters that are neither letters nor digits
 * one space ("Réseau  ÉCOLE-Œuvre" reads "reseau ecole oeuvre"). Pure and thread-safe.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private SearchText() {
    }

    /** {@code text} normalised; the empty text for null. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String unmarked = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        String spelled = unmarked.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return SEPARATORS.matcher(spelled).replaceAll(" ").strip();
    }

    /** The normalised words of a query, in order; none for a blank one. */
    public static List<String> words(String query) {
        String normalized = normalize(query);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** The normalised text of every part, one space apart, to store beside what it describes. */
    public static String of(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String normalized = normalize(part);
            if (!normalized.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(normalized);
            }
        }
        return out.toString();
    }
}
