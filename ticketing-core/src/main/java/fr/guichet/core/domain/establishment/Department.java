package fr.guichet.core.domain.establishment;

import fr.guichet.core.domain.DomainError;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A département code as the national directory of schools writes it once its padding zero is dropped: two digits
 * ({@code "77"}), Corsica's {@code "2A"} and {@code "2B"}, or three digits overseas ({@code "971"}). Ordered by code,
 * Corsica's two where its former 20 was.
 */
public record Department(String code) implements Comparable<Department> {

    private static final Pattern FORMAT = Pattern.compile("0[1-9]|[1-8][0-9]|9[0-5]|2[AB]|9[78][0-9]");

    public Department {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw DomainError.invalid("department", "department.invalid",
                    "Le code de département est invalide (par exemple 77, 2A ou 971).").exception();
        }
    }

    /** The code {@code text} gives, spaces and letter case ignored, the directory's padding zero ("077") dropped. */
    public static Department parse(String text) {
        String code = text == null ? null : text.strip().toUpperCase(Locale.ROOT);
        if (code != null && code.length() == 3 && code.charAt(0) == '0') {
            code = code.substring(1);
        }
        return new Department(code);
    }

    @Override
    public int compareTo(Department other) {
        return orderKey().compareTo(other.orderKey());
    }

    private String orderKey() {
        return code.startsWith("2") && Character.isLetter(code.charAt(1)) ? "20" + code.charAt(1) : code;
    }

    @Override
    public String toString() {
        return code;
    }
}
