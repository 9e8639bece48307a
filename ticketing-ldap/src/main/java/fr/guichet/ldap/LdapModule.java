package fr.guichet.ldap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.PersonDirectory;
import java.util.Objects;

/**
 * Binds the core's {@link CredentialsVerifier} and {@link PersonDirectory} to the LDAP directory of an
 * {@link LdapConfig}, and the {@link LdapDirectory} itself so that the application can close it; connects nothing
 * until first used.
 */
public final class LdapModule extends AbstractModule {

    private final LdapConfig config;

    public LdapModule(LdapConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Provides
    @Singleton
    LdapDirectory directory() {
        return LdapDirectory.open(config);
    }

    @Provides
    @Singleton
    CredentialsVerifier credentialsVerifier(LdapDirectory directory) {
        return directory.credentialsVerifier();
    }

    @Provides
    @Singleton
    PersonDirectory personDirectory(LdapDirectory directory) {
        return directory.personDirectory();
    }
}
