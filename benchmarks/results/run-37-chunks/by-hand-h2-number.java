package fr.guichet.benchmarks;

import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * By hand, run-37: the tail of a search by number at 1M on H2 (library calls and plain reads of rows not read before),
 * at H2's cache size and at a larger one; and the probe by number of a common word's postings.
 */
final class ByHandNumber {

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Database db = Database.create("h2");
        Stack stack = new Stack(db, 4);
        List<Person> staff = IntStream.range(0, 40).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName("A", "B" + i), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
        stack.load(BulkLoader.groups(), BulkLoader.catalog(), staff);
        BulkLoader loader = new BulkLoader(stack.dataSource(), false, Instant.now());
        System.out.println("loaded in " + loader.growTo(size));
        ListQueue queue = stack.ticketing().listQueue();
        String cols = "number, summary, subject, type, status, visibility, submitted_at, updated_at, establishment, "
                + "requester_id, requester_given, requester_family, assigned_group, assignee, last_activity_at, "
                + "last_activity_by, last_activity_staff, reopened, first_answer_at, first_answer_due, resolution_due, "
                + "due_order";
        try (Connection c = stack.dataSource().getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE '%CACHE%'")) {
                while (rs.next()) {
                    System.out.println(rs.getString(1) + " = " + rs.getString(2));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT word FROM search_words WHERE word LIKE 'lef%' OR word LIKE 'sal%' ORDER BY word LIMIT 10")) {
                while (rs.next()) {
                    System.out.println("vocabulary: " + rs.getString(1));
                }
            }
            for (int round = 0; round < 2; round++) {
                int salt = round * 2;
                measure("library search by number (cache round " + round + ")", 2000, i -> queue.list(
                        staff.get(i % 10), new QueueFilter(false, Set.of(), null, null, null,
                                String.valueOf(number(i, salt, size)), null), PageRequest.first()));
                measure("plain read of a row not read before (cache round " + round + ")", 2000, i -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT " + cols + " FROM requests WHERE number = ?")) {
                        s.setLong(1, number(i, salt + 1, size));
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                if (round == 0) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET CACHE_SIZE 262144");
                    }
                    System.out.println("SET CACHE_SIZE 262144 (256 MB)");
                }
            }
            String group = BulkLoader.group(0).value();
            List<Long> kept = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT number FROM request_words USE INDEX "
                    + "(request_words_newest) WHERE word = (SELECT MIN(word) FROM search_words WHERE word LIKE 'lef_vre') "
                    + "ORDER BY word, submitted_at DESC, number DESC LIMIT 101")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        kept.add(rs.getLong(1));
                    }
                }
            }
            String in = kept.stream().map(String::valueOf).collect(Collectors.joining(","));
            for (String table : List.of("request_words", "request_words USE INDEX (request_words_by_number)")) {
                try (PreparedStatement s = c.prepareStatement("EXPLAIN SELECT number FROM " + table
                        + " WHERE word IN ('salle') AND number IN (" + in + ", ?)")) {
                    s.setLong(1, -1);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        System.out.println(rs.getString(1).replaceAll("\\s+", " "));
                    }
                }
                measure("probe of 'salle' for " + kept.size() + " holders of 'lefevre' in a group, FROM " + table, 300,
                        i -> {
                            try (PreparedStatement s = c.prepareStatement("SELECT number FROM " + table
                                    + " WHERE word IN ('salle') AND number IN (" + in + ", ?)")) {
                                s.setLong(1, -1 - i);
                                try (ResultSet rs = s.executeQuery()) {
                                    while (rs.next()) {
                                        rs.getLong(1);
                                    }
                                }
                            } catch (Exception e) {
                                throw new RuntimeException(e);
                            }
                        });
            }
        }
        for (boolean inQueue : List.of(true, false)) {
            measure("library search 'Lefèvre salle', 'Mercier salle', 'Benali salle', " + (inQueue ? "queue" : "all"),
                    400, i -> queue.list(staff.get(i % 10), new QueueFilter(inQueue, Set.of(), null, null, null,
                            List.of("Lefèvre salle", "Mercier salle", "Benali salle").get(i % 3), null),
                            PageRequest.first()));
        }
        stack.close();
        db.close();
    }

    private static long number(int i, int salt, int size) {
        return 1 + Math.floorMod(i * 7919L + salt * 104_729L, size);
    }

    private static void measure(String what, int calls, IntConsumer call) {
        for (int i = 0; i < calls; i++) {
            call.accept(calls + i);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            times.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf("%s: p50 %.3f ms, p90 %.3f, p99 %.3f, max %.3f; over 0.5 ms: %d of %d%n", what,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10), sorted.get(sorted.size() * 99 / 100),
                sorted.get(sorted.size() - 1), sorted.stream().filter(t -> t > 0.5).count(), calls);
    }
}
