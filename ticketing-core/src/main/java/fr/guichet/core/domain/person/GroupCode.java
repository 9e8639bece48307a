package fr.guichet.core.domain.person;

import fr.guichet.core.domain.DomainError;
import java.util.regex.Pattern;

/** The code of a support group, e.g. {@code PLATEFORME}: capital letters, digits, '-' and '_', at most 32. */
public record GroupCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");

    public GroupCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainError.invalid("group", "group.code.invalid",
                    "Le code du groupe de support est invalide.").exception();
        }
    }

    public static GroupCode of(String value) {
        return new GroupCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
