package fr.guichet.examples;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension, registered on a static field: the example server started in-process once for the test class with
 * the demo data in a folder of its own ({@code data}, where it also writes its mail when it has no SMTP server), on the
 * system clock or one a test moves, and a browser on it; both stopped and the folder removed after the class. The
 * server accepts on a port the system chose when the field was set, held bound from then on, so that no other run or
 * program takes it meanwhile. Its fields are set with the static field, so that a test class may keep them in static
 * fields of its own.
 */
final class DemoSite implements BeforeAllCallback, AfterAllCallback {

    static final String PASSWORD = "mot-de-passe-demo";

    final String base;
    final Path data;
    final Browser browser;
    /** The channel the server accepts on, bound to a port of the system's choice when the site is made. */
    private final ServerSocketChannel listening;
    private final int port;
    private final Clock clock;
    private final Map<String, String> environment;
    private GuichetServer server;

    private DemoSite(Clock clock, Function<String, Map<String, String>> environment) {
        try {
            this.listening = ServerSocketChannel.open().bind(new InetSocketAddress(0));
            this.port = ((InetSocketAddress) listening.getLocalAddress()).getPort();
            this.data = Files.createTempDirectory("guichet-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.base = "http://localhost:" + port;
        this.clock = clock;
        this.environment = environment.apply(base);
        this.browser = new Browser(base);
    }

    /** The site on the system clock. */
    static DemoSite perClass() {
        return perClass(Clock.systemUTC());
    }

    /** The site on {@code clock}, which a test may move to see what time does to requests. */
    static DemoSite perClass(Clock clock) {
        return new DemoSite(clock, base -> Map.of());
    }

    /** The site with the variables {@code environment} gives for its base address (mail, keys, base address). */
    static DemoSite perClass(Function<String, Map<String, String>> environment) {
        return new DemoSite(Clock.systemUTC(), environment);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("GUICHET_PORT", Integer.toString(port));
        variables.put("GUICHET_DATA_DIR", data.toString());
        variables.put("GUICHET_DEMO_PASSWORD", PASSWORD);
        server = GuichetServer.start(ServerSettings.fromEnvironment(variables), true, clock, listening);
    }

    /**
     * Signs the browser in, as a new person at the same computer, as the first person of the demo data with
     * {@code role}; answers them.
     */
    Person signInAs(Role role) {
        Person person = DemoData.people().stream().filter(p -> p.has(role)).findFirst().orElseThrow();
        browser.signIn(person.id().value(), PASSWORD);
        return person;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            browser.close();
        } finally {
            if (server != null) {
                server.close();
            }
            listening.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(DemoSite::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
