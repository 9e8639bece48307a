package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox's claim and renewal on each selected database, on MariaDB with bulk statements, whose batches answer no
 * count per statement.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class OutboxBatchCountsTest {

    private static final Instant T0 = Instant.parse("2026-09-14T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void a_claim_and_its_renewal_answer_every_entry_they_lease_even_without_counts_per_statement() throws Exception {
        TestDatabase database = TestDatabase.fresh(kind);
        JdbcConfig config = database.config;
        if (kind == TestDatabase.Kind.MARIADB) {
            config = new JdbcConfig(config.url() + "?useBulkStmts=true", config.user(), config.password(),
                    config.maximumPoolSize(), config.connectionTimeout(), config.passwordIterations());
        }
        try (TestDatabase.Node node = new TestDatabase.Node(config)) {
            NotificationOutbox outbox = node.outbox();
            Set<UUID> queued = ids(node.unitOfWork().inTransaction(() -> outbox.enqueue(IntStream.range(0, 5)
                    .mapToObj(OutboxBatchCountsTest::notification).toList(), T0)));

            List<OutboxEntry> claimed = outbox.claim(10, T0, LEASE);

            assertEquals(queued, ids(claimed));
            assertEquals(List.of(), outbox.claim(10, T0, LEASE), "a leased entry was claimed again");
            assertEquals(queued, outbox.renew(queued, T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2))));
            assertEquals(Set.of(), outbox.renew(queued, T0.plus(LEASE), T0.plus(LEASE.multipliedBy(3))),
                    "a renewal with a lease already renewed held the entries");
        }
    }

    private static Notification notification(int i) {
        return new Notification(TemplateKey.REQUEST_RECEIVED, EmailAddress.of("demandeur" + i + "@ac-creteil.fr"),
                "Marc Montanes", RequestNumber.of(i + 1), Map.of("number", String.valueOf(i + 1)));
    }

    private static Set<UUID> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).collect(Collectors.toSet());
    }
}
