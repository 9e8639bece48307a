package fr.guichet.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.examples.DemoData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Fills {@code requests} server-side with one INSERT ... SELECT per chunk (PostgreSQL's {@code generate_series}, H2's
 * {@code SYSTEM_RANGE}), with a spread that holds at every size: {@value #REQUESTERS} requesters with French names,
 * {@value #ROOTS} root subjects of {@value #LEAVES} leaves each across {@value #GROUPS} support groups, submissions
 * spread evenly over the last five years; requests older than 60 days are resolved or closed, recent ones in every open
 * status. Summaries and descriptions come from {@link SupportVocabulary}, and each row's search text and last activity
 * are written as Guichet writes them ({@code Request.searchText()}, {@code RequestSummary.lastActivity()}, the words
 * of the school they are all filed from, which the directory holds): the names and texts, normalised in Java, are read
 * from two small tables ({@code bench_names}, {@code bench_texts}) that the load joins. {@link #withFigures} adds what
 * the académie's figures read.
 */
final class BulkLoader {

    static final int REQUESTERS = 20_000;
    static final int ROOTS = 30;
    static final int LEAVES = 9;
    static final int GROUPS = 10;
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 86_400;
    /**
     * ticketing-jdbc's V30 indexes of the postings by filing time (name, columns): {@link #growTo} drops them and
     * builds them again once its rows are written, since the bulk rows' random filing times make them slower to
     * write row by row than the whole load without them (1M requests on PostgreSQL: 1,622 s with them).
     */
    private static final Map<String, String> POSTINGS_BY_FILING = new LinkedHashMap<>(Map.of(
            "request_words_group", "word, assigned_group, submitted_at DESC, number DESC",
            "request_words_assignee", "word, assignee, submitted_at DESC, number DESC, assigned_group",
            "request_words_newest", "word, submitted_at DESC, number DESC"));
    /** ticketing-jdbc's recount of the tallies of a queue's counts, as V31 fills them: {@link #finish} runs it. */
    private static final String TALLIES = "INSERT INTO request_tallies (assigned_group, assignee, status, "
            + "last_activity_staff, reopened, requests) SELECT assigned_group, COALESCE(assignee, ''), status, "
            + "COALESCE(last_activity_staff, FALSE), reopened, COUNT(*) FROM requests GROUP BY assigned_group, "
            + "COALESCE(assignee, ''), status, COALESCE(last_activity_staff, FALSE), reopened";
    private static final long RECENT_SECONDS = 60L * 86_400;
    private static final int CHUNK = 50_000;
    /** The largest number written zero-padded to 7 digits, as {@code RequestNumber.display()} does. */
    private static final long LARGEST = 9_999_999;

    private static final int NAMES = SupportVocabulary.GIVEN_NAMES.size() * SupportVocabulary.FAMILY_NAMES.size();
    private static final int TEXTS = SupportVocabulary.OBJECTS.size() * SupportVocabulary.PROBLEMS.size()
            * SupportVocabulary.PLACES.size();
    /**
     * Whether the staff acted last, by phase (0 to 4 the recent NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_REQUESTER and
     * RESOLVED, 5 the old ones): the requester for a new or routed request and for a third of those in progress
     * (they followed up), the staff otherwise.
     */
    private static final String STAFF_LAST = "(phase >= 3 OR (phase = 2 AND MOD(g, 3) <> 0))";
    private static final String NAMES_TABLE = """
            CREATE TABLE bench_names (id INTEGER PRIMARY KEY, given VARCHAR(255) NOT NULL,
                family VARCHAR(255) NOT NULL, search_text VARCHAR(600) NOT NULL)""";
    private static final String TEXTS_TABLE = """
            CREATE TABLE bench_texts (id INTEGER PRIMARY KEY, summary VARCHAR(255) NOT NULL,
                description VARCHAR(1000) NOT NULL, search_text VARCHAR(2000) NOT NULL)""";
    private static final String INSERT_NAME = "INSERT INTO bench_names (id, given, family, search_text) "
            + "VALUES (?, ?, ?, ?)";
    private static final String INSERT_TEXT = "INSERT INTO bench_texts (id, summary, description, search_text) "
            + "VALUES (?, ?, ?, ?)";
    /**
     * The school every bulk request is filed from, in the directory of establishments as the demo's import writes it,
     * so that loading the demo data over the bulk data leaves the school and its requests' words as they are.
     */
    private static final Establishment SCHOOL = DemoData.establishments().stream()
            .filter(e -> e.uai().equals(Uai.parse("0941295X"))).findFirst().orElseThrow();
    private static final String INSERT_SCHOOL = "INSERT INTO establishments (uai, name, kind, commune, department, "
            + "name_key, search_text) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** Seconds from filing to the first staff answer, 10 minutes to 3 days. */
    private static final String ANSWER = "(600 + MOD(g * 37, 259200))";
    /** Seconds from filing to the resolution, up to 20 days after the first answer. */
    private static final String RESOLUTION = "(" + ANSWER + " + MOD(g * 53, 1728000))";

    private final DataSource dataSource;
    private final boolean postgres;
    private final LocalDateTime now;
    private final List<Uai> schools;
    private long loaded;

    BulkLoader(DataSource dataSource, boolean postgres, Instant now) {
        this(dataSource, postgres, now, List.of());
    }

    private BulkLoader(DataSource dataSource, boolean postgres, Instant now, List<Uai> schools) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.now = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        this.schools = List.copyOf(schools);
    }

    /**
     * A loader that also writes what the figures read: each request filed from one of {@code schools} (by its number;
     * the directory must hold them), all but the new ones answered by the staff 10 minutes to 3 days after filing, the
     * resolved and closed ones resolved up to 20 days after that, each due to be answered 2 days and resolved 10 days
     * after filing, and a third of the resolved and closed ones a survey score of 1 to 5, answered at the resolution.
     */
    static BulkLoader withFigures(DataSource dataSource, boolean postgres, Instant now, List<Uai> schools) {
        if (schools.isEmpty()) {
            throw new IllegalArgumentException("no school");
        }
        return new BulkLoader(dataSource, postgres, now, schools);
    }

    static GroupCode group(int i) {
        return GroupCode.of("G" + i);
    }

    static List<SupportGroup> groups() {
        return IntStream.range(0, GROUPS).mapToObj(i -> new SupportGroup(group(i), "Groupe de support " + i)).toList();
    }

    /** {@value #ROOTS} roots and {@value #ROOTS}×{@value #LEAVES} leaves: a few hundred subjects. */
    static SubjectCatalog catalog() {
        List<Subject> subjects = new ArrayList<>();
        for (int r = 0; r < ROOTS; r++) {
            subjects.add(new Subject(SubjectCode.parse("SUJ" + r + "-" + (r + 1)), "Domaine " + r, true,
                    group(r % GROUPS), List.of()));
            for (int l = 1; l <= LEAVES; l++) {
                subjects.add(new Subject(SubjectCode.parse("SUJ" + r + "-" + (r + 1) + "." + l),
                        "Application " + r + "." + l, true, null, List.of()));
            }
        }
        List<RequestType> types = DemoData.catalog().requestTypes();
        return SubjectCatalog.of(subjects, types);
    }

    long loaded() {
        return loaded;
    }

    /** Adds requests until the table holds {@code total}; returns the seconds it took. */
    double growTo(long total) throws SQLException {
        if (total > LARGEST) {
            throw new IllegalArgumentException("at most " + LARGEST + " requests");
        }
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (loaded == 0) {
                writeVocabulary(c, s);
                writeWords(c, s);
                writeSchools(c, s);
            }
            for (String index : POSTINGS_BY_FILING.keySet()) {
                s.execute("DROP INDEX " + index);
            }
            while (loaded < total) {
                long to = Math.min(total, loaded + CHUNK);
                Function<String, String> requester = g -> "MOD(" + g + " * 7919, " + REQUESTERS + ")";
                s.executeUpdate(insert(loaded + 1, to, requester.apply("g"), FIVE_YEARS_SECONDS));
                indexWords(s, loaded + 1, to, requester);
                if (!schools.isEmpty()) {
                    s.executeUpdate("INSERT INTO satisfaction_answers (request_number, score, answered_at) SELECT "
                            + "number, 1 + MOD(number * 7, 5), resolved_at FROM requests WHERE number BETWEEN "
                            + (loaded + 1) + " AND " + to + " AND status IN ('RESOLVED', 'CLOSED') AND MOD(number, 3) = 0");
                }
                loaded = to;
            }
            for (Map.Entry<String, String> index : POSTINGS_BY_FILING.entrySet()) {
                s.execute("CREATE INDEX " + index.getKey() + " ON request_words (" + index.getValue() + ")");
            }
            finish(s);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Adds {@code each} requests to each of the requesters {@code first} to {@code first + count - 1}, submitted
     * evenly since {@code since} (the start of the school year, say), with the spread of the others; returns the
     * seconds it took.
     */
    double addRecent(int first, int count, int each, Instant since) throws SQLException {
        long start = System.nanoTime();
        long span = Math.max(1, java.time.Duration.between(since, now.toInstant(ZoneOffset.UTC)).toSeconds());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long to = loaded + (long) count * each;
            Function<String, String> requester = g -> first + " + MOD(" + g + ", " + count + ")";
            s.executeUpdate(insert(loaded + 1, to, requester.apply("g"), span));
            indexWords(s, loaded + 1, to, requester);
            loaded = to;
            finish(s);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Moves the request numbers past the rows written, counts them again in the tallies of the queues' counts, and has
     * the database gather the statistics of every table: the requests' and their index of words (vacuumed too on
     * PostgreSQL, for index-only reads) and those written before them (people, groups).
     */
    private void finish(Statement s) throws SQLException {
        s.execute("DELETE FROM request_tallies");
        s.execute(TALLIES);
        s.execute(postgres ? "SELECT setval('request_number', " + loaded + ")"
                : "ALTER SEQUENCE request_number RESTART WITH " + (loaded + 1));
        if (postgres) {
            List<String> tables = schools.isEmpty() ? List.of("requests", "request_words", "search_words")
                    : List.of("requests", "request_words", "search_words", "satisfaction_answers");
            for (String table : tables) {
                s.execute("VACUUM " + table);
            }
        }
        s.execute("ANALYZE");
    }

    /**
     * On H2, rewrites the database's file without the space the load left unused, as an operator would after a bulk
     * import ({@code SHUTDOWN COMPACT}; the pool then drops its connections, and its next ones reopen the file);
     * returns the seconds it took, 0 on PostgreSQL.
     */
    double compact() throws SQLException {
        if (postgres) {
            return 0;
        }
        long start = System.nanoTime();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Connection closed = pool.getConnection();
        try (Statement s = closed.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        pool.evictConnection(closed);
        pool.getHikariPoolMXBean().softEvictConnections();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Has the database gather the statistics of every table, as PostgreSQL's autovacuum does within a minute of a
     * load (the machines the benchmarks run on have it off): without them PostgreSQL reads the people of a page of
     * requests by scanning every person's roles (1.8 ms instead of 0.2 for 20,000 people).
     */
    static void analyze(DataSource data) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** The names and texts the load joins, each with its search text normalised by the core's {@code SearchText}. */
    private static void writeVocabulary(Connection c, Statement s) throws SQLException {
        s.execute(NAMES_TABLE);
        s.execute(TEXTS_TABLE);
        try (PreparedStatement p = c.prepareStatement(INSERT_NAME)) {
            for (SupportVocabulary.NameRow row : SupportVocabulary.names()) {
                p.setInt(1, row.index());
                p.setString(2, row.given());
                p.setString(3, row.family());
                p.setString(4, row.searchText());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement(INSERT_TEXT)) {
            for (SupportVocabulary.TextRow row : SupportVocabulary.texts()) {
                p.setInt(1, row.index());
                p.setString(2, row.summary());
                p.setString(3, row.description());
                p.setString(4, row.searchText());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement(INSERT_SCHOOL)) {
            p.setString(1, SCHOOL.uai().value());
            p.setString(2, SCHOOL.name());
            p.setString(3, SCHOOL.kind());
            p.setString(4, SCHOOL.commune());
            p.setString(5, SCHOOL.department().code());
            p.setString(6, SCHOOL.nameKey());
            p.setString(7, SCHOOL.searchText());
            p.executeUpdate();
        }
    }

    /**
     * The words of each name and text the load joins ({@code bench_name_words}, {@code bench_text_words}), and every
     * word the bulk rows hold in the vocabulary of the index of words, as ticketing-jdbc's {@code RequestWords}
     * indexes a search text: its words with a letter (none of these is long enough to be cut), each once. A request's
     * words are "req" (its requester's
     * identifier), its school's UAI, its name's and its text's, which share none.
     * Keyed by id, which the load joins on: H2 would otherwise read a whole table for each request.
     */
    private void writeWords(Connection c, Statement s) throws SQLException {
        s.execute("CREATE TABLE bench_name_words (id INTEGER NOT NULL, word VARCHAR(200) NOT NULL, "
                + "PRIMARY KEY (id, word))");
        s.execute("CREATE TABLE bench_text_words (id INTEGER NOT NULL, word VARCHAR(200) NOT NULL, "
                + "PRIMARY KEY (id, word))");
        Set<String> vocabulary = new TreeSet<>(List.of("req", SCHOOL.uai().value().toLowerCase(Locale.ROOT)));
        schools.forEach(uai -> vocabulary.add(uai.value().toLowerCase(Locale.ROOT)));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_name_words (id, word) VALUES (?, ?)")) {
            for (SupportVocabulary.NameRow row : SupportVocabulary.names()) {
                vocabulary.addAll(addWords(p, row.index(), row.searchText()));
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_text_words (id, word) VALUES (?, ?)")) {
            for (SupportVocabulary.TextRow row : SupportVocabulary.texts()) {
                vocabulary.addAll(addWords(p, row.index(), row.searchText()));
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO search_words (word) VALUES (?)")) {
            for (String word : vocabulary) {
                p.setString(1, word);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Adds to {@code p}'s batch a row (id, word) for each indexed word of {@code searchText}; answers them. */
    private static Set<String> addWords(PreparedStatement p, int id, String searchText) throws SQLException {
        Set<String> words = new TreeSet<>();
        for (String word : searchText.split(" ")) {
            if (word.codePoints().anyMatch(Character::isLetter) && words.add(word)) {
                p.setInt(1, id);
                p.setString(2, word);
                p.addBatch();
            }
        }
        return words;
    }

    /**
     * Writes the postings of the index of words for the rows {@code from} to {@code to} of requester
     * {@code requester} (of the expression of a row's number), as {@link #insert} derives their name and text from
     * their number, each with its request's group, assignee and filing time.
     */
    private void indexWords(Statement s, long from, long to, Function<String, String> requester)
            throws SQLException {
        String insert = "INSERT INTO request_words (word, number, assigned_group, assignee, submitted_at) SELECT ";
        String keys = ", r.number, r.assigned_group, r.assignee, r.submitted_at FROM requests r ";
        String range = " WHERE r.number BETWEEN " + from + " AND " + to;
        s.executeUpdate(insert + "w.word" + keys + "JOIN bench_name_words w ON w.id = MOD("
                + requester.apply("r.number") + ", " + NAMES + ")" + range);
        s.executeUpdate(insert + "w.word" + keys + "JOIN bench_text_words w ON w.id = MOD(r.number * 2029, " + TEXTS
                + ")" + range);
        s.executeUpdate(insert + "'req'" + keys + range);
        s.executeUpdate(insert + "LOWER(r.establishment)" + keys + range);
    }

    /** The schools the figures' load joins by number, when it has some. */
    private void writeSchools(Connection c, Statement s) throws SQLException {
        if (schools.isEmpty()) {
            return;
        }
        s.execute("CREATE TABLE bench_schools (i INTEGER PRIMARY KEY, uai CHAR(8) NOT NULL)");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_schools (i, uai) VALUES (?, ?)")) {
            for (int i = 0; i < schools.size(); i++) {
                p.setInt(1, i);
                p.setString(2, schools.get(i).value());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** The filing time plus {@code seconds}, an SQL expression. */
    private String afterFiling(String seconds) {
        return postgres ? "TIMESTAMP '" + now + "' + (" + seconds + " - age) * INTERVAL '1 second'"
                : "DATEADD(SECOND, " + seconds + " - age, TIMESTAMP '" + now.toString().replace('T', ' ') + "')";
    }

    /** Rows {@code from} to {@code to} ({@code g}), of requester number {@code requester}, up to {@code ageSpan} s old. */
    private String insert(long from, long to, String requester, long ageSpan) {
        String series = postgres ? "generate_series(CAST(" + from + " AS BIGINT), " + to + ") AS t(g)"
                : "SYSTEM_RANGE(" + from + ", " + to + ") AS t(g)";
        String submitted = postgres ? "TIMESTAMP '" + now + "' - age * INTERVAL '1 second'"
                : "DATEADD(SECOND, -age, TIMESTAMP '" + now.toString().replace('T', ' ') + "')";
        String recent = "age <= " + RECENT_SECONDS;
        boolean figures = !schools.isEmpty();
        String school = figures ? "b.uai" : "'" + SCHOOL.uai().value() + "'";
        return "INSERT INTO requests (number, requester_id, requester_given, requester_family, establishment, subject, "
                + "type, summary, description, search_text, school_text, visibility, status, assigned_group, "
                + "assignee, submitted_at, updated_at, resolved_at, version, idempotency_key, last_activity_at, "
                + "last_activity_by, last_activity_staff, first_answer_at, first_answer_due, resolution_due) "
                + "SELECT g, 'req-' || CAST(requester AS VARCHAR(10)), n.given, n.family, " + school + ", "
                + "'SUJ' || CAST(root AS VARCHAR(4)) || '-' || CAST(root + 1 AS VARCHAR(4)) || '.' "
                + "|| CAST(leaf AS VARCHAR(4)), "
                + "CASE MOD(g, 5) WHEN 0 THEN 'USAGE' WHEN 1 THEN 'INCIDENT' WHEN 2 THEN 'ACCES' WHEN 3 THEN 'INFO' "
                + "ELSE 'EVOLUTION' END, "
                + "t.summary, t.description, "
                + "LPAD(CAST(g AS VARCHAR(12)), 7, '0') || ' req ' || CAST(requester AS VARCHAR(10)) || ' ' "
                + "|| n.search_text || ' ' || LOWER(" + school + ") || ' ' || t.search_text, "
                + "e.search_text, 'PRIVATE', "
                + "CASE phase WHEN 0 THEN 'NEW' WHEN 1 THEN 'ASSIGNED' WHEN 2 THEN 'IN_PROGRESS' "
                + "WHEN 3 THEN 'WAITING_FOR_REQUESTER' WHEN 4 THEN 'RESOLVED' "
                + "ELSE (CASE WHEN MOD(g, 10) = 0 THEN 'RESOLVED' ELSE 'CLOSED' END) END, "
                + "'G' || CAST(MOD(root, " + GROUPS + ") AS VARCHAR(4)), "
                + "CASE WHEN phase = 0 THEN NULL ELSE 'agent-' || CAST(MOD(g, 40) AS VARCHAR(4)) END, "
                + submitted + ", " + submitted + ", "
                + (figures ? "CASE WHEN phase >= 4 THEN " + afterFiling(RESOLUTION) + " END" : "NULL") + ", 1, NULL, "
                + submitted + ", "
                + "CASE WHEN " + STAFF_LAST + " THEN 'agent-' || CAST(MOD(g, 40) AS VARCHAR(4)) "
                + "ELSE 'req-' || CAST(requester AS VARCHAR(10)) END, "
                + "CASE WHEN " + STAFF_LAST + " THEN TRUE ELSE FALSE END, "
                + (figures ? "CASE WHEN phase > 0 THEN " + afterFiling(ANSWER) + " END, " + afterFiling("172800")
                        + ", " + afterFiling("864000") : "NULL, NULL, NULL") + " "
                + "FROM (SELECT g, requester, root, leaf, age, CASE WHEN " + recent + " THEN MOD(g, 5) ELSE 5 END "
                + "AS phase FROM (SELECT g, " + requester + " AS requester, "
                + "MOD(g * 31, " + ROOTS * LEAVES + ") / " + LEAVES + " AS root, "
                + "MOD(MOD(g * 31, " + ROOTS * LEAVES + "), " + LEAVES + ") + 1 AS leaf, "
                + "MOD(g * 2654435761, " + ageSpan + ") AS age FROM " + series + ") AS a) AS x "
                + "JOIN bench_names n ON n.id = MOD(x.requester, " + NAMES + ") "
                + "JOIN bench_texts t ON t.id = MOD(x.g * 2029, " + TEXTS + ")"
                + (figures ? " JOIN bench_schools b ON b.i = MOD(x.g, " + schools.size() + ")" : "")
                + " JOIN establishments e ON e.uai = " + school;
    }
}
