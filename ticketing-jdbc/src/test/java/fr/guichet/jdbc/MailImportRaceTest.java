package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.application.InboundMail;
import fr.guichet.core.application.MailReceipt;
import fr.guichet.core.application.MailReceipt.Outcome;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes taking in the same reply at the same moment: one appends it, the other answers DUPLICATE, never an
 * error, on every selected database (PostgreSQL aborting the loser's transaction on the unique key included).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class MailImportRaceTest {

    private static final ReplyKeys KEYS = ReplyKeys.of(List.of("clé de réponse du test de course"));
    private static final EmailAddress HELPDESK = EmailAddress.of("guichet@ac-creteil.fr");

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void the_same_mail_taken_in_by_two_nodes_at_once_is_appended_once() throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        try (TestDatabase.Node first = db.node().withFixtures(); TestDatabase.Node second = db.newNode()) {
            Ticketing one = Ticketing.builder(first.ports()).replyKeys(KEYS).build();
            Ticketing two = Ticketing.builder(second.ports()).replyKeys(KEYS).build();
            Person requester = Fixtures.newRequester();
            first.people().save(requester);
            RequestNumber number = one.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null).details()
                    .request().summaryLine().number();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int rounds = 8;
            try {
                for (int round = 0; round < rounds; round++) {
                    InboundMail mail = new InboundMail("<" + UUID.randomUUID() + "@example.org>",
                            requester.email().value(),
                            List.of(KEYS.tag(number, requester.email()).replyAddress(HELPDESK).value()), "Re:",
                            "Réponse n° " + round, Map.of(), List.of());
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Future<MailReceipt>> receipts = new ArrayList<>();
                    for (Ticketing node : List.of(one, two)) {
                        receipts.add(pool.submit(() -> {
                            start.await(10, TimeUnit.SECONDS);
                            return node.receiveMail().receive(mail);
                        }));
                    }
                    List<Outcome> outcomes = new ArrayList<>();
                    for (Future<MailReceipt> r : receipts) {
                        outcomes.add(r.get(60, TimeUnit.SECONDS).outcome());
                    }
                    outcomes.sort(null);
                    assertEquals(List.of(Outcome.FOLLOW_UP, Outcome.DUPLICATE), outcomes);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(rounds, first.requests().find(number).orElseThrow().messages().size());
        }
    }
}
