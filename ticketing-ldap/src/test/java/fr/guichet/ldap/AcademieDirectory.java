package fr.guichet.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real LDAP server for the tests: UnboundID's in-memory directory on a free port, with the académie de Créteil's
 * schema extension and entries ({@code academie-creteil.ldif}: the {@link Fixtures} people and groups, other
 * establishments' staff, broken entries and a service account).
 */
final class AcademieDirectory implements AutoCloseable {

    static final String SUFFIX = "dc=ac-creteil,dc=fr";
    static final String PEOPLE = "ou=people," + SUFFIX;
    static final String GROUPS = "ou=groups," + SUFFIX;
    static final String SERVICE_DN = "uid=guichet,ou=services," + SUFFIX;
    static final String SERVICE_PASSWORD = "service-guichet-2008";

    private final InMemoryDirectoryServer server;

    private AcademieDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** A plain LDAP directory on a free port. */
    static AcademieDirectory start() {
        return start(List.of(plainListener()), List.of());
    }

    static AcademieDirectory start(List<InMemoryListenerConfig> listeners, List<InMemoryOperationInterceptor> hooks) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), schema()));
            config.setListenerConfigs(listeners);
            hooks.forEach(config::addInMemoryOperationInterceptor);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (InputStream ldif = resource("academie-creteil.ldif")) {
                server.importFromLDIF(true, new LDIFReader(ldif));
            }
            server.startListening();
            return new AcademieDirectory(server);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InMemoryListenerConfig plainListener() {
        try {
            return InMemoryListenerConfig.createLDAPConfig("ldap", 0);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getListenPort();
    }

    int port(String listener) {
        return server.getListenPort(listener);
    }

    String url() {
        return "ldap://localhost:" + port();
    }

    /** The configuration an académie would write for this directory, groups and attributes mapped as in Fixtures. */
    LdapConfig config() {
        return config(LdapConfig.Server.of(url(), SERVICE_DN, SERVICE_PASSWORD));
    }

    static LdapConfig config(LdapConfig.Server server) {
        LdapConfig.People people = LdapConfig.People.inetOrgPerson(PEOPLE)
                .withUaiAttribute("rne")
                .withRoleAttribute("employeeType", Map.of("admin-guichet", Role.ADMIN))
                .withActiveAttribute("accountStatus", Set.of("active"));
        LdapConfig.Groups groups = LdapConfig.Groups.groupOfNames(GROUPS, List.of(
                new LdapConfig.GroupMapping("PLATEFORME", Fixtures.PLATEFORME, Set.of(Role.AGENT)),
                new LdapConfig.GroupMapping("cn=EVE," + GROUPS, Fixtures.EVE, Set.of(Role.SPECIALIST)),
                new LdapConfig.GroupMapping("ADMINS-GUICHET", null, Set.of(Role.ADMIN)),
                new LdapConfig.GroupMapping("ABSENT", GroupCode.of("ABSENT"), Set.of(Role.AGENT))));
        return new LdapConfig(server, people, groups, Duration.ZERO);
    }

    void setPassword(String uid, String password) {
        modify("uid=" + uid + "," + PEOPLE, new Modification(ModificationType.REPLACE, "userPassword", password));
    }

    void modify(String dn, Modification... modifications) {
        try {
            server.modify(dn, List.of(modifications));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    void add(String dn, Attribute... attributes) {
        try {
            server.add(dn, attributes);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server: the directory is down. */
    @Override
    public void close() {
        server.shutDown(true);
    }

    private static Schema schema() throws IOException, LDIFException {
        try (InputStream in = resource("academie-schema.ldif")) {
            return Schema.getSchema(in);
        }
    }

    private static InputStream resource(String name) {
        return AcademieDirectory.class.getResourceAsStream("/" + name);
    }
}
