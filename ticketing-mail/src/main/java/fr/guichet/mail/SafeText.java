package fr.guichet.mail;

import com.google.common.html.HtmlEscapers;
import fr.guichet.core.domain.Validation;
import java.util.regex.Pattern;

/**
 * Makes user text safe for each place of a mail: a header gets one line with no control or format character (so no
 * CR/LF injection, no NUL, no soft hyphen, no bidirectional override); a body keeps its line breaks but loses control
 * characters and bidirectional overrides; HTML is escaped after that. Pure and thread-safe.
 */
final class SafeText {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|\r|\u2028|\u2029|\u0085");

    private SafeText() {
    }

    /** One line for a header: breaks and tabs become spaces, control and format characters go, spaces collapse. */
    static String header(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == '\t' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (!isInvisible(c)) {
                out.appendCodePoint(c);
            }
        });
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    /** Text for a body: line breaks become {@code \n}; tabs stay; other control characters and bidi overrides go. */
    static String body(String text) {
        String lines = LINE_BREAKS.matcher(text).replaceAll("\n");
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !(Character.getType(c) == Character.CONTROL || Validation.isBidiControl(c)
                    || Character.getType(c) == Character.SURROGATE)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** {@link #body} then HTML-escaped, line breaks shown as {@code <br>}. */
    static String html(String text) {
        return HtmlEscapers.htmlEscaper().escape(body(text)).replace("\n", "<br>\n");
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }
}
