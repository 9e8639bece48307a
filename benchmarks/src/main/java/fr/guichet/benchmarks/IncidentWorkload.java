package fr.guichet.benchmarks;

import fr.guichet.core.application.Filing;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.examples.DemoData;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Workload 7, bulk changes and incidents (issue 15): on a fresh database, the time and database work of filing
 * requests one by one, of resolving as many through one {@code ChangeStatus} call each (what the bulk endpoint does),
 * and of resolving an incident once with as many children (resolved and notified in the same transaction), with
 * the {@code REQUEST_RESOLVED} mails each queues checked.
 */
final class IncidentWorkload {

    static final String NAME = "7 bulk changes and incidents";
    private static final String RESOLUTION = "Le webmail fonctionne de nouveau : le service a été redémarré.";
    private static final String RESOLVED_MAILS = "SELECT COUNT(*) FROM outbox WHERE template = 'REQUEST_RESOLVED' "
            + "AND request_number <> ?";

    /** What the database did between two readings: statements on H2; commits, rows written and read on PostgreSQL. */
    private record Counters(long statements, long commits, long written, long read) {

        Counters minus(Counters before) {
            return new Counters(statements - before.statements, commits - before.commits, written - before.written,
                    read - before.read);
        }
    }

    private IncidentWorkload() {
    }

    static void run(RunSettings settings, Results results) throws SQLException, InterruptedException, IOException {
        int count = settings.smoke() ? 50 : 1_000;
        results.note(NAME, "One fresh database per database kind, the demo catalog and staff, " + count + " requests "
                + "filed by FilingBenchmark.throughCore, one call after the other on one thread. \"bulk resolve\": "
                + "one ChangeStatus to RESOLVED with a comment per request, each its own transaction, as POST "
                + "/requests/bulk runs them (the requests moved to IN_PROGRESS first). \"incident\": one request "
                + "filed as the incident, " + count + " children linked to it one by one, then one ChangeStatus of "
                + "the incident to RESOLVED, which resolves every child and queues its mail in the same transaction. "
                + "Statements are counted on H2 (INFORMATION_SCHEMA.QUERY_STATISTICS, commits included); on "
                + "PostgreSQL pg_stat_database gives commits, rows written (inserted + updated) and rows read "
                + "(returned + fetched), read 2 s after the work so that every connection has reported.");
        Person staff = DemoData.people().stream().filter(p -> p.id().value().equals("agent1")).findFirst()
                .orElseThrow();
        StringBuilder statements = new StringBuilder();
        for (String kind : settings.databases()) {
            FilingBenchmark bench = new FilingBenchmark();
            bench.database = kind;
            bench.setUp();
            try {
                Ticketing ticketing = bench.stack().ticketing();
                DataSource data = bench.dataSource();
                List<RequestNumber> requests = new ArrayList<>();
                measure(results, statements, data, kind, "filing", count, () -> {
                    for (int i = 0; i < count; i++) {
                        requests.add(file(bench));
                    }
                });
                requests.forEach(n -> ticketing.changeStatus().change(staff, n, Status.IN_PROGRESS, null, null));
                long mailsBefore = resolvedMails(data, 0);
                measure(results, statements, data, kind, "bulk resolve", count, () -> requests.forEach(
                        n -> ticketing.changeStatus().change(staff, n, Status.RESOLVED, RESOLUTION, null)));
                checkMails(results, kind, "bulk resolve", resolvedMails(data, 0) - mailsBefore, count);

                RequestNumber incident = file(bench);
                ticketing.changeStatus().change(staff, incident, Status.IN_PROGRESS, null, null);
                List<RequestNumber> children = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    children.add(file(bench));
                }
                String parent = String.valueOf(incident.value());
                measure(results, statements, data, kind, "incident: link a child", count, () -> children.forEach(
                        n -> ticketing.linkRequest().link(staff, n, parent, null)));
                long childMailsBefore = resolvedMails(data, incident.value());
                measure(results, statements, data, kind, "incident: resolve, per child", count,
                        () -> ticketing.changeStatus().change(staff, incident, Status.RESOLVED, RESOLUTION, null));
                checkMails(results, kind, "incident resolution", resolvedMails(data, incident.value())
                        - childMailsBefore, count);
            } finally {
                bench.tearDown();
            }
        }
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("statements-incidents-h2.txt"), statements);
            }

    private static RequestNumber file(FilingBenchmark bench) {
        return ((Filing) bench.throughCore()).details().request().summaryLine().number();
    }

    /**
     * Runs {@code work} once and records its total time, and its time and database work per unit of {@code units};
     * on H2 appends each statement it ran to {@code statements}.
     */
    private static void measure(Results results, StringBuilder statements, DataSource data, String kind,
            String label, int units, Runnable work) throws SQLException, InterruptedException {
        restartCounting(data, kind);
        Counters before = counters(data, kind);
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Counters done = counters(data, kind).minus(before);
        String scenario = kind + ", " + label + " (" + units + ")";
        results.add(NAME, scenario, "total time", seconds, "s");
        results.add(NAME, scenario, "time per request", seconds * 1000 / units, "ms");
        if (kind.equals("h2")) {
            results.add(NAME, scenario, "statements per request", (double) done.statements() / units, "");
            statements.append("## ").append(scenario).append(": executions per request\n")
                    .append(statementsRun(data, units)).append('\n');
        } else {
            results.add(NAME, scenario, "commits per request", (double) done.commits() / units, "");
            results.add(NAME, scenario, "rows written per request", (double) done.written() / units, "");
            results.add(NAME, scenario, "rows read per request", (double) done.read() / units, "");
        }
    }

    private static void checkMails(Results results, String kind, String label, long queued, int expected) {
        results.add(NAME, kind + ", " + label, "REQUEST_RESOLVED mails queued", queued, "mails");
        results.check(NAME, kind + " " + label + ": one REQUEST_RESOLVED mail queued per request", queued == expected,
                queued + " of " + expected);
    }

    private static long resolvedMails(DataSource data, long except) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement p = c.prepareStatement(RESOLVED_MAILS)) {
            p.setLong(1, except);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** On H2, empties the statistics of statements and starts them again. */
    private static void restartCounting(DataSource data, String kind) throws SQLException {
        if (kind.equals("h2")) {
            try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
                s.execute("SET QUERY_STATISTICS FALSE");
                s.execute("SET QUERY_STATISTICS TRUE");
            }
        }
    }

    /** On H2, each statement run since {@link #restartCounting} with its executions per unit, most run first. */
    private static String statementsRun(DataSource data, int units) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT EXECUTION_COUNT, SQL_STATEMENT FROM "
                        + "INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' "
                        + "ORDER BY EXECUTION_COUNT DESC, SQL_STATEMENT")) {
            while (rs.next()) {
                out.append(String.format(Locale.ROOT, "%8.3f  %s%n", rs.getDouble(1) / units,
                        rs.getString(2).replaceAll("\\s+", " ")));
            }
        }
        return out.toString();
    }

    private static Counters counters(DataSource data, String kind) throws SQLException, InterruptedException {
        if (kind.equals("h2")) {
            return read(data, "SELECT COALESCE(SUM(EXECUTION_COUNT), 0), 0, 0, 0 "
                    + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'",
                    null);
        }
        Thread.sleep(2_000);
        return read(data, "SELECT 0, xact_commit, tup_inserted + tup_updated, tup_returned + tup_fetched "
                + "FROM pg_stat_database WHERE datname = current_database()", "SELECT pg_stat_clear_snapshot()");
    }

    /** Runs {@code clear} (when not null), then reads the four counters with {@code sql}. */
    private static Counters read(DataSource data, String sql, String clear) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            if (clear != null) {
                s.execute(clear);
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }
}
