package fr.guichet.benchmarks;

import fr.guichet.core.application.ComputeStatistics;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.port.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Workload 12: the académie's figures of the current school year through {@code ComputeStatistics}, grouped by subject
 * and by establishment, beside the plain GROUP BY counting the same requests, at each size of the bulk-loaded table.
 */
final class FiguresWorkload {

    static final String NAME = "12 figures";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int SCHOOLS = 500;
    private static final String[] DEPARTMENTS = {"77", "93", "94"};

    private FiguresWorkload() {
    }

    static void run(RunSettings settings, Results results) throws SQLException {
        results.note(NAME, "The bulk load of workload 2 (five school years, " + BulkLoader.ROOTS + " root subjects of "
                + BulkLoader.LEAVES + " leaves), its requests then spread over " + SCHOOLS + " schools of the "
                + "directory (77, 93, 94) by one UPDATE. \"use case\": ComputeStatistics.compute for the current school "
                + "year, by subject (rolled up to the 30 roots) or by establishment: one statement counting filed, "
                + "resolved and open requests, both medians (PERCENTILE_CONT), survey answers and breaches, then the "
                + "names. \"raw GROUP BY\": SELECT key, COUNT(*) FROM requests WHERE submitted_at in the year GROUP BY "
                + "key, by plain JDBC: the floor of grouping these rows.");
        SchoolYear year = SchoolYear.of(Instant.now(), PARIS);
        for (String kind : settings.databases()) {
            try (Database db = Database.create(kind); Stack stack = new Stack(db, 4)) {
                Person agent = new Person(PersonId.of("agent-0"), EmailAddress.of("agent0@ac-creteil.fr"),
                        new PersonName("Alice", "Agent"), null, Set.of(Role.AGENT), Set.of(BulkLoader.group(0)), true);
                stack.load(BulkLoader.groups(), BulkLoader.catalog(), List.of(agent));
                List<Establishment> schools = schools();
                stack.get(UnitOfWork.class).run(() -> stack.get(EstablishmentDirectory.class).saveAll(schools));
                BulkLoader loader = new BulkLoader(stack.dataSource(), db.isPostgres(), Instant.now());
                ComputeStatistics figures = stack.ticketing().computeStatistics();
                for (int size : settings.sizes()) {
                    double seconds = loader.growTo(size);
                    spread(stack, schools, db.isPostgres());
                    System.out.printf(Locale.ROOT, "%s: %d requests loaded in %.1f s%n", kind, size, seconds);
                    String scenario = kind + ", " + size + " requests";
                    for (StatisticsGrouping by : List.of(StatisticsGrouping.SUBJECT,
                            StatisticsGrouping.ESTABLISHMENT)) {
                        String key = by == StatisticsGrouping.SUBJECT ? "subject" : "establishment";
                        double useCase = measure(settings, results, scenario + ", by " + key + ", use case",
                                i -> figures.compute(agent, year.firstDay(), year.lastDay(), by, null));
                        String raw = "SELECT " + key + ", COUNT(*) FROM requests WHERE submitted_at >= ? AND "
                                + "submitted_at < ? GROUP BY " + key;
                        double plain = measure(settings, results, scenario + ", by " + key + ", raw GROUP BY",
                                i -> rawCount(stack, raw, year));
                        double ratio = useCase / plain;
                        results.add(NAME, scenario + ", by " + key, "p99 use case / p99 raw GROUP BY", ratio, "");
                        results.check(NAME, scenario + ", by " + key + ": p99 ≤ 1.5 × raw GROUP BY", ratio <= 1.5,
                                String.format(Locale.ROOT, "%.1f ms vs %.1f ms (×%.2f)", useCase, plain, ratio));
                    }
                }
            }
        }
    }

    private static List<Establishment> schools() {
        List<Establishment> schools = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            String department = DEPARTMENTS[i % DEPARTMENTS.length];
            String digits = "0" + department + String.format(Locale.ROOT, "%04d", i);
            schools.add(new Establishment(new Uai(digits + Uai.checkLetter(digits)), "Collège n° " + i, "Collège",
                    "Commune " + i, Department.parse(department)));
        }
        return schools;
    }

    /** Gives each request one of the schools, by its number, as one set-based UPDATE through a table of them. */
    private static void spread(Stack stack, List<Establishment> schools, boolean postgres) throws SQLException {
        try (Connection c = stack.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_schools (i INTEGER PRIMARY KEY, uai CHAR(8) NOT NULL)");
            s.execute("DELETE FROM bench_schools");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_schools (i, uai) VALUES (?, ?)")) {
                for (int i = 0; i < schools.size(); i++) {
                    p.setInt(1, i);
                    p.setString(2, schools.get(i).uai().value());
                    p.addBatch();
                }
                p.executeBatch();
            }
            s.executeUpdate("UPDATE requests SET establishment = (SELECT uai FROM bench_schools b WHERE b.i = "
                    + "MOD(requests.number, " + schools.size() + "))");
            s.execute(postgres ? "VACUUM ANALYZE requests" : "ANALYZE TABLE requests");
        }
    }

    private static void rawCount(Stack stack, String sql, SchoolYear year) {
        try (Connection c = stack.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setTimestamp(1, utc(year.start(PARIS)));
            p.setTimestamp(2, utc(year.end(PARIS)));
            long rows = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows += rs.getLong(2);
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("no request this school year");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instant as the repositories store it: a timestamp without zone, in UTC. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(instant.atZone(ZoneOffset.UTC).toLocalDateTime());
    }

    private static double measure(RunSettings settings, Results results, String scenario,
            java.util.function.IntConsumer call) {
        Latencies latencies = Sampling.workbench(settings.smoke()).measure(call);
        latencies.report(results, NAME, scenario, false);
        return latencies.millisAt(99);
    }
}
