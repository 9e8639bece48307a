package fr.guichet.ldap;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.port.CredentialsVerifier;
import java.util.Optional;

/**
 * Checks a password against the directory: finds the entry of the identifier with the service account, then binds as
 * that entry with the password on a connection of its own; unknown identifier, several entries, wrong or empty
 * password all give the same empty answer.
 */
final class LdapCredentialsVerifier implements CredentialsVerifier {

    private final PersonLookup lookup;
    private final LdapConnections connections;

    LdapCredentialsVerifier(PersonLookup lookup, LdapConnections connections) {
        this.lookup = lookup;
        this.connections = connections;
    }

    @Override
    public Optional<PersonId> verify(String identifier, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return lookup.byIdentifier(identifier)
                .filter(entry -> connections.authenticates(entry.getDN(), password))
                .flatMap(entry -> lookup.entries().identifier(entry));
    }
}
