package fr.guichet.core.domain.request;

import java.text.Normalizer;

/**
 * Sanitises a file name typed or sent by a user: no path, no control or format characters (NUL, soft hyphen,
 * right-to-left override), no leading dots, at most 120 characters; never empty.
 */
public final class FileName {

    private static final int MAX = 120;

    private FileName() {
    }

    public static String sanitise(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        n.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || "<>:\"|?*;".indexOf(c) >= 0) {
                return;
            }
            out.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
        });
        String clean = Normalizer.normalize(out, Normalizer.Form.NFC).strip().replaceAll(" {2,}", " ");
        while (clean.startsWith(".")) {
            clean = clean.substring(1).strip();
        }
        if (clean.codePointCount(0, clean.length()) > MAX) {
            int dot = clean.lastIndexOf('.');
            String ext = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX - ext.length())).strip() + ext;
        }
        return clean.isBlank() ? "fichier" : clean;
    }
}
