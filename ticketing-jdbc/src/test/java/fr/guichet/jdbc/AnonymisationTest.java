package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.AnonymiseExpiredData;
import fr.guichet.core.application.PersonForm;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.Upload;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.FailingAttachmentStore;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retention job on a database of its own: after it, nothing of a forgotten requester is left in any text column of
 * any table, the audit trail and the mail received included; a run cut short in a batch is finished by the next one;
 * two nodes running it at once anonymise each request once and record the work once.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class AnonymisationTest {

    /** When the requests are filed and closed: long before the school year the run keeps from. */
    private static final Instant FILED = Instant.parse("2019-03-10T09:00:00Z");
    private static final Instant NOTED = Instant.parse("2020-03-10T09:00:00Z");
    /** A run on 1 October 2026 keeps the requests closed since 1 September 2024. */
    private static final Instant RUN = Instant.parse("2026-10-01T06:00:00Z");
    private static final Person ADMIN = new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Alice", "Martin"), null, Set.of(Role.ADMIN), Set.of(), true);

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase database;
    private TestDatabase.Node node;
    private final MutableClock clock = new MutableClock(FILED);
    private Ticketing ticketing;
    private final Person agent = Fixtures.agent();

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.fresh(kind);
        node = database.node().withFixtures();
        node.people().save(ADMIN);
        ticketing = Ticketing.builder(node.ports()).clock(clock).build();
    }

    @AfterEach
    void closeNode() throws Exception {
        node.close();
    }

    /** A requester whose name, address and identifier appear nowhere else. */
    private Person requester() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        return new Person(PersonId.of("zq" + key), EmailAddress.of("zephyrine." + key + "@ac-creteil.fr"),
                new PersonName("Zéphyrine", "Quintrec" + key), Uai.parse("0941295X"), Set.of(Role.REQUESTER),
                Set.of(), true);
    }

    private static Upload file(String name) {
        return new Upload(name, new ByteArrayInputStream("%PDF-1.4\nbulletin".getBytes(StandardCharsets.US_ASCII)));
    }

    /** A request of {@code who}, with files, answered, followed up and closed at {@link #FILED}. */
    private RequestNumber closedRequest(Person who) {
        clock.set(FILED);
        RequestNumber n = ticketing.fileRequest().file(who, Fixtures.seedDraft(),
                        List.of(file("bulletin " + who.name().family() + ".pdf")), null)
                .details().request().summaryLine().number();
        ticketing.postMessage().post(agent, n, "Bonjour " + who.name().display(), false, null);
        ticketing.postMessage().post(who, n, "Merci, je suis " + who.name().display() + " (" + who.email() + ")",
                false, List.of(file(who.id() + ".pdf")), null);
        for (Status s : List.of(Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED)) {
            ticketing.changeStatus().change(agent, n, s, "Pour " + who.name().family(), null);
        }
        return n;
    }

    @Test
    void nothing_of_a_forgotten_requester_is_left_in_any_text_column_the_audit_trail_included() throws Exception {
        Person who = requester();
        node.people().save(who);
        node.injector.getInstance(LocalAccounts.class).setPassword(who.id(), "un mot de passe");
        RequestNumber n = closedRequest(who);
        node.unitOfWork().run(() -> node.sessions().save(new StoredSession(SessionToken.random().hash(), who.id(),
                FILED, FILED.plus(Duration.ofDays(30)))));
        node.unitOfWork().run(() -> node.passwordResets().replace(new PasswordReset(ResetToken.random().hash(),
                who.id(), FILED, FILED.plus(Duration.ofHours(1)))));
        assertTrue(node.requests().addSatisfaction(new SatisfactionAnswer(n, 4, "Merci, " + who.name().display()
                + " (" + who.email() + ")", FILED)));
        keptMail(who, n, "Re: demande " + n.display());
        keptMail(who, null, "Ma demande close");
        ticketing.exportPersonData().gather(ADMIN, who.id());
        ticketing.administerPeople().update(ADMIN, who.id(),
                new PersonForm(null, null, null, null, null, null, null, false), null);
        clock.set(NOTED);
        ticketing.anonymiseExpiredData().run();
        assertTrue(traces(who).size() > 3, "before the run, the requester is found: " + traces(who));

        clock.set(RUN);
        AnonymiseExpiredData.Report report = ticketing.anonymiseExpiredData().run(ADMIN);

        assertEquals(1, report.requests());
        assertEquals(2, report.files());
        assertEquals(1, report.people());
        assertEquals(List.of(), traces(who));
        assertEquals(Status.CLOSED, node.requests().find(n).orElseThrow().summaryLine().status());
        AuditEntry entry = node.audit().newestFirst(new PageRequest(1, 1)).items().get(0);
        assertEquals(AnonymiseExpiredData.ACTION, entry.action());
        assertEquals("1", entry.after().fields().get("people"));
    }

    /** A mail from {@code who} kept unattached, about {@code request} if given, naming them in its text. */
    private void keptMail(Person who, RequestNumber request, String subject) {
        String address = who.email().value();
        String key = "<" + UUID.randomUUID() + "@ac-creteil.fr>";
        node.unitOfWork().run(() -> node.ports().mailLog().add(LoggedMail.kept(key, MailOutcome.UNATTACHED,
                "request.closed", FILED, request, LoggedMail.senderKey(address), address, subject,
                "Bonjour, je suis " + who.name().display() + " (" + who.id() + ").")));
    }

    /**
     * Every text column of every table (read from the database's metadata) holding the person's identifier, address,
     * given or family name, as written or as a search normalises it: "table.column: value".
     */
    private List<String> traces(Person who) throws Exception {
        List<String> needles = new ArrayList<>();
        for (String s : List.of(who.id().value(), who.email().value(), who.name().given(), who.name().family())) {
            needles.add(s.toLowerCase());
            needles.add(SearchText.normalize(s));
        }
        List<String> found = new ArrayList<>();
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            for (String column : SchemaDescription.read(c).columns()) {
                String type = column.substring(column.indexOf(": ") + 2);
                if (!(type.startsWith("varchar") || type.startsWith("char") || type.startsWith("text"))) {
                    continue;
                }
                String table = column.substring(0, column.indexOf('.'));
                String name = column.substring(column.indexOf('.') + 1, column.indexOf(':'));
                try (ResultSet rs = st.executeQuery("SELECT " + name + " FROM " + table)) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        if (value != null && needles.stream().anyMatch(value.toLowerCase()::contains)) {
                            found.add(table + "." + name + ": " + value);
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void a_run_cut_short_in_a_batch_is_finished_by_the_next_one() {
        Person who = requester();
        node.people().save(who);
        int count = 230;
        for (int i = 0; i < count; i++) {
            closed(who, List.of(file("f.pdf")));
        }
        AtomicInteger deletions = new AtomicInteger();
        Ticketing crashing = Ticketing.builder(node.ports().withAttachments(
                new FailingAttachmentStore(node.attachments(), () -> deletions.incrementAndGet() > 220)))
                .clock(clock).build();
        clock.set(RUN);

        assertThrows(IllegalStateException.class, () -> crashing.anonymiseExpiredData().run());
        assertEquals(count - 200, left(), "the batch cut short is rolled back, the one before kept");
        assertEquals(count - 200, ticketing.anonymiseExpiredData().run().requests());
        assertEquals(0, left());
    }

    /** A request of {@code who} with {@code files}, filed and closed at {@link #FILED}. */
    private void closed(Person who, List<Upload> files) {
        clock.set(FILED);
        RequestNumber n = ticketing.fileRequest().file(who, Fixtures.seedDraft(), files, null)
                .details().request().summaryLine().number();
        for (Status s : List.of(Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED)) {
            ticketing.changeStatus().change(agent, n, s, null, null);
        }
    }

    private int left() {
        return node.unitOfWork().inTransaction(() -> node.requests().closedBefore(Instant.parse("9000-01-01T00:00:00Z"), null, 10_000)).size();
    }

    @Test
    void two_nodes_running_at_once_anonymise_each_request_once_and_record_the_work_once() throws Exception {
        int count = 450;
        Person who = requester();
        node.people().save(who);
        for (int i = 0; i < count; i++) {
            closed(who, List.of());
        }
        clock.set(RUN);
        int audited = node.audit().newestFirst(new PageRequest(1, 100)).items().size();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (TestDatabase.Node second = database.newNode()) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<AnonymiseExpiredData.Report>> runs = new ArrayList<>();
            for (TestDatabase.Node each : List.of(node, second)) {
                Ticketing t = Ticketing.builder(each.ports()).clock(clock).build();
                runs.add(() -> {
                    together.await();
                    return t.anonymiseExpiredData().run();
                });
            }
            long total = 0;
            for (Future<AnonymiseExpiredData.Report> f : threads.invokeAll(runs)) {
                total += f.get().requests();
            }
            assertEquals(count, total);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, left());
        List<AuditEntry> entries = node.audit().newestFirst(new PageRequest(1, 100)).items()
                .subList(0, node.audit().newestFirst(new PageRequest(1, 100)).items().size() - audited);
        assertEquals(count, entries.stream().filter(e -> e.action().equals(AnonymiseExpiredData.ACTION))
                .mapToLong(e -> Long.parseLong(e.after().fields().get("requests"))).sum(),
                "the work recorded adds up to the requests, each once");
    }
}
