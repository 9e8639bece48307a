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
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.port.UnitOfWork;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Workload 12: the académie's figures of the last complete school year through {@code ComputeStatistics}, grouped by
 * subject and by establishment, beside one plain statement computing the same figures (the target's baseline) and
 * beside a one-column count of the same requests, at each size of one bulk load that grows; at 100,000 requests on
 * PostgreSQL (and at the smallest size of a smoke run on H2 too), the CSV export of every request by the example
 * server ({@code GET /api/v1/requests.csv}, {@code -Xmx256m}), checked to give a line for each request stored, beside
 * the same rows read by plain JDBC and written to nowhere.
 */
final class FiguresWorkload {

    static final String NAME = "12 figures";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int SCHOOLS = 500;
    private static final String[] DEPARTMENTS = {"77", "93", "94"};
    private static final int EXPORTED = 100_000;
    private static final int EXPORTS = 3;
    private static final int ROWS = ComputeStatistics.MAX_ROWS + 1;
    /**
     * 20 calls or 2 s of warm-up, then up to 2,000 calls or 8 s but at least 100, so that a p99 at 1,000,000 requests
     * (about half a second a call) is not the maximum of ten calls.
     */
    private static final Sampling SAMPLING = new Sampling(20, Duration.ofSeconds(2), 2_000, 100,
            Duration.ofSeconds(8));

    private FiguresWorkload() {
    }

    static void run(RunSettings settings, Results results) throws Exception {
        results.note(NAME, "The bulk load of workload 2 (five school years, " + BulkLoader.ROOTS + " root subjects of "
                + BulkLoader.LEAVES + " leaves) filed from " + SCHOOLS + " schools of the directory (77, 93, 94), with "
                + "first answers, resolutions, dues and a survey score for a third of the resolved requests "
                + "(BulkLoader.withFigures); loaded once, grown from size to size. Period: the last complete school "
                + "year, a fifth of the requests. \"use case\": ComputeStatistics.compute by subject (rolled up to the "
                + BulkLoader.ROOTS + " roots) or by establishment, its statement then the names. \"raw figures\": the "
                + "same figures (filed, resolved, both medians, answers, scores, breaches) by one hand-written statement "
                + "by plain JDBC, a subject's root being its code up to the first dot: the target's baseline (use case "
                + "≤ 1.5 × raw figures at p99). \"one-column count\": SELECT key, COUNT(*) FROM requests WHERE "
                + "submitted_at in the year GROUP BY key by plain JDBC (by leaf subject), for information. Export: "
                + "GuichetServer (" + ChildJvm.MAX_HEAP + ", GC log) on the same database, "
                + "GET /api/v1/requests.csv?scope=all as an agent, " + EXPORTS + " times after one warm-up, beside the "
                + "same rows by plain JDBC (fetch size 500) written as CSV to nowhere; checked to give a line for each "
                + "request stored; on PostgreSQL, and on H2 in a smoke run only, the server then reaching the H2 file "
                + "through the workload's process (AUTO_SERVER), which is no measure of an embedded H2.");
        for (String kind : settings.databases()) {
            try (Database db = Database.create(kind); Stack stack = new Stack(db, 4)) {
                run(settings, results, db, stack);
            }
        }
    }

    private static void run(RunSettings settings, Results results, Database db, Stack stack) throws Exception {
        Person agent = new Person(PersonId.of("agent-0"), EmailAddress.of("agent0@ac-creteil.fr"),
                new PersonName("Alice", "Agent"), null, Set.of(Role.AGENT), Set.of(BulkLoader.group(0)), true);
        String password = UUID.randomUUID().toString();
        stack.load(BulkLoader.groups(), BulkLoader.catalog(), List.of(agent));
        List<Establishment> schools = schools();
        stack.get(UnitOfWork.class).run(() -> {
            stack.get(EstablishmentDirectory.class).saveAll(schools);
            stack.get(LocalAccounts.class).setPassword(agent.id(), password);
        });
        BulkLoader loader = BulkLoader.withFigures(stack.dataSource(), db.isPostgres(), Instant.now(),
                schools.stream().map(Establishment::uai).toList());
        ComputeStatistics figures = stack.ticketing().computeStatistics();
        SchoolYear year = new SchoolYear(SchoolYear.of(Instant.now(), PARIS).startYear() - 1);
        for (int size : settings.sizes()) {
            double seconds = loader.growTo(size);
            System.out.printf(Locale.ROOT, "%s: %d requests loaded in %.1f s%n", db.kind(), size, seconds);
            String scenario = db.kind() + ", " + size + " requests";
            for (StatisticsGrouping by : List.of(StatisticsGrouping.SUBJECT, StatisticsGrouping.ESTABLISHMENT)) {
                String key = by == StatisticsGrouping.SUBJECT ? "subject" : "establishment";
                String at = scenario + ", by " + key;
                double useCase = measure(settings, results, at + ", use case",
                        i -> figures.compute(agent, year.firstDay(), year.lastDay(), by, null));
                String statement = rawFigures(by, db.isPostgres());
                List<String> expected = figures.compute(agent, year.firstDay(), year.lastDay(), by, null).rows()
                        .stream().map(l -> line(l.key(), l.filed(), l.resolved(), l.satisfactionAnswers(),
                                l.satisfactionAverage(), l.breaches(), l.medianFirstAnswerHours(),
                                l.medianResolutionHours())).toList();
                List<String> rawLines = rawLines(stack, statement, year);
                results.check(NAME, at + ": raw figures give the use case's lines", rawLines.equals(expected),
                        firstDifference(expected, rawLines));
                double raw = measure(settings, results, at + ", raw figures",
                        i -> read(stack, statement, year, true));
                String count = "SELECT " + key + ", COUNT(*) FROM requests WHERE submitted_at >= ? AND "
                        + "submitted_at < ? GROUP BY " + key;
                double plain = measure(settings, results, at + ", one-column count",
                        i -> read(stack, count, year, false));
                double ratio = useCase / raw;
                results.add(NAME, at, "p99 use case / p99 raw figures (target ≤ 1.5)", ratio, "");
                results.add(NAME, at, "p99 use case / p99 one-column count (information)", useCase / plain, "");
                results.add(NAME, at, "p99 raw figures / p99 one-column count", raw / plain, "");
                results.check(NAME, at + ": p99 ≤ 1.5 × raw figures", ratio <= 1.5, String.format(Locale.ROOT,
                        "%.1f ms vs %.1f ms (×%.2f); one-column count %.1f ms (×%.2f)", useCase, raw, ratio, plain,
                        useCase / plain));
            }
            if (settings.smoke() ? size == settings.sizes().get(0) : db.isPostgres() && size == EXPORTED) {
                export(settings, results, db, scenario, password);
            }
        }
    }

    static List<Establishment> schools() {
        List<Establishment> schools = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            String department = DEPARTMENTS[i % DEPARTMENTS.length];
            String digits = "0" + department + String.format(Locale.ROOT, "%04d", i);
            schools.add(new Establishment(new Uai(digits + Uai.checkLetter(digits)), "Collège n° " + i, "Collège",
                    "Commune " + i, Department.parse(department)));
        }
        return schools;
    }

    /**
     * The figures of a period by one statement written by hand: its parameters are now, the period's start (the survey
     * answers given since), then the period's bounds; its rows those of the use case's statement.
     */
    private static String rawFigures(StatisticsGrouping by, boolean postgres) {
        String key = by == StatisticsGrouping.SUBJECT
                ? "CASE WHEN POSITION('.' IN r.subject) > 0 THEN SUBSTRING(r.subject, 1, POSITION('.' IN r.subject) - 1)"
                        + " ELSE r.subject END"
                : "COALESCE(r.establishment, '')";
        String closed = "r.status IN ('RESOLVED', 'CLOSED')";
        String stopped = "CASE WHEN " + closed + " AND r.resolved_at IS NOT NULL THEN r.resolved_at WHEN r.status = "
                + "'WAITING_FOR_REQUESTER' AND r.status_since IS NOT NULL THEN r.status_since ELSE n.now END";
        String median = "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s)";
        return "SELECT k, COUNT(*), SUM(closed), COUNT(score), COALESCE(SUM(score), 0), SUM(breached), "
                + String.format(median, "first_answer") + ", " + String.format(median, "resolution") + " FROM (SELECT "
                + key + " AS k, CASE WHEN " + closed + " THEN 1 ELSE 0 END AS closed, " + seconds("r.first_answer_at",
                postgres) + " AS first_answer, CASE WHEN " + closed + " THEN " + seconds("r.resolved_at", postgres)
                + " END AS resolution, s.score, CASE WHEN r.first_answer_due < COALESCE(r.first_answer_at, " + stopped
                + ") OR r.resolution_due < " + stopped + " THEN 1 ELSE 0 END AS breached FROM requests r "
                + "CROSS JOIN (SELECT CAST(? AS TIMESTAMP) AS now) n "
                + "LEFT JOIN (SELECT request_number, score FROM satisfaction_answers WHERE answered_at >= ?) s "
                + "ON s.request_number = r.number "
                + "WHERE r.submitted_at >= ? AND r.submitted_at < ?) b GROUP BY k ORDER BY COUNT(*) DESC, k"
                + (postgres ? " COLLATE \"C\"" : "") + " LIMIT " + ROWS;
    }

    private static String seconds(String column, boolean postgres) {
        return postgres ? "CAST(EXTRACT(EPOCH FROM (" + column + " - r.submitted_at)) AS DOUBLE PRECISION)"
                : "CAST(DATEDIFF(MICROSECOND, r.submitted_at, " + column + ") AS DOUBLE PRECISION) / 1000000";
    }

    /**
     * Runs {@code sql} over the school year and reads every row; {@code withNow}: the raw figures' parameters, now and
     * the year's start before its bounds.
     */
    private static void read(Stack stack, String sql, SchoolYear year, boolean withNow) {
        long[] rows = new long[1];
        query(stack, sql, year, withNow, rs -> rows[0] += rs.getLong(2));
        if (rows[0] == 0) {
            throw new IllegalStateException("no request that school year");
        }
    }

    /** Runs {@code sql} as {@link #read} says and hands each row to {@code row}. */
    private static void query(Stack stack, String sql, SchoolYear year, boolean withNow, Row row) {
        try (Connection c = stack.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            if (withNow) {
                p.setTimestamp(i++, utc(Instant.now()));
                p.setTimestamp(i++, utc(year.start(PARIS)));
            }
            p.setTimestamp(i++, utc(year.start(PARIS)));
            p.setTimestamp(i, utc(year.end(PARIS)));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row of a result set, read. */
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** The raw figures' rows as the use case's lines: averages and medians rounded as it rounds them. */
    private static List<String> rawLines(Stack stack, String sql, SchoolYear year) {
        List<String> lines = new ArrayList<>();
        query(stack, sql, year, true, rs -> {
            long answers = rs.getLong(4);
            lines.add(line(rs.getString(1).strip(), rs.getLong(2), rs.getLong(3), answers,
                    answers == 0 ? null : Math.round(10.0 * rs.getLong(5) / answers) / 10.0, rs.getLong(6),
                    hours(rs, 7), hours(rs, 8)));
        });
        return lines;
    }

    private static Double hours(ResultSet rs, int column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(seconds / 360.0) / 10.0;
    }

    /** How many lines, or the first line where the use case's and the raw figures differ. */
    private static String firstDifference(List<String> useCase, List<String> raw) {
        for (int i = 0; i < Math.max(useCase.size(), raw.size()); i++) {
            String a = i < useCase.size() ? useCase.get(i) : "none";
            String b = i < raw.size() ? raw.get(i) : "none";
            if (!a.equals(b)) {
                return "line " + (i + 1) + ": use case " + a + "; raw " + b;
            }
        }
        return useCase.size() + " lines";
    }

    private static String line(String key, long filed, long resolved, long answers, Double average, long breaches,
            Double firstAnswer, Double resolution) {
        return String.join(" ", key, "filed " + filed, "resolved " + resolved, "answers " + answers,
                "average " + average, "breaches " + breaches, "first answer " + firstAnswer + " h",
                "resolution " + resolution + " h");
    }

    /** The instant as the repositories store it: a timestamp without zone, in UTC. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(instant.atZone(ZoneOffset.UTC).toLocalDateTime());
    }

    private static double measure(RunSettings settings, Results results, String scenario,
            java.util.function.IntConsumer call) {
        Latencies latencies = (settings.smoke() ? Sampling.workbench(true) : SAMPLING).measure(call);
        latencies.report(results, NAME, scenario, false);
        return latencies.millisAt(99);
    }

    /**
     * The example server exports every request as CSV, {@link #EXPORTS} times after a warm-up, signed in as the agent;
     * then the same rows are read by plain JDBC and written as CSV to nowhere, as often.
     */
    private static void export(RunSettings settings, Results results, Database db, String scenario, String password)
            throws Exception {
        Path folder = Files.createTempDirectory("guichet-bench-export");
        int port = MailWorkload.freePort();
        fr.guichet.jdbc.JdbcConfig config = db.config(4);
        String at = scenario + ", CSV export of every request";
        double[] times = new double[EXPORTS];
        long[] lines = new long[1];
        long[] bytes = new long[1];
        try (ChildJvm server = ChildJvm.start("guichet-server-export", "fr.guichet.examples.GuichetServer",
                List.of(), Map.of("GUICHET_PORT", String.valueOf(port), "GUICHET_DATA_DIR",
                        folder.resolve("data").toString(), "GUICHET_BASE_URL", "http://127.0.0.1:" + port,
                        "GUICHET_DB_URL", config.url(), "GUICHET_DB_USER", config.user()), folder, port)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String session = signIn(http, server.base(), password);
            for (int i = -1; i < EXPORTS; i++) {
                long start = System.nanoTime();
                long[] counted = exportOnce(http, server.base(), session);
                if (i >= 0) {
                    times[i] = (System.nanoTime() - start) / 1e9;
                }
                lines[0] = counted[0];
                bytes[0] = counted[1];
            }
            double[] gc = server.gcLog();
            results.add(NAME, at, "lines (header included)", lines[0], "count");
            results.add(NAME, at, "size", bytes[0] / 1048576.0, "MiB");
            Arrays.sort(times);
            results.add(NAME, at, "time, fastest", times[0], "s");
            results.add(NAME, at, "time, slowest", times[EXPORTS - 1], "s");
            results.add(NAME, at, "peak heap used (before a GC), whole server run", gc[0], "MiB");
            results.add(NAME, at, "largest heap after a GC, whole server run", gc[1], "MiB");
            results.add(NAME, at, "collections", gc[2], "count");
            results.add(NAME, at, "heap used at the end (jcmd)", server.heapInUseMib(), "MiB");
            long stored = stored(config);
            results.check(NAME, at + ": a line for each of the " + stored + " requests stored, streamed with "
                    + ChildJvm.MAX_HEAP, server.alive() && server.noOutOfMemory() && lines[0] - 1 == stored,
                    String.format(Locale.ROOT, "%d lines after the header; slowest %.2f s, peak heap %.0f MiB",
                            lines[0] - 1, times[EXPORTS - 1], gc[0]));
        } finally {
            Database.deleteFolder(folder);
        }
        double[] plain = new double[EXPORTS];
        for (int i = 0; i < EXPORTS; i++) {
            long start = System.nanoTime();
            plainExport(config);
            plain[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(plain);
        results.add(NAME, scenario + ", the same rows by plain JDBC to nowhere", "time, fastest", plain[0], "s");
        results.add(NAME, scenario + ", the same rows by plain JDBC to nowhere", "time, slowest", plain[EXPORTS - 1],
                "s");
        results.add(NAME, at, "slowest export / slowest plain JDBC", times[EXPORTS - 1] / plain[EXPORTS - 1], "");
    }

    private static String signIn(HttpClient http, URI base, String password) throws IOException,
            InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identifier\":\"agent-0\",\"password\":\"" + password + "\",\"remember\":false}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in gave " + r.statusCode() + ": " + r.body());
        }
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("GUICHET_SESSION="))
                .map(c -> c.substring("GUICHET_SESSION=".length()).split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    /** {lines, bytes} of one export, read as it streams and dropped. */
    private static long[] exportOnce(HttpClient http, URI base, String session) throws IOException,
            InterruptedException {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/requests.csv?scope=all"))
                .header("Cookie", "GUICHET_SESSION=" + session).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the export gave " + r.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[65_536];
        try (InputStream in = r.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[] {lines, bytes};
    }

    /** How many requests the database holds: the lines an export of every request gives after its header. */
    private static long stored(fr.guichet.jdbc.JdbcConfig config) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(config.url(), config.user(), config.password());
                PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM requests");
                ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every request's exported columns, newest first, by plain JDBC in batches of 500, written as CSV to nowhere. */
    private static void plainExport(fr.guichet.jdbc.JdbcConfig config) throws SQLException, IOException {
        try (Connection c = java.sql.DriverManager.getConnection(config.url(), config.user(), config.password());
                Writer out = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SELECT r.number, r.submitted_at, r.summary, r.subject, "
                    + "r.type, r.status, r.visibility, r.establishment, e.name, r.requester_given, r.requester_family, "
                    + "r.assignee, r.updated_at FROM requests r LEFT JOIN establishments e ON e.uai = r.establishment "
                    + "ORDER BY r.submitted_at DESC, r.number DESC")) {
                p.setFetchSize(500);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 13; i++) {
                            String value = rs.getString(i);
                            out.write(value == null ? "" : value);
                            out.write(i < 13 ? ';' : '\n');
                        }
                    }
                }
            }
            c.commit();
        }
    }
}
