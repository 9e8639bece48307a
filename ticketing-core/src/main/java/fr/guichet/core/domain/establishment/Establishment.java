package fr.guichet.core.domain.establishment;

import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.SearchText;
import java.util.List;
import java.util.Objects;

/**
 * A school or service of the national directory, keyed by its UAI: its name, its kind ("Collège", "Lycée"…) and
 * commune when known (null otherwise), its département. Names are kept as given, spaces around them stripped.
 */
public record Establishment(Uai uai, String name, String kind, String commune, Department department) {

    /** The longest name kept. */
    public static final int MAX_NAME = 200;
    /** The longest kind or commune kept. */
    public static final int MAX_LABEL = 100;

    public Establishment {
        Objects.requireNonNull(uai, "uai");
        Objects.requireNonNull(department, "department");
        name = Validation.text(name, "name", "Le nom de l'établissement", MAX_NAME, false).strip();
        kind = optional(kind, "kind", "Le type d'établissement");
        commune = optional(commune, "commune", "La commune");
    }

    private static String optional(String value, String field, String label) {
        return value == null || value.isBlank() ? null : Validation.text(value, field, label, MAX_LABEL, false).strip();
    }

    /** What a search of establishments looks into: the name, commune and UAI, {@link SearchText normalised}. */
    public String searchText() {
        return SearchText.of(name, commune, uai.value());
    }

    /** Whether this establishment's search text holds every one of {@code words} (already normalised). */
    public boolean matches(List<String> words) {
        String text = searchText();
        return words.stream().allMatch(text::contains);
    }

    /** The normalised name, the order of lists of establishments. */
    public String nameKey() {
        return SearchText.normalize(name);
    }
}
