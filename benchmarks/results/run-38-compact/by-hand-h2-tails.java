package fr.guichet.benchmarks;

import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.PageRequest;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** By hand, run-38: where the tails of the workbench's fast calls come from on H2 (GC, combination, size). */
final class ByHandTails {

    static final List<GarbageCollectorMXBean> GCS = ManagementFactory.getGarbageCollectorMXBeans();

    static long gcCount() {
        return GCS.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    static long gcMillis() {
        return GCS.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.create("h2");
        Stack stack = new Stack(db, 4);
        List<Person> staff = IntStream.range(0, 40).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName("A", "B" + i), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
        stack.load(BulkLoader.groups(), BulkLoader.catalog(), staff);
        BulkLoader loader = new BulkLoader(stack.dataSource(), false, Instant.now());
        ListQueue queue = stack.ticketing().listQueue();
        List<String> pairs = SupportVocabulary.WORD_PAIRS;
        List<String> names = SupportVocabulary.SEARCHED_NAMES;
        for (String s : args) {
            int size = Integer.parseInt(s);
            System.out.println("== " + size + " loaded in " + loader.growTo(size) + " s");
            for (int round = 0; round < 2; round++) {
                measure(size + " two words, queue r" + round, i -> (i % 10) + "/" + pairs.get(i % 4),
                        i -> queue.list(staff.get(i % 10), new QueueFilter(true, Set.of(), null, null, null,
                                pairs.get(i % 4), null), PageRequest.first()));
                measure(size + " name, queue r" + round, i -> (i % 10) + "/" + names.get(i % names.size()),
                        i -> queue.list(staff.get(i % 10), new QueueFilter(true, Set.of(), null, null, null,
                                names.get(i % names.size()), null), PageRequest.first()));
                int salt = round;
                measure(size + " number r" + round, i -> "n",
                        i -> queue.list(staff.get(i % 10), new QueueFilter(false, Set.of(), null, null, null,
                                String.valueOf(1 + Math.floorMod(i * 7919L + salt * 104729L, size)), null),
                                PageRequest.first()));
            }
        }
        System.exit(0);
    }

    static final long JVM_START = System.nanoTime()
            - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;

    static Runnable probe = () -> { };

    static void measure(String label, IntFunction<String> combo, IntConsumer call) {
        for (int i = 0; i < 200; i++) {
            call.accept(i);
        }
        probe.run();
        int n = 2000;
        long[] nanos = new long[n];
        boolean[] gc = new boolean[n];
        List<String> slowAt = new ArrayList<>();
        long gcBefore = gcMillis();
        long start0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long c = gcCount();
            long t = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - t;
            if (nanos[i] > 2_000_000 && slowAt.size() < 60) {
                slowAt.add(String.format(Locale.ROOT, "%.3f:%.1f", (t - JVM_START) / 1e9, nanos[i] / 1e6));
            }
            gc[i] = gcCount() != c;
        }
        double wall = (System.nanoTime() - start0) / 1e6;
        probe.run();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        List<Long> noGc = new ArrayList<>();
        int gcHits = 0;
        for (int i = 0; i < n; i++) {
            if (gc[i]) {
                gcHits++;
            } else {
                noGc.add(nanos[i]);
            }
        }
        noGc.sort(null);
        Map<String, List<Long>> byCombo = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byCombo.computeIfAbsent(combo.apply(i), k -> new ArrayList<>()).add(nanos[i]);
        }
        System.out.printf(Locale.ROOT, "%s: p50 %.3f p99 %.3f max %.3f ms; wall %.0f ms, gc %d ms in %d calls;"
                        + " without them p99 %.3f%n", label, sorted[n / 2] / 1e6, sorted[n * 99 / 100] / 1e6,
                sorted[n - 1] / 1e6, wall, gcMillis() - gcBefore, gcHits, noGc.get(noGc.size() * 99 / 100) / 1e6);
        if (byCombo.size() > 1) {
            StringBuilder sb = new StringBuilder("   combos p50/p90/max:");
            byCombo.forEach((k, v) -> {
                v.sort(null);
                sb.append(String.format(Locale.ROOT, " %s %.2f/%.2f/%.1f", k, v.get(v.size() / 2) / 1e6,
                        v.get(v.size() * 9 / 10) / 1e6, v.get(v.size() - 1) / 1e6));
            });
            System.out.println(sb);
        }
        StringBuilder slow = new StringBuilder("   slowest:");
        Integer[] idx = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, (a, b) -> Long.compare(nanos[b], nanos[a]));
        for (int k = 0; k < 25; k++) {
            int i = idx[k];
            slow.append(String.format(Locale.ROOT, " #%d %s %.2f%s", i, combo.apply(i), nanos[i] / 1e6,
                    gc[i] ? "gc" : ""));
        }
        System.out.println(slow);
        System.out.println("   slow at uptime s: " + slowAt);
    }
}
