package fr.guichet.core.domain.person;

import fr.guichet.core.domain.DomainError;

/** A person's directory identifier (the mail identifier they sign in with): 1 to 64 visible ASCII characters. */
public record PersonId(String value) {

    public PersonId {
        if (value == null || value.isEmpty() || value.length() > 64
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainError.invalid("identifier", "person.identifier.invalid",
                    "L'identifiant doit comporter de 1 à 64 caractères, sans espace ni accent.").exception();
        }
    }

    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
