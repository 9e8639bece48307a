package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example server configured for the académie's directory signs directory people in, and nobody else. */
class DirectorySignInTest {

    private static final String BASE = "dc=ac-creteil,dc=fr";

    @TempDir
    Path data;

    private InMemoryDirectoryServer directory;
    private GuichetServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=guichet,ou=services," + BASE, "mot-de-passe-du-service");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: domain", "dc: ac-creteil");
        directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: uid=lbernard,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: lbernard",
                "cn: Lucie Bernard", "givenName: Lucie", "sn: Bernard", "mail: lucie.bernard@ac-creteil.fr",
                "userPassword: iprof-2008");
        directory.startListening();
        server = GuichetServer.start(ServerSettings.fromEnvironment(Map.of("GUICHET_PORT", "0",
                "GUICHET_DATA_DIR", data.toString(), "GUICHET_DEMO_PASSWORD", "demo-locale",
                "GUICHET_LDAP_URL", "ldap://127.0.0.1:" + directory.getListenPort(),
                "GUICHET_LDAP_BASE_DN", BASE, "GUICHET_LDAP_BIND_DN", "cn=guichet,ou=services," + BASE,
                "GUICHET_LDAP_BIND_PASSWORD", "mot-de-passe-du-service", "GUICHET_LDAP_GROUPS_BASE_DN", "")), true);
    }

    @AfterEach
    void stop() {
        server.close();
        directory.shutDown(true);
    }

    private HttpResponse<String> signIn(String identifier, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"" + identifier + "\",\"password\":\""
                        + password + "\",\"remember\":false}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_directory_person_signs_in_with_the_directory_password() throws Exception {
        HttpResponse<String> answer = signIn("lbernard", "iprof-2008");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(true, answer.body().contains("\"displayName\":\"Lucie Bernard\""), answer.body());
    }

    @Test
    void a_wrong_password_and_a_local_demo_account_are_refused() throws Exception {
        assertEquals(401, signIn("lbernard", "pas-le-bon").statusCode());
        assertEquals(401, signIn("mmontanes", "demo-locale").statusCode());
    }
}
