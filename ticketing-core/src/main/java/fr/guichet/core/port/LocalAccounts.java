package fr.guichet.core.port;

import fr.guichet.core.domain.person.PersonId;

/** Passwords kept by Guichet itself (the embedded default when no directory is configured); only hashes are stored. */
public interface LocalAccounts extends CredentialsVerifier {

    /** Sets or replaces the password of a person. */
    void setPassword(PersonId person, String password);
}
