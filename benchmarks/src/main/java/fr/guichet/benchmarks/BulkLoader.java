package fr.guichet.benchmarks;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.examples.DemoData;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Fills {@code requests} server-side with one INSERT ... SELECT per chunk (PostgreSQL's {@code generate_series}, H2's
 * {@code SYSTEM_RANGE}), with a spread that holds at every size: {@value #REQUESTERS} requesters, {@value #ROOTS} root
 * subjects of {@value #LEAVES} leaves each across {@value #GROUPS} support groups, submissions spread evenly over the
 * last five years; requests older than 60 days are resolved or closed, recent ones in every open status.
 */
final class BulkLoader {

    static final int REQUESTERS = 20_000;
    static final int ROOTS = 30;
    static final int LEAVES = 9;
    static final int GROUPS = 10;
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 86_400;
    private static final long RECENT_SECONDS = 60L * 86_400;
    private static final int CHUNK = 50_000;

    private final DataSource dataSource;
    private final boolean postgres;
    private final LocalDateTime now;
    private long loaded;

    BulkLoader(DataSource dataSource, boolean postgres, Instant now) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.now = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
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
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (loaded < total) {
                long to = Math.min(total, loaded + CHUNK);
                s.executeUpdate(insert(loaded + 1, to));
                loaded = to;
            }
            s.execute(postgres ? "SELECT setval('request_number', " + loaded + ")"
                    : "ALTER SEQUENCE request_number RESTART WITH " + (loaded + 1));
            if (postgres) {
                s.execute("VACUUM ANALYZE requests");
            } else {
                s.execute("ANALYZE TABLE requests");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private String insert(long from, long to) {
        String series = postgres ? "generate_series(CAST(" + from + " AS BIGINT), " + to + ") AS t(g)"
                : "SYSTEM_RANGE(" + from + ", " + to + ") AS t(g)";
        String submitted = postgres ? "TIMESTAMP '" + now + "' - age * INTERVAL '1 second'"
                : "DATEADD(SECOND, -age, TIMESTAMP '" + now.toString().replace('T', ' ') + "')";
        String recent = "age <= " + RECENT_SECONDS;
        return "INSERT INTO requests (number, requester_id, requester_given, requester_family, establishment, subject, "
                + "type, summary, description, search_text, visibility, status, assigned_group, assignee, "
                + "submitted_at, updated_at, resolved_at, version, idempotency_key) "
                + "SELECT g, 'req-' || CAST(requester AS VARCHAR(10)), 'Camille', "
                + "'Enseignant' || CAST(requester AS VARCHAR(10)), '0941295X', "
                + "'SUJ' || CAST(root AS VARCHAR(4)) || '-' || CAST(root + 1 AS VARCHAR(4)) || '.' "
                + "|| CAST(leaf AS VARCHAR(4)), "
                + "CASE MOD(g, 5) WHEN 0 THEN 'USAGE' WHEN 1 THEN 'INCIDENT' WHEN 2 THEN 'ACCES' WHEN 3 THEN 'INFO' "
                + "ELSE 'EVOLUTION' END, "
                + "'Demande ' || CAST(g AS VARCHAR(12)), 'Description de la demande ' || CAST(g AS VARCHAR(12)), "
                + "'demande ' || CAST(g AS VARCHAR(12)) || ' description de la demande', 'PRIVATE', "
                + "CASE WHEN " + recent + " THEN (CASE MOD(g, 5) WHEN 0 THEN 'NEW' WHEN 1 THEN 'ASSIGNED' "
                + "WHEN 2 THEN 'IN_PROGRESS' WHEN 3 THEN 'WAITING_FOR_REQUESTER' ELSE 'RESOLVED' END) "
                + "WHEN MOD(g, 10) = 0 THEN 'RESOLVED' ELSE 'CLOSED' END, "
                + "'G' || CAST(MOD(root, " + GROUPS + ") AS VARCHAR(4)), "
                + "CASE WHEN " + recent + " AND MOD(g, 5) = 0 THEN NULL "
                + "ELSE 'agent-' || CAST(MOD(g, 40) AS VARCHAR(4)) END, "
                + submitted + ", " + submitted + ", NULL, 1, NULL "
                + "FROM (SELECT g, MOD(g * 7919, " + REQUESTERS + ") AS requester, "
                + "MOD(g * 31, " + ROOTS * LEAVES + ") / " + LEAVES + " AS root, "
                + "MOD(MOD(g * 31, " + ROOTS * LEAVES + "), " + LEAVES + ") + 1 AS leaf, "
                + "MOD(g * 2654435761, " + FIVE_YEARS_SECONDS + ") AS age FROM " + series + ") AS x";
    }
}
