package fr.guichet.benchmarks;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

final class ByHandSince {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int size = Integer.parseInt(args[1]);
        Database db = Database.create(kind);
        Stack stack = new Stack(db, 4);
        List<Person> staff = IntStream.range(0, 40).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName("A", "B" + i), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
        stack.load(BulkLoader.groups(), BulkLoader.catalog(), staff);
        BulkLoader loader = new BulkLoader(stack.dataSource(), kind.equals("postgresql"), Instant.now());
        System.out.println("loaded in " + loader.growTo(size));
        try (Connection c = stack.dataSource().getConnection()) {
            for (int chunk : new int[] {101, 296, 1000}) {
                for (int g = 0; g < 3; g++) {
                    String group = BulkLoader.group(g).value();
                    List<Long> kept = new ArrayList<>();
                    Timestamp since = null;
                    try (PreparedStatement s = c.prepareStatement("SELECT number, submitted_at FROM request_words USE INDEX (request_words_group) WHERE word = 'wifi' AND assigned_group = ? ORDER BY word, assigned_group, submitted_at DESC, number DESC LIMIT " + chunk)) {
                        s.setString(1, group);
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) { kept.add(rs.getLong(1)); since = rs.getTimestamp(2); }
                        }
                    }
                    String in = kept.stream().map(String::valueOf).collect(Collectors.joining(","));
                    int cap = 10 * chunk;
                    String range = "SELECT number AS matched, submitted_at AS matched_at FROM request_words USE INDEX (request_words_group) WHERE word = 'salle' AND assigned_group = ? AND submitted_at >= ? ORDER BY word, assigned_group, submitted_at DESC, number DESC LIMIT " + cap;
                    String a = "SELECT DISTINCT matched, matched_at FROM ((" + range + ")) ranges ORDER BY matched_at DESC, matched DESC LIMIT " + cap;
                    String b = "SELECT matched FROM ((" + range + ")) ranges";
                    String cc = "SELECT matched FROM ((" + range + ")) ranges WHERE matched IN (" + in + ")";
                    String d = "SELECT number FROM request_words WHERE word IN ('salle') AND number IN (" + in + ") AND number > ?";
                    for (String[] q : new String[][] {{"A distinct-ordered", a}, {"B plain", b}, {"C in-filter", cc}, {"D probe", d}}) {
                        List<Double> t = new ArrayList<>();
                        int rows = 0;
                        for (int i = 0; i < 300; i++) {
                            final int ii = i;
                            long start = System.nanoTime();
                            try (PreparedStatement s = c.prepareStatement(q[1])) {
                                if (!q[0].startsWith("D")) { s.setString(1, group); s.setTimestamp(2, new Timestamp(since.getTime() - i)); }
                                if (q[0].startsWith("D")) { s.setLong(1, -1 - i); }
                                rows = 0;
                                try (ResultSet rs = s.executeQuery()) { while (rs.next()) { rows++; } }
                            }
                            if (i >= 50) { t.add((System.nanoTime() - start) / 1e6); }
                        }
                        List<Double> sorted = t.stream().sorted().toList();
                        System.out.printf("chunk %d group %d %s: rows %d p50 %.2f ms p99 %.2f ms%n", chunk, g, q[0], rows,
                                sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100));
                    }
                }
            }
        }
        stack.close();
        db.close();
    }
}
