package fr.guichet.ldap;

import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.PersonDirectory;
import java.time.Clock;
import java.util.Objects;

/**
 * The académie's LDAP directory behind the core's {@link CredentialsVerifier} and {@link PersonDirectory}; opening it
 * connects nothing (connections are made on first use and pooled), closing it closes the pool. Thread-safe.
 */
public final class LdapDirectory implements AutoCloseable {

    private final LdapConnections connections;
    private final CredentialsVerifier credentials;
    private final PersonDirectory people;

    private LdapDirectory(LdapConfig config, Clock clock) {
        this.connections = new LdapConnections(config.server());
        PersonLookup lookup = new PersonLookup(config.people(), connections);
        PersonDirectory directory = new LdapPersonDirectory(lookup, new GroupEntries(config.groups(), connections),
                LdapPersonDirectory.decidedBy(config));
        this.people = config.cacheExpiry().isZero() ? directory
                : new CachedPersonDirectory(directory, config.cacheExpiry(), clock);
        this.credentials = new LdapCredentialsVerifier(lookup, connections);
    }

    /** The directory described by {@code config}, ready to connect on first use. */
    public static LdapDirectory open(LdapConfig config) {
        return open(config, Clock.systemUTC());
    }

    static LdapDirectory open(LdapConfig config, Clock clock) {
        return new LdapDirectory(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    /** Checks identifiers and passwords by binding as the person's entry. */
    public CredentialsVerifier credentialsVerifier() {
        return credentials;
    }

    /** Looks people and support groups up in the directory. */
    public PersonDirectory personDirectory() {
        return people;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        connections.close();
    }
}
