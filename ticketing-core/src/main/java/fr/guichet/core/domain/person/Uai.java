package fr.guichet.core.domain.person;

import fr.guichet.core.domain.DomainError;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An establishment code (UAI, formerly RNE): seven digits and the check letter
 * {@code ABCDEFGHJKLMNPRSTUVWXYZ[n mod 23]}; parsing ignores surrounding spaces and letter case.
 */
public record Uai(String value) {

    static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("[0-9]{7}[A-Z]");

    public Uai {
        if (value == null || !FORMAT.matcher(value).matches() || checkLetter(value.substring(0, 7)) != value.charAt(7)) {
            throw DomainError.invalid("establishment", "uai.invalid",
                    "Le code UAI de l'établissement est invalide (7 chiffres et une lettre de contrôle).").exception();
        }
    }

    public static Uai parse(String text) {
        return new Uai(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /** The check letter of seven digits. */
    public static char checkLetter(String digits) {
        return LETTERS.charAt((int) (Long.parseLong(digits) % 23));
    }

    @Override
    public String toString() {
        return value;
    }
}
