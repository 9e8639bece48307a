package fr.guichet.benchmarks;

import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** By hand, run-36: where a search by two words spends its time on H2, by sampling the calling thread's stack. */
final class ByHandH2Words {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int size = Integer.parseInt(args[1]);
        Database db = Database.create(kind);
        Stack stack = new Stack(db, 4);
        List<Person> staff = IntStream.range(0, 40).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName(
                        SupportVocabulary.GIVEN_NAMES.get(i % SupportVocabulary.GIVEN_NAMES.size()),
                        SupportVocabulary.FAMILY_NAMES.get(SupportVocabulary.FAMILY_NAMES.size() - 1 - i)), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
        stack.load(BulkLoader.groups(), BulkLoader.catalog(), staff);
        BulkLoader loader = new BulkLoader(stack.dataSource(), kind.equals("postgresql"), Instant.now());
        System.out.println("loaded in " + loader.growTo(size));
        ListQueue queue = stack.ticketing().listQueue();
        Thread me = Thread.currentThread();
        for (boolean inQueue : List.of(true, false)) {
            Map<String, Integer> frames = new java.util.concurrent.ConcurrentHashMap<>();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (StackTraceElement e : me.getStackTrace()) {
                        if (e.getClassName().startsWith("fr.guichet.jdbc")) {
                            frames.merge(e.getClassName().replace("fr.guichet.jdbc.", "") + "." + e.getMethodName()
                                    + ":" + e.getLineNumber(), 1, Integer::sum);
                            break;
                        }
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException x) {
                        return;
                    }
                }
            });
            sampler.start();
            List<Double> times = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                QueueFilter filter = new QueueFilter(inQueue, Set.of(), null, null, null,
                        SupportVocabulary.WORD_PAIRS.get(i % 4), null);
                long start = System.nanoTime();
                queue.list(staff.get(i % 10), filter, PageRequest.first());
                times.add((System.nanoTime() - start) / 1e6);
            }
            sampler.interrupt();
            sampler.join();
            List<Double> sorted = times.stream().sorted().toList();
            System.out.printf("%s cycling: p50 %.1f ms, max %.1f ms%n", inQueue ? "queue" : "all",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
            frames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                    .forEach(e -> System.out.println("   " + e.getValue() + " " + e.getKey()));
        }
        stack.close();
        db.close();
    }
}
