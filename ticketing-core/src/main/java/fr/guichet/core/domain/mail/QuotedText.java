package fr.guichet.core.domain.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person wrote in a mail reply, without the message they quote nor their signature: the text is cut at the
 * first attribution line with a date ("Le … a écrit :", "On … wrote:", even wrapped over two lines), original-message separator
 * ("-----Message d'origine-----", "-----Original Message-----"), Outlook header block ("De : … Envoyé : …",
 * "From: … Sent: …") or signature delimiter ("-- "), and the lines quoted with "&gt;" are dropped. Never throws,
 * never returns a longer text, and returns the text as it was when cutting would leave nothing.
 */
public final class QuotedText {

    private static final String SPACE = "[\\s\\u00A0\\u202F]";
    private static final int ATTRIBUTION_MAX = 400;
    private static final int HEADER_BLOCK_LINES = 5;

    private static final Pattern FRENCH_ATTRIBUTION = Pattern.compile(
            SPACE + "*Le" + SPACE + ".{0," + ATTRIBUTION_MAX + "}?" + SPACE + "+a" + SPACE + "+[ée]crit" + SPACE
                    + "*:" + SPACE + "*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ENGLISH_ATTRIBUTION = Pattern.compile(
            SPACE + "*On" + SPACE + ".{0," + ATTRIBUTION_MAX + "}?" + SPACE + "+wrote" + SPACE + "*:" + SPACE + "*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile(
            SPACE + "*-{3,}" + SPACE + "*(Message d'origine|Original Message)" + SPACE + "*-{3,}" + SPACE + "*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SIGNATURE = Pattern.compile("-- ?");
    private static final Pattern HEADER_FROM = Pattern.compile(
            SPACE + "*\\*?(De|From)" + SPACE + "*:.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            SPACE + "*\\*?(Envoyé|Sent|Date|À|A|To|Cc|Objet|Subject)" + SPACE + "*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RULE = Pattern.compile(SPACE + "*[_\\-=]*" + SPACE + "*");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private QuotedText() {
    }

    /** The part of {@code text} its author wrote, or {@code text} itself when nothing would be left; null stays null. */
    public static String cut(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String[] lines = LINE_BREAK.split(text, -1);
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (startsQuote(lines, i)) {
                end = i;
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (!lines[i].startsWith(">")) {
                kept.add(lines[i]);
            }
        }
        while (!kept.isEmpty() && RULE.matcher(kept.get(kept.size() - 1)).matches()) {
            kept.remove(kept.size() - 1);
        }
        String written = String.join("\n", kept);
        return written.isBlank() ? text : written;
    }

    private static boolean startsQuote(String[] lines, int i) {
        String line = lines[i];
        if (SIGNATURE.matcher(line).matches() || SEPARATOR.matcher(line).matches()) {
            return true;
        }
        if (attribution(line)) {
            return true;
        }
        if (i + 1 < lines.length && !lines[i + 1].isBlank() && attributionStart(line)
                && attribution(line + " " + lines[i + 1])) {
            return true;
        }
        return outlookHeaders(lines, i);
    }

    private static boolean attributionStart(String line) {
        String start = line.stripLeading();
        return start.regionMatches(true, 0, "Le", 0, 2) || start.regionMatches(true, 0, "On", 0, 2);
    }

    private static boolean attribution(String line) {
        if (line.length() > ATTRIBUTION_MAX + 40 || !attributionStart(line)
                || line.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        return FRENCH_ATTRIBUTION.matcher(line).matches() || ENGLISH_ATTRIBUTION.matcher(line).matches();
    }

    private static boolean outlookHeaders(String[] lines, int i) {
        if (!HEADER_FROM.matcher(lines[i]).matches()) {
            return false;
        }
        int others = 0;
        for (int j = i + 1; j < lines.length && j <= i + HEADER_BLOCK_LINES; j++) {
            if (HEADER_OTHER.matcher(lines[j]).matches()) {
                others++;
            }
        }
        return others >= 2;
    }
}
