package fr.guichet.benchmarks;

import fr.guichet.core.application.CountRequests;
import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.application.RequestLine;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * By hand, run-29-search: the workbench's calls on PostgreSQL, each measured per parameter (agent, name or pair of
 * words) in the order WorkbenchWorkload cycles through them, at each size; then, at the largest size, every parameter
 * run once more with auto_explain logging each statement's plan with actual rows and buffers to the server's log,
 * after a marker statement naming the parameter. The database is left in place for EXPLAIN by hand (dropped by hand).
 * Compiled against benchmarks.jar and run with it on the class path, in the same package.
 */
final class ByHandWorkbench {

    private static final int ROUNDS = 7;

    private record Call(String label, int cycle, Key key, Work work) {
    }

    private interface Key {
        String of(int i);
    }

    private interface Work {
        Page<RequestLine> run(int i);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Integer> sizes = Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList();
        Files.createDirectories(out);
        Database db = Database.create("postgresql");
        Stack stack = new Stack(db, 4);
        List<Person> staff = staff();
        stack.load(BulkLoader.groups(), BulkLoader.catalog(), staff);
        List<Person> agents = staff.subList(0, BulkLoader.GROUPS);
        BulkLoader loader = new BulkLoader(stack.dataSource(), true, Instant.now());
        StringBuilder csv = new StringBuilder("size,call,parameter,calls,min_ms,median_ms,max_ms,total,total_exact\n");
        for (int size : sizes) {
            double seconds = loader.growTo(size);
            System.out.printf(Locale.ROOT, "%d requests loaded in %.1f s%n", size, seconds);
            for (Call call : calls(stack, agents)) {
                for (int i = 0; i < call.cycle(); i++) {
                    call.work().run(i);
                }
                Map<String, List<Double>> times = new LinkedHashMap<>();
                Map<String, Page<RequestLine>> pages = new LinkedHashMap<>();
                for (int i = 0; i < call.cycle() * ROUNDS; i++) {
                    long start = System.nanoTime();
                    Page<RequestLine> page = call.work().run(i);
                    double ms = (System.nanoTime() - start) / 1e6;
                    times.computeIfAbsent(call.key().of(i), k -> new ArrayList<>()).add(ms);
                    pages.put(call.key().of(i), page);
                }
                times.forEach((key, list) -> {
                    List<Double> sorted = list.stream().sorted().toList();
                    Page<RequestLine> page = pages.get(key);
                    csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%.2f,%.2f,%.2f,%s,%s%n", size, call.label(),
                            key, sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2),
                            sorted.get(sorted.size() - 1), page == null ? "" : page.total(),
                            page == null ? "" : page.totalExact()));
                });
                System.out.println(size + " " + call.label() + " done");
            }
            Files.writeString(out.resolve("by-hand-per-parameter-postgresql.csv"), csv);
        }
        stack.close();
        try (Connection c = java.sql.DriverManager.getConnection(Database.POSTGRES_SERVER, "postgres", "");
                Statement s = c.createStatement()) {
            String name = dbName(db);
            s.execute("ALTER DATABASE " + name + " SET session_preload_libraries = 'auto_explain'");
            s.execute("ALTER DATABASE " + name + " SET auto_explain.log_min_duration = 0");
            s.execute("ALTER DATABASE " + name + " SET auto_explain.log_analyze = on");
            s.execute("ALTER DATABASE " + name + " SET auto_explain.log_buffers = on");
            System.out.println("database " + name);
        }
        Stack explained = new Stack(db, 4);
        try (Connection c = explained.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (Call call : calls(explained, agents)) {
                for (int i = 0; i < call.cycle(); i++) {
                    s.execute("SELECT 'run29 marker: " + call.label() + " / " + call.key().of(i) + "'");
                    call.work().run(i);
                }
            }
        }
        explained.close();
        try (Connection c = java.sql.DriverManager.getConnection(Database.POSTGRES_SERVER, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + dbName(db) + " RESET ALL");
        }
        System.out.println("kept database " + dbName(db));
    }

    private static String dbName(Database db) throws ReflectiveOperationException {
        var field = Database.class.getDeclaredField("name");
        field.setAccessible(true);
        return (String) field.get(db);
    }

    private static List<Call> calls(Stack stack, List<Person> agents) {
        ListQueue queue = stack.ticketing().listQueue();
        CountRequests counts = stack.ticketing().countRequests();
        PageRequest first = PageRequest.first();
        List<String> names = SupportVocabulary.SEARCHED_NAMES;
        List<String> pairs = SupportVocabulary.WORD_PAIRS;
        int n = agents.size();
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("worklist", n, i -> agents.get(i % n).id().value(), i -> {
            Page<RequestLine> page = queue.list(agents.get(i % n), QueueFilter.queue(), first);
            counts.count(agents.get(i % n), QueueFilter.queue());
            return page;
        }));
        calls.add(new Call("counts", n, i -> agents.get(i % n).id().value(), i -> {
            counts.count(agents.get(i % n), QueueFilter.queue());
            return null;
        }));
        for (boolean inQueue : List.of(true, false)) {
            String scope = inQueue ? "queue" : "all";
            calls.add(new Call("name " + scope, lcm(n, names.size()),
                    i -> agents.get(i % n).id().value() + " " + names.get(i % names.size()),
                    i -> queue.list(agents.get(i % n), search(inQueue, names.get(i % names.size())), first)));
            calls.add(new Call("words " + scope, lcm(n, pairs.size()),
                    i -> agents.get(i % n).id().value() + " " + pairs.get(i % pairs.size()),
                    i -> queue.list(agents.get(i % n), search(inQueue, pairs.get(i % pairs.size())), first)));
        }
        return calls;
    }

    private static int lcm(int a, int b) {
        int x = a;
        while (x % b != 0) {
            x += a;
        }
        return x;
    }

    private static QueueFilter search(boolean inQueue, String words) {
        return new QueueFilter(inQueue, Set.of(), null, null, null, words, null);
    }

    /** As WorkbenchWorkload's staff. */
    private static List<Person> staff() {
        return IntStream.range(0, 40).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName(
                        SupportVocabulary.GIVEN_NAMES.get(i % SupportVocabulary.GIVEN_NAMES.size()),
                        SupportVocabulary.FAMILY_NAMES.get(SupportVocabulary.FAMILY_NAMES.size() - 1 - i)), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
    }
}
