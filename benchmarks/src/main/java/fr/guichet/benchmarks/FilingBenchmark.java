package fr.guichet.benchmarks;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.examples.DemoData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 1: filing a request through the core and {@code ticketing-jdbc}, against its baseline, plain JDBC inserting
 * the very rows the core wrote for a reference filing (request, history, outbox) in one transaction. Each benchmark
 * method of each database starts on a fresh, empty database holding the demo catalog and staff.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilingBenchmark {

    static final String SUBJECT = "MES-1.1";
    private static final int REQUESTERS = 50;

    @Param({"h2"})
    public String database;

    private Database db;
    private Stack stack;
    private List<Person> requesters;
    private RequestDraft draft;
    private ReferenceRows rows;
    private Ticketing cachedCatalog;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        db = Database.create(database);
        stack = new Stack(db, 10);
        requesters = IntStream.range(0, REQUESTERS).mapToObj(FilingBenchmark::requester).toList();
        List<Person> people = new ArrayList<>(DemoData.people());
        people.addAll(requesters);
        stack.load(DemoData.groups(), DemoData.catalog(), people);
        draft = RequestDraft.parse(SUBJECT, "INCIDENT", "Le webmail refuse mon mot de passe",
                "Depuis ce matin le webmail affiche « identifiants incorrects » alors que l'ENT fonctionne.",
                "PRIVATE");
        long number = stack.ticketing().fileRequest().file(requesters.get(0), draft, List.of(), null).details()
                .request().summaryLine().number().value();
        rows = ReferenceRows.read(stack.dataSource(), number, db.isPostgres());
        SubjectCatalog catalog = stack.get(CatalogStore.class).catalog();
        cachedCatalog = stack.ticketingWith(() -> catalog);
    }

    static Person requester(int i) {
        return new Person(PersonId.of("bench-requester-" + i), EmailAddress.of("enseignant" + i + "@ac-creteil.fr"),
                new PersonName("Camille", "Enseignant" + i), Uai.parse("0941295X"), Set.of(Role.REQUESTER), Set.of(),
                true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stack.close();
        db.close();
    }

    DataSource dataSource() {
        return stack.dataSource();
    }

    Stack stack() {
        return stack;
    }

    /** Files one request through {@code FileRequest}: validation, numbering, routing, request, history, outbox. */
    @Benchmark
    public Object throughCore() {
        Person requester = requesters.get(ThreadLocalRandom.current().nextInt(REQUESTERS));
        return stack.ticketing().fileRequest().file(requester, draft, List.of(), null);
    }

    /**
     * For the profile only: the same filing with the catalog read once and kept in memory, to measure what reading
     * it from the database on every call costs.
     */
    @Benchmark
    public Object throughCoreWithCatalogInMemory() {
        Person requester = requesters.get(ThreadLocalRandom.current().nextInt(REQUESTERS));
        return cachedCatalog.fileRequest().file(requester, draft, List.of(), null);
    }

    /** Inserts the same rows with plain JDBC in one transaction: the database's own cost. */
    @Benchmark
    public long plainJdbc() throws SQLException {
        return rows.insertCopy(stack.dataSource());
    }

    /** The rows one filing wrote, replayed under a new number (and new outbox ids) by the baseline. */
    static final class ReferenceRows {
        private final String nextNumberSql;
        private final Map<String, Object> request;
        private final List<Map<String, Object>> history;
        private final List<Map<String, Object>> outbox;

        private ReferenceRows(String nextNumberSql, Map<String, Object> request, List<Map<String, Object>> history,
                List<Map<String, Object>> outbox) {
            this.nextNumberSql = nextNumberSql;
            this.request = request;
            this.history = history;
            this.outbox = outbox;
        }

        static ReferenceRows read(DataSource dataSource, long number, boolean postgres) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                Map<String, Object> request = rows(c, "SELECT * FROM requests WHERE number = " + number).get(0);
                List<Map<String, Object>> history = rows(c, "SELECT * FROM request_history WHERE request_number = "
                        + number);
                List<Map<String, Object>> outbox = rows(c, "SELECT * FROM outbox WHERE request_number = " + number);
                outbox.forEach(r -> r.remove("seq"));
                return new ReferenceRows(postgres ? "SELECT nextval('request_number')"
                        : "SELECT NEXT VALUE FOR request_number", request, history, outbox);
            }
        }

        int historyRows() {
            return history.size();
        }

        int outboxRows() {
            return outbox.size();
        }

        private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        long insertCopy(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long number;
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(nextNumberSql)) {
                        rs.next();
                        number = rs.getLong(1);
                    }
                    insert(c, "requests", request, Map.of("number", number));
                    for (Map<String, Object> row : history) {
                        insert(c, "request_history", row, Map.of("request_number", number));
                    }
                    for (Map<String, Object> row : outbox) {
                        insert(c, "outbox", row, Map.of("request_number", number, "id",
                                UUID.randomUUID().toString()));
                    }
                    c.commit();
                    return number;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }

        private static void insert(Connection c, String table, Map<String, Object> row, Map<String, Object> changes)
                throws SQLException {
            List<String> columns = new ArrayList<>(row.keySet());
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    p.setObject(i + 1, changes.containsKey(column) ? changes.get(column) : row.get(column));
                }
                p.executeUpdate();
            }
        }
    }
}
