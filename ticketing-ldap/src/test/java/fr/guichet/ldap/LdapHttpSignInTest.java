package fr.guichet.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.Stage;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.testing.TestWorld;
import fr.guichet.http.GuichetHttpApi;
import fr.guichet.http.HttpConfig;
import fr.guichet.http.HttpModule;
import fr.guichet.http.ReadinessCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in through the HTTP facade with a directory account: the HTTP and LDAP modules wired by Guice, the other
 * ports in memory.
 */
class LdapHttpSignInTest {

    private final AcademieDirectory server = AcademieDirectory.start();
    private final TestWorld world = new TestWorld();
    private final Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
        @Override
        protected void configure() {
            binder().requireExplicitBindings();
            install(new LdapModule(server.config()));
            install(new HttpModule(HttpConfig.defaults()));
        }

        @Provides
        @Singleton
        Ticketing ticketing(CredentialsVerifier credentials, PersonDirectory people) {
            return Ticketing.builder(world.ports().withDirectory(people, credentials)).clock(world.clock).build();
        }

        @Provides
        @Singleton
        ReadinessCheck readiness() {
            return () -> true;
        }

        @Provides
        @Singleton
        SignInFailures signInFailures() {
            return world.signInFailures;
        }
    });
    private final GuichetHttpApi api = injector.getInstance(GuichetHttpApi.class);
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base = "http://localhost:" + api.start(0) + GuichetHttpApi.BASE;

    @AfterEach
    void stop() {
        api.stop();
        injector.getInstance(LdapDirectory.class).close();
        server.close();
    }

    private HttpResponse<String> signIn(String identifier, String password) throws IOException, InterruptedException {
        String body = "{\"identifier\": \"" + identifier + "\", \"password\": \"" + password + "\", \"remember\": false}";
        return client.send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void a_directory_account_signs_in_and_is_recognised_by_its_session() throws Exception {
        HttpResponse<String> signedIn = signIn("mmontanes", "Iprof-mmontanes");
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.body().contains("\"marc.montanes@ac-creteil.fr\""), signedIn.body());
        assertTrue(signedIn.body().contains("\"0941295X\""), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base + "/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"mmontanes\""), me.body());
    }

    @Test
    public void an_unknown_account_and_a_wrong_password_get_the_same_401() throws Exception {
        HttpResponse<String> wrong = signIn("mmontanes", "Iprof-jdupont");
        HttpResponse<String> unknown = signIn("personne-inconnue", "Iprof-mmontanes");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
    }

    @Test
    public void the_directory_down_gives_503_not_401() throws Exception {
        server.close();
        assertEquals(503, signIn("mmontanes", "Iprof-mmontanes").statusCode());
    }
}
