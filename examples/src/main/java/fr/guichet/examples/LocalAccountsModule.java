package fr.guichet.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;

/** Sign-in and people from Guichet's own tables (the embedded default); install the LDAP module instead for a directory. */
final class LocalAccountsModule extends AbstractModule {

    @Provides
    CredentialsVerifier credentials(LocalAccounts accounts) {
        return accounts;
    }

    @Provides
    PersonDirectory people(PersonRegistry registry) {
        return registry;
    }
}
