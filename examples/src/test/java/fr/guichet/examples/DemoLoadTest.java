package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.jdbc.JdbcConfig;
import fr.guichet.jdbc.JdbcModule;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two nodes started together with {@code --demo} on one empty database: one loads the demo, the other ignores it. */
class DemoLoadTest {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password \\(shown once\\): (\\S+)");

    @Test
    void two_nodes_loading_the_demo_at_once_on_h2_load_it_once_and_the_printed_password_works() throws Exception {
        raceOn(new JdbcConfig("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("fr.guichet.examples.ScratchDatabase#selected")
    void two_nodes_loading_the_demo_at_once_on_a_server_load_it_once_and_the_printed_password_works(
            ScratchDatabase.Kind server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server)) {
            raceOn(new JdbcConfig(db.url(), db.user(), ""));
        }
    }

    private static void raceOn(JdbcConfig config) throws Exception {
        List<Injector> nodes = List.of(node(config), node(config));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<ByteArrayOutputStream> consoles = List.of(new ByteArrayOutputStream(), new ByteArrayOutputStream());
            List<Callable<Boolean>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Injector node = nodes.get(i);
                PrintStream console = new PrintStream(consoles.get(i), true, StandardCharsets.UTF_8);
                starts.add(() -> {
                    together.await();
                    return GuichetServer.loadDemo(node, Optional.empty(), console);
                });
            }
            List<Boolean> loaded = new ArrayList<>();
            for (Future<Boolean> f : threads.invokeAll(starts, 2, TimeUnit.MINUTES)) {
                loaded.add(f.get());
            }

            assertEquals(1, loaded.stream().filter(l -> l).count(), "loaded by " + loaded);
            String printed = consoles.get(loaded.indexOf(true)).toString(StandardCharsets.UTF_8);
            assertEquals("", consoles.get(loaded.indexOf(false)).toString(StandardCharsets.UTF_8));
            Matcher password = PRINTED_PASSWORD.matcher(printed);
            assertTrue(password.find(), printed);
            for (Injector node : nodes) {
                for (String account : List.of("mmontanes", "agent1", "admin")) {
                    assertTrue(node.getInstance(LocalAccounts.class).verify(account, password.group(1)).isPresent(),
                            account + " signs in with the printed password");
                }
            }
            assertEquals(DemoData.catalog().all(), nodes.get(1).getInstance(CatalogStore.class).catalog().all());
            assertEquals(DemoData.groups().size(), nodes.get(1).getInstance(PersonRegistry.class).groups().size());
            Map<Uai, Establishment> schools = nodes.get(1).getInstance(EstablishmentDirectory.class)
                    .findAll(DemoData.establishments().stream().map(Establishment::uai).toList());
            assertEquals(DemoData.establishments().size(), schools.size(), "every demo school is in the directory");
            assertEquals(Set.of("77", "93", "94"), schools.values().stream().map(e -> e.department().code())
                    .collect(Collectors.toSet()));
            for (Person teacher : DemoData.people()) {
                assertTrue(teacher.establishment() == null || schools.containsKey(teacher.establishment()),
                        teacher.id() + "'s school is among the demo's");
            }
        } finally {
            threads.shutdownNow();
            for (Injector node : nodes) {
                ((Closeable) node.getInstance(DataSource.class)).close();
            }
        }
    }

    private static Injector node(JdbcConfig config) {
        return Guice.createInjector(Stage.PRODUCTION, new JdbcModule(config));
    }
}
