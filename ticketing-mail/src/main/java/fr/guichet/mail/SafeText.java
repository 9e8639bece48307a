package fr.guichet.mail;

import com.google.common.html.HtmlEscapers;
import fr.guichet.core.domain.Validation;

/**
 * Makes user text safe for each place of a mail: a header gets one line with no control or format character (so no
 * CR/LF injection, no NUL, no soft hyphen, no bidirectional override); a body keeps its line breaks but loses control
 * characters and bidirectional overrides; HTML is escaped after that. Each is one pass over the text, with no
 * pattern matching: a mail's values all go through here. Pure and thread-safe.
 */
final class SafeText {

    private SafeText() {
    }

    /** One line for a header: breaks and tabs become spaces, control and format characters go, spaces collapse. */
    static String header(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (!isInvisible(c)) {
                out.appendCodePoint(c);
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /**
     * Text for a body: line breaks ({@code \r\n}, {@code \r}, U+2028, U+2029, U+0085) become {@code \n}; tabs stay;
     * other control characters and bidi overrides go.
     */
    static String body(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (c == '\n' || c == '\t' || !(Character.getType(c) == Character.CONTROL
                    || Validation.isBidiControl(c) || Character.getType(c) == Character.SURROGATE)) {
                out.appendCodePoint(c);
            }
        }
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
