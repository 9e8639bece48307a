package fr.guichet.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.testing.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Guice module binds both ports to one directory, strictly, and connects nothing before it is used. */
class LdapModuleTest {

    private static Injector injector(LdapConfig config) {
        return Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                install(new LdapModule(config));
            }
        });
    }

    @Test
    public void the_ports_read_the_configured_directory() {
        try (AcademieDirectory server = AcademieDirectory.start()) {
            Injector injector = injector(server.config());
            try (LdapDirectory directory = injector.getInstance(LdapDirectory.class)) {
                assertEquals(Optional.of(PersonId.of("agent1")),
                        injector.getInstance(CredentialsVerifier.class).verify("agent1", "Iprof-agent1"));
                assertEquals(Fixtures.agent(), injector.getInstance(PersonDirectory.class)
                        .find(PersonId.of("agent1")).orElseThrow());
                assertSame(directory.personDirectory(), injector.getInstance(PersonDirectory.class));
                assertSame(directory.credentialsVerifier(), injector.getInstance(CredentialsVerifier.class));
            }
        }
    }

    @Test
    public void the_injector_starts_while_the_directory_is_down_and_the_ports_then_say_unavailable()
            throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Injector injector = injector(AcademieDirectory.config(LdapConfig.Server.of("ldap://localhost:" + closedPort,
                AcademieDirectory.SERVICE_DN, AcademieDirectory.SERVICE_PASSWORD)));
        try (LdapDirectory directory = injector.getInstance(LdapDirectory.class)) {
            TicketingException e = assertThrows(TicketingException.class,
                    () -> directory.credentialsVerifier().verify("mmontanes", "Iprof-mmontanes"));
            assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        }
    }
}
