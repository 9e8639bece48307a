package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Stage;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.session.SignInLimits;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.testing.MutableClock;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpModuleTest {

    private final TestServer server = TestServer.shared();

    private Injector injector() {
        return injector(server.ticketing, TestServer.CONFIG);
    }

    private Injector injector(Ticketing ticketing, HttpConfig config) {
        return Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                install(new HttpModule(config));
            }

            @Provides
            Ticketing ticketing() {
                return ticketing;
            }

            @Provides
            ReadinessCheck readiness() {
                return server.readiness;
            }

            @Provides
            SignInFailures signInFailures() {
                return server.signInFailures();
            }
        });
    }

    @Test
    void the_module_offers_one_api_and_its_configuration_from_a_bound_ticketing_and_readiness() {
        Injector injector = injector();
        assertSame(injector.getInstance(GuichetHttpApi.class), injector.getInstance(GuichetHttpApi.class));
        assertEquals(TestServer.CONFIG, injector.getInstance(HttpConfig.class));
    }

    @Test
    void a_host_application_mounts_the_api_beside_its_own_routes() {
        GuichetHttpApi api = injector().getInstance(GuichetHttpApi.class);
        Javalin host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/accueil", ctx -> ctx.result("Bienvenue"));
            api.mount(config);
        }).start(0);
        try {
            URI base = URI.create("http://localhost:" + host.port());
            assertEquals("Bienvenue", Api.anonymous(base).get("/accueil").body());
            Api me = Api.signIn(base, server.newRequester().id().value());
            assertEquals(201, me.post("/api/v1/requests", Api.filing()).status());
            me.withoutCsrf().post("/api/v1/requests", Api.filing()).problem(403);
            assertEquals(200, Api.anonymous(base).get("/ready").status());
        } finally {
            host.stop();
        }
    }

    @Test
    void the_modules_api_holds_sign_ins_back_on_the_clock_of_the_ticketing() {
        MutableClock clock = new MutableClock(Instant.parse("2031-03-03T08:00:00Z"));
        Ticketing ticketing = Ticketing.builder(Ports.lookUpLocal(server.injector::getInstance)).clock(clock)
                .settings(TestServer.SETTINGS).build();
        HttpConfig oneHour = TestServer.CONFIG.withSignInLimits(new SignInLimits(2, Duration.ofHours(1),
                Duration.ofHours(4), 1_000_000, Duration.ofHours(8)));
        GuichetHttpApi api = injector(ticketing, oneHour).getInstance(GuichetHttpApi.class);
        String id = server.newRequester().id().value();
        Api client = Api.anonymous(URI.create("http://localhost:" + api.start(0)));
        try {
            for (int i = 0; i < 2; i++) {
                client.post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
            }
            Api.Reply held = client.post("/api/v1/session", Api.signInBody(id, TestServer.PASSWORD, false));
            assertEquals("signin.throttled", held.problem(429).get("code").asText());
            assertEquals("3600", held.header("Retry-After"));
            clock.advance(Duration.ofMinutes(59));
            client.post("/api/v1/session", Api.signInBody(id, TestServer.PASSWORD, false)).problem(429);
            clock.advance(Duration.ofMinutes(1));
            assertEquals(200, client.post("/api/v1/session", Api.signInBody(id, TestServer.PASSWORD, false))
                    .status(), "an hour later on the clock of the ticketing, whatever the system clock says");
        } finally {
            api.stop();
        }
    }

    @Test
    void a_standalone_api_starts_on_a_free_port_and_stops() {
        GuichetHttpApi api = new GuichetHttpApi(server.ticketing, TestServer.CONFIG, () -> true,
                server.signInFailures());
        int port = api.start(0);
        try {
            assertEquals(200, Api.anonymous(URI.create("http://localhost:" + port)).get("/health").status());
        } finally {
            api.stop();
        }
        api.stop();
    }
}
