package fr.guichet.examples;

import java.nio.file.Path;
import java.util.Map;

/** The example server started in-process on a free port with the demo data in {@code data}, and a browser on it. */
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
        return new DemoSite(GuichetServer.start(ServerSettings.fromEnvironment(Map.of("GUICHET_PORT", "0",
                "GUICHET_DATA_DIR", data.toString(), "GUICHET_DEMO_PASSWORD", PASSWORD)), true));
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
