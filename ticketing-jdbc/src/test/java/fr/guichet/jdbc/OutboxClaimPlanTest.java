package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.testing.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A claim reads the due rows it takes and no more, however many acknowledgements wait: on H2, claims that asked for
 * both kinds in one order read and sorted every due row at each claim; on PostgreSQL, a plan made on statistics taken
 * when few rows were pending did the same.
 */
class OutboxClaimPlanTest {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Test
    void a_claim_behind_a_backlog_of_acknowledgements_reads_no_more_rows_than_it_takes() throws Exception {
        TestDatabase.Node node = TestDatabase.of(TestDatabase.Kind.H2).node();
        Instant queued = Instant.parse("2026-09-01T06:00:00Z");
        List<Notification> acknowledgements = IntStream.range(0, 2_000)
                .mapToObj(i -> acknowledgement(Fixtures.newRequester())).toList();
        node.unitOfWork().run(() -> node.outbox().enqueue(acknowledgements, queued));
        String sql = "EXPLAIN ANALYZE " + JdbiNotificationOutbox.DUE_ON_H2.replace(":bulk", "?").replace(":now", "?")
                .replace(":max", "?");
        try (Connection c = node.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (boolean bulk : List.of(false, true)) {
                LocalDateTime now = LocalDateTime.ofInstant(queued.plusSeconds(3_600), ZoneOffset.UTC);
                p.setBoolean(1, bulk);
                p.setObject(2, now);
                p.setInt(3, 50);
                p.setObject(4, now);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    String plan = rs.getString(1);
                    Matcher scanned = SCAN_COUNT.matcher(plan);
                    assertTrue(scanned.find(), plan);
                    do {
                        assertTrue(Integer.parseInt(scanned.group(1)) <= 51, plan);
                    } while (scanned.find());
                }
            }
        }
    }

    /** PostgreSQL, when selected. */
    static List<TestDatabase.Kind> postgresql() {
        return TestDatabase.selected().stream().filter(k -> k == TestDatabase.Kind.POSTGRESQL).toList();
    }

    /**
     * The statistics of the outbox are taken before 2,000 acknowledgements are queued in 2001, earlier than any other
     * test's mail, so that PostgreSQL expects next to no row due then, whatever other tests left in the outbox; planned
     * for so few rows, the claim read every due row through a bitmap and sorted them.
     */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("postgresql")
    void a_claim_on_postgresql_reads_the_due_rows_in_order_whatever_its_statistics_say(TestDatabase.Kind kind)
            throws Exception {
        TestDatabase.Node node = TestDatabase.of(kind).node();
        try (Connection c = node.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE outbox");
        }
        Instant queued = Instant.parse("2001-09-03T06:00:00Z");
        node.unitOfWork().run(() -> node.outbox().enqueue(IntStream.range(0, 2_000)
                .mapToObj(i -> acknowledgement(Fixtures.newRequester())).toList(), queued));
        Jdbi jdbi = Jdbi.create(node.dataSource());
        new Database(jdbi, Dialect.POSTGRESQL);
        try (Handle h = jdbi.open()) {
            h.begin();
            Instant now = queued.plusSeconds(3_600);
            String plan = String.join("\n", JdbiNotificationOutbox.claimOnPostgresql(h,
                    "EXPLAIN (ANALYZE, BUFFERS) ", "", now, 50, now.plusSeconds(300), (rs, ctx) -> rs.getString(1)));
            h.rollback();
            assertTrue(plan.contains("Index Scan using outbox_pending"), plan);
            assertFalse(plan.contains("Bitmap") || plan.contains("Sort"), plan);
        }
    }

    private static Notification acknowledgement(Person to) {
        return new Notification(TemplateKey.REQUEST_RECEIVED, to.email(), to.name().display(), RequestNumber.of(22928),
                Map.of("number", "0022928", "summary", "perte d'identifiant", "subject", "EVE – 4.2 – Mathenpoche",
                        "status", "nouvelle", "requesterName", to.name().display(), "recipientName",
                        to.name().display()));
    }
}
