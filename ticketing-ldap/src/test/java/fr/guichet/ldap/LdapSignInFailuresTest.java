package fr.guichet.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Sign-in failures against a real directory are clear and safe: same answer for any refusal, UNAVAILABLE when down. */
class LdapSignInFailuresTest {

    private static final String MONTANES_PASSWORD = "Iprof-mmontanes";

    private AcademieDirectory server = AcademieDirectory.start();
    private LdapDirectory ldap = LdapDirectory.open(server.config());

    @AfterEach
    void stop() {
        ldap.close();
        server.close();
    }

    @Test
    public void the_directory_password_gives_the_identifier_as_the_directory_stores_it() {
        assertEquals(Optional.of(PersonId.of("mmontanes")), verify("mmontanes", MONTANES_PASSWORD));
        assertEquals(Optional.of(PersonId.of("mmontanes")), verify("MMontanes", MONTANES_PASSWORD));
    }

    @Test
    public void an_unknown_identifier_and_a_wrong_password_are_indistinguishable() {
        Optional<PersonId> unknown = verify("personne-inconnue", MONTANES_PASSWORD);
        Optional<PersonId> wrong = verify("mmontanes", "Iprof-jdupont");
        assertEquals(Optional.empty(), unknown);
        assertEquals(unknown, wrong);
        assertEquals(unknown, verify("jdupont", MONTANES_PASSWORD));
    }

    @Test
    public void an_empty_password_never_binds() {
        List<String> userBinds = new CopyOnWriteArrayList<>();
        InMemoryOperationInterceptor spy = new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                if (!request.getRequest().getBindDN().equals(AcademieDirectory.SERVICE_DN)) {
                    userBinds.add(request.getRequest().getBindDN());
                }
            }
        };
        restart(List.of(spy), AcademieDirectory::config);

        assertEquals(Optional.empty(), verify("mmontanes", ""));
        assertEquals(Optional.empty(), verify("mmontanes", null));
        assertEquals(List.of(), userBinds);
        assertTrue(verify("mmontanes", MONTANES_PASSWORD).isPresent());
        assertEquals(List.of("uid=mmontanes," + AcademieDirectory.PEOPLE), userBinds);
    }

    @Test
    public void ldap_injection_in_the_identifier_finds_nobody() {
        for (String hostile : List.of("*", "mmon*", "*montanes", "mmontanes)(uid=*", "*)(uid=*))(|(uid=*",
                "*)(|(objectClass=*", "mmontanes\\", "\\", "\\2a", "mmontanes)(|(userPassword=*)", "(uid=mmontanes)",
                "mmontanes\u0000", "")) {
            assertEquals(Optional.empty(), verify(hostile, MONTANES_PASSWORD), hostile);
        }
        for (String hostile : List.of("*", "mmon*", "mmontanes)(uid=*", "*)(|(objectClass=*", "mmontanes\\", "\\2a")) {
            assertEquals(Optional.empty(), ldap.personDirectory().find(PersonId.of(hostile)), hostile);
        }
    }

    @Test
    public void an_identifier_held_by_two_entries_signs_nobody_in() {
        assertEquals(Optional.empty(), verify("homonyme", "Iprof-homonyme"));
        assertEquals(Optional.empty(), ldap.personDirectory().find(PersonId.of("homonyme")));
    }

    @Test
    public void the_password_is_checked_on_its_own_connection_never_on_the_service_ones() {
        Map<Long, Set<String>> bindsByConnection = new ConcurrentHashMap<>();
        InMemoryOperationInterceptor spy = new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                bindsByConnection.computeIfAbsent(request.getConnectionID(), id -> ConcurrentHashMap.newKeySet())
                        .add(request.getRequest().getBindDN());
            }
        };
        restart(List.of(spy), AcademieDirectory::config);

        assertTrue(verify("mmontanes", MONTANES_PASSWORD).isPresent());
        assertTrue(verify("jdupont", "Iprof-jdupont").isPresent());
        assertTrue(ldap.personDirectory().find(PersonId.of("jdupont")).isPresent());

        assertTrue(bindsByConnection.values().stream().anyMatch(dns -> dns.contains(AcademieDirectory.SERVICE_DN)));
        assertEquals(2, bindsByConnection.values().stream()
                .filter(dns -> !dns.contains(AcademieDirectory.SERVICE_DN)).count());
        bindsByConnection.values().forEach(dns -> assertEquals(1, dns.size(), dns.toString()));
    }

    @Test
    public void the_directory_down_is_unavailable_not_a_refusal() {
        server.close();
        assertUnavailable(() -> verify("mmontanes", MONTANES_PASSWORD));
        assertUnavailable(() -> verify("personne-inconnue", "x"));
        assertUnavailable(() -> ldap.personDirectory().find(PersonId.of("mmontanes")));
        assertUnavailable(() -> ldap.personDirectory().membersOf(Fixtures.PLATEFORME));
        assertUnavailable(() -> ldap.personDirectory().groups());
    }

    @Test
    public void a_directory_that_stops_after_the_first_connections_is_unavailable() {
        assertTrue(ldap.personDirectory().find(PersonId.of("mmontanes")).isPresent());
        server.close();
        assertUnavailable(() -> ldap.personDirectory().find(PersonId.of("mmontanes")));
        assertUnavailable(() -> verify("mmontanes", MONTANES_PASSWORD));
    }

    @Test
    public void a_directory_too_slow_to_answer_is_unavailable() {
        CountDownLatch released = new CountDownLatch(1);
        InMemoryOperationInterceptor slow = new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        restart(List.of(slow), server -> AcademieDirectory.config(LdapConfig.Server.of(server.url(),
                AcademieDirectory.SERVICE_DN, AcademieDirectory.SERVICE_PASSWORD)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300))));
        try {
            assertUnavailable(() -> verify("mmontanes", MONTANES_PASSWORD));
            assertUnavailable(() -> ldap.personDirectory().find(PersonId.of("mmontanes")));
        } finally {
            released.countDown();
        }
    }

    @Test
    public void a_refused_service_account_is_unavailable_not_a_refusal() {
        ldap.close();
        ldap = LdapDirectory.open(AcademieDirectory.config(
                LdapConfig.Server.of(server.url(), AcademieDirectory.SERVICE_DN, "mauvais-mot-de-passe")));
        assertUnavailable(() -> verify("mmontanes", MONTANES_PASSWORD));
        assertUnavailable(() -> ldap.personDirectory().find(PersonId.of("mmontanes")));
    }

    private Optional<PersonId> verify(String identifier, String password) {
        return ldap.credentialsVerifier().verify(identifier, password);
    }

    private void restart(List<InMemoryOperationInterceptor> hooks,
            Function<AcademieDirectory, LdapConfig> config) {
        ldap.close();
        server.close();
        server = AcademieDirectory.start(List.of(AcademieDirectory.plainListener()), hooks);
        ldap = LdapDirectory.open(config.apply(server));
    }

    private static void assertUnavailable(Executable call) {
        TicketingException e = assertThrows(TicketingException.class, call);
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    }
}
