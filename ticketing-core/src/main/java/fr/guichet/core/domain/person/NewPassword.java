package fr.guichet.core.domain.person;

import fr.guichet.core.domain.DomainError;

/**
 * A password a person chooses for their local account: 12 to 256 characters (a sign-in reads no more than 256), any
 * characters, spaces included, so that a sentence can be one.
 */
public record NewPassword(String value) {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    public NewPassword {
        if (value == null || value.isEmpty()) {
            throw DomainError.invalid("password", "password.required", "Le mot de passe est obligatoire.").exception();
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw DomainError.invalid("password", "password.length", "Le mot de passe doit comporter de "
                    + MIN_LENGTH + " à " + MAX_LENGTH + " caractères.").exception();
        }
    }

    @Override
    public String toString() {
        return "NewPassword[***]";
    }
}
