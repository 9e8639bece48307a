package fr.guichet.examples;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The example server started in-process on a free port with the demo data in {@code data}, on the system clock or one
 * a test moves, and a browser on it.
 */
final class DemoSite implements AutoCloseable {

    static final String PASSWORD = "mot-de-passe-demo";

    final GuichetServer server;
    final Browser browser;
    final String base;

    private DemoSite(GuichetServer server) {
        this.server = server;
        this.base = "http://localhost:" + server.port();
        this.browser = new Browser(base);
    }

    static DemoSite start(Path data) {
        return start(data, Clock.systemUTC());
    }

    /** The site on {@code clock}, which a test may move to see what time does to requests. */
    static DemoSite start(Path data, Clock clock) {
        return new DemoSite(GuichetServer.start(ServerSettings.fromEnvironment(Map.of("GUICHET_PORT", "0",
                "GUICHET_DATA_DIR", data.toString(), "GUICHET_DEMO_PASSWORD", PASSWORD)), true, clock));
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }
}
