package fr.guichet.benchmarks;

import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.PageRequest;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** By hand, run-39: two words in a queue on the workbench's compacted H2 database of 1M requests, per combination. */
final class ByHandCombos {

    static int statements;
    static final Map<String, long[]> BY_SQL = new TreeMap<>();
    static final List<String> CALL = new ArrayList<>();

    static Jdbi jdbi(Stack stack) throws Exception {
        Object repository = stack.get(fr.guichet.core.port.RequestRepository.class);
        java.lang.reflect.Field r = repository.getClass().getDeclaredField("db");
        r.setAccessible(true);
        Object database = r.get(repository);
        java.lang.reflect.Field f = database.getClass().getDeclaredField("jdbi");
        f.setAccessible(true);
        return (Jdbi) f.get(database);
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String name = args[1];
        int calls = Integer.parseInt(args[2]);
        Constructor<Database> c = Database.class.getDeclaredConstructor(String.class, String.class, String.class,
                String.class, Path.class);
        c.setAccessible(true);
        Database db = args[0].equals("new") ? null : c.newInstance("h2", "jdbc:h2:file:" + folder.resolve(name) + ";AUTO_SERVER=TRUE" + (System.getProperty("h2extra") == null ? "" : System.getProperty("h2extra")), "sa", name,
                folder);
        if (args[0].equals("new")) {
            db = Database.create("h2");
        }
        Stack stack = new Stack(db, 4);
        if (args[0].equals("new")) {
            List<Person> all = IntStream.range(0, 40).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                    EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName(
                    SupportVocabulary.GIVEN_NAMES.get(i % SupportVocabulary.GIVEN_NAMES.size()),
                    SupportVocabulary.FAMILY_NAMES.get(SupportVocabulary.FAMILY_NAMES.size() - 1 - i)), null,
                    Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
            stack.load(BulkLoader.groups(), BulkLoader.catalog(), all);
            BulkLoader loader = new BulkLoader(stack.dataSource(), false, java.time.Instant.now());
            System.out.println("loaded in " + loader.growTo(Integer.parseInt(args[1])));
            System.out.println("compacted in " + loader.compact());
        }
        jdbi(stack).setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext ctx) {
                statements++;
                String sql = ctx.getRenderedSql();
                String key = sql.length() > 90 ? sql.substring(0, 90) : sql;
                long[] v = BY_SQL.computeIfAbsent(key.replaceAll("\\s+", " "), k -> new long[2]);
                v[0]++;
                long micros = java.time.Duration.between(ctx.getExecutionMoment(), ctx.getCompletionMoment())
                        .toNanos() / 1000;
                v[1] += micros;
                CALL.add(key.substring(7, 40) + "=" + micros);
            }
        });
        List<Person> staff = IntStream.range(0, 10).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName("A", "B" + i), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
        ListQueue queue = stack.ticketing().listQueue();
        List<String> pairs = args.length > 3 ? List.of(args[3].split(",")) : SupportVocabulary.WORD_PAIRS;
        for (int i = 0; i < 4000; i++) {
            queue.list(staff.get(i % 10), new QueueFilter(true, Set.of(), null, null, null, pairs.get(i % pairs.size()),
                    null), PageRequest.first());
        }
        BY_SQL.clear();
        long[] all = new long[2000];
        int slow = 0;
        for (int i = 0; i < 2000; i++) {
            CALL.clear();
            long s = System.nanoTime();
            queue.list(staff.get(i % 10), new QueueFilter(true, Set.of(), null, null, null, pairs.get(i % pairs.size()),
                    null), PageRequest.first());
            all[i] = System.nanoTime() - s;
            if (all[i] > 3_000_000 && slow++ < 25) {
                System.out.printf("slow %d agent-%d %s %.3f ms: %s%n", i, i % 10, pairs.get(i % pairs.size()),
                        all[i] / 1e6, CALL);
            }
        }
        Arrays.sort(all);
        System.out.printf("interleaved p50 %.3f p99 %.3f max %.3f, slow>3ms %d%n", all[1000] / 1e6, all[1980] / 1e6,
                all[1999] / 1e6, slow);
        BY_SQL.forEach((k, v) -> System.out.println(v[0] + " " + v[1] / v[0] + "us  " + k));
        BY_SQL.clear();
        for (String pair : calls == 0 ? List.<String>of() : pairs) {
            for (int a = 0; a < 10; a++) {
                long[] t = new long[calls];
                int before = statements;
                long total = 0;
                for (int k = 0; k < calls; k++) {
                    CALL.clear();
                    long s = System.nanoTime();
                    var page = queue.list(staff.get(a), new QueueFilter(true, Set.of(), null, null, null, pair, null),
                            PageRequest.first());
                    t[k] = System.nanoTime() - s;
                    if (t[k] > 4_000_000 && Boolean.getBoolean("show")) {
                        System.out.printf("  slow %s agent-%d %.3f ms: %s%n", pair, a, t[k] / 1e6, CALL);
                    }
                    total = page.total();
                }
                Arrays.sort(t);
                System.out.printf("%-20s agent-%d p50 %.3f p90 %.3f max %.3f ms, statements/call %.1f, total %d%n",
                        pair, a, t[calls / 2] / 1e6, t[calls * 9 / 10] / 1e6, t[calls - 1] / 1e6,
                        (statements - before) / (double) calls, total);
            }
        }
        BY_SQL.forEach((k, v) -> System.out.println(v[0] + " " + v[1] / v[0] + "us  " + k));
        System.exit(0);
    }
}
