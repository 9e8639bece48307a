package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Stage;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.port.SignInFailures;
import io.javalin.Javalin;
import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpModuleTest {

    private final TestServer server = TestServer.shared();

    private Injector injector() {
        return Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                install(new HttpModule(TestServer.CONFIG));
            }

            @Provides
            Ticketing ticketing() {
                return server.ticketing;
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
