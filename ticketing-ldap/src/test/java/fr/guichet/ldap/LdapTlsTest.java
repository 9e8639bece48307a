package fr.guichet.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.PersonId;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * LDAPS and StartTLS against a directory with the académie's own certificate: trusted through a configured trust
 * store, refused (as UNAVAILABLE, never as a plain-text fallback) otherwise.
 */
class LdapTlsTest {

    private static final String PASSWORD = "Iprof-mmontanes";

    private static File keyStore;
    private static File otherHostKeyStore;
    private static String keyStorePassword;

    private final AcademieDirectory server;
    private LdapDirectory ldap;

    LdapTlsTest() throws Exception {
        SSLUtil serverSsl = serverSsl(keyStore);
        SSLUtil otherSsl = serverSsl(otherHostKeyStore);
        server = AcademieDirectory.start(List.of(
                InMemoryListenerConfig.createLDAPSConfig("other-host", null, 0, otherSsl.createSSLServerSocketFactory(),
                        otherSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps", null, 0, serverSsl.createSSLServerSocketFactory(),
                        serverSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPConfig("starttls", null, 0, serverSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPConfig("plain", 0)), List.of());
    }

    /**
     * Self-signed certificates, one for {@code localhost} and one for another host, each in a PKCS#12 store serving as
     * the server's key store and the adapter's trust store.
     */
    @BeforeAll
    static void certificates(@TempDir Path directory) {
        keyStorePassword = "academie-" + System.nanoTime();
        keyStore = certificate(directory.resolve("localhost.p12").toFile(), "localhost");
        otherHostKeyStore = certificate(directory.resolve("other.p12").toFile(), "ldap.ac-creteil.fr");
    }

    private static File certificate(File store, String host) {
        ResultCode generated = ManageCertificates.main(null, OutputStream.nullOutputStream(), System.err,
                "generate-self-signed-certificate", "--keystore", store.getPath(), "--keystore-password",
                keyStorePassword, "--keystore-type", "PKCS12", "--alias", "ldap", "--subject-dn",
                "CN=" + host + ",OU=Guichet tests,O=Academie de Creteil", "--subject-alternative-name-dns", host,
                "--days-valid", "2");
        assertEquals(ResultCode.SUCCESS, generated);
        return store;
    }

    private static SSLUtil serverSsl(File store) throws GeneralSecurityException {
        return new SSLUtil(new KeyStoreKeyManager(store, keyStorePassword.toCharArray(), "PKCS12", null),
                new TrustAllTrustManager());
    }

    @AfterEach
    void stop() {
        if (ldap != null) {
            ldap.close();
        }
        server.close();
    }

    private LdapConfig.Trust academieTrustStore() {
        return LdapConfig.Trust.store(keyStore.toPath(), keyStorePassword, "PKCS12");
    }

    private LdapDirectory open(String url, boolean startTls, LdapConfig.Trust trust) {
        ldap = LdapDirectory.open(AcademieDirectory.config(LdapConfig.Server.of(url, AcademieDirectory.SERVICE_DN,
                AcademieDirectory.SERVICE_PASSWORD).withStartTls(startTls).withTrust(trust)));
        return ldap;
    }

    @Test
    public void ldaps_with_the_academie_trust_store_signs_in() {
        LdapDirectory directory = open("ldaps://localhost:" + server.port("ldaps"), false, academieTrustStore());
        assertEquals(Optional.of(PersonId.of("mmontanes")),
                directory.credentialsVerifier().verify("mmontanes", PASSWORD));
        assertEquals(Optional.empty(), directory.credentialsVerifier().verify("mmontanes", "faux"));
    }

    @Test
    public void starttls_with_the_academie_trust_store_signs_in() {
        LdapDirectory directory = open("ldap://localhost:" + server.port("starttls"), true, academieTrustStore());
        assertEquals(Optional.of(PersonId.of("mmontanes")),
                directory.credentialsVerifier().verify("mmontanes", PASSWORD));
        assertEquals("mmontanes", directory.personDirectory().find(PersonId.of("mmontanes")).orElseThrow().id()
                .value());
    }

    @Test
    public void an_untrusted_certificate_makes_the_directory_unavailable() {
        LdapDirectory ldaps = open("ldaps://localhost:" + server.port("ldaps"), false, LdapConfig.Trust.system());
        assertUnavailable(() -> ldaps.credentialsVerifier().verify("mmontanes", PASSWORD));
        assertUnavailable(() -> ldaps.personDirectory().find(PersonId.of("mmontanes")));
        ldaps.close();
        LdapDirectory startTls = open("ldap://localhost:" + server.port("starttls"), true, LdapConfig.Trust.system());
        assertUnavailable(() -> startTls.credentialsVerifier().verify("mmontanes", PASSWORD));
    }

    @Test
    public void a_certificate_for_another_host_name_makes_the_directory_unavailable() {
        LdapDirectory directory = open("ldaps://localhost:" + server.port("other-host"), false,
                LdapConfig.Trust.store(otherHostKeyStore.toPath(), keyStorePassword, "PKCS12"));
        assertUnavailable(() -> directory.credentialsVerifier().verify("mmontanes", PASSWORD));
    }

    @Test
    public void a_directory_without_starttls_is_unavailable_rather_than_used_in_clear() {
        LdapDirectory directory = open("ldap://localhost:" + server.port("plain"), true, academieTrustStore());
        assertUnavailable(() -> directory.credentialsVerifier().verify("mmontanes", PASSWORD));
        assertUnavailable(() -> directory.personDirectory().find(PersonId.of("mmontanes")));
    }

    @Test
    public void trusting_everything_works_only_because_it_was_asked_for() {
        LdapDirectory directory = open("ldaps://localhost:" + server.port("other-host"), false,
                LdapConfig.Trust.everythingForTestsOnly());
        assertEquals(Optional.of(PersonId.of("mmontanes")),
                directory.credentialsVerifier().verify("mmontanes", PASSWORD));
    }

    private static void assertUnavailable(Executable call) {
        TicketingException e = assertThrows(TicketingException.class, call);
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    }
}
