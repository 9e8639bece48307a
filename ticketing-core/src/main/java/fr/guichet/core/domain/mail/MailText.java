package fr.guichet.core.domain.mail;

import fr.guichet.core.domain.Validation;

/**
 * Text of a mail made fit for a request: line breaks as {@code \n}, no control, bidirectional-override or lone
 * surrogate characters, cut to a number of characters; or one line for a summary.
 */
public final class MailText {

    private MailText() {
    }

    /** {@code text} with its line breaks and tabs, cleaned and stripped, at most {@code max} code points. */
    public static String body(String text, int max) {
        return cut(clean(text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n'), true).strip(), max)
                .strip();
    }

    /** {@code text} on one line, runs of spaces and breaks as one space, cleaned, at most {@code max} code points. */
    public static String line(String text, int max) {
        return cut(clean(text == null ? "" : text, false).replaceAll("\\s+", " ").strip(), max).strip();
    }

    private static String clean(String text, boolean multiline) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == 0x2028 || c == 0x2029) {
                out.append(multiline ? '\n' : ' ');
            } else if (c == '\t') {
                out.append(multiline ? '\t' : ' ');
            } else if (Character.getType(c) != Character.CONTROL && !Validation.isBidiControl(c)
                    && (c < 0xD800 || c > 0xDFFF)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
