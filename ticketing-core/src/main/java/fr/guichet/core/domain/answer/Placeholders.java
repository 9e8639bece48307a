package fr.guichet.core.domain.answer;

import fr.guichet.core.domain.request.RequestNumber;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the placeholders of a canned answer stand for in one request: {@value #REQUESTER} its requester's name and
 * {@value #NUMBER} its number (seven digits). Filling replaces each placeholder once, in one pass (a value is never
 * filled in turn); any other text in braces stays as it was typed.
 */
public record Placeholders(String requester, RequestNumber number) {

    public static final String REQUESTER = "{demandeur}";
    public static final String NUMBER = "{numero}";

    private static final Pattern PLACEHOLDER = Pattern.compile(Pattern.quote(REQUESTER) + "|" + Pattern.quote(NUMBER));

    public Placeholders {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(number, "number");
    }

    /** {@code text} with each placeholder replaced by its value. */
    public String fill(String text) {
        Map<String, String> values = Map.of(REQUESTER, requester, NUMBER, number.display());
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
