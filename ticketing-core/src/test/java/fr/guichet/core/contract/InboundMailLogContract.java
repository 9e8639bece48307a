package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.UnitOfWork;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InboundMailLog} promises: entries read back whole (an attached mail with nothing of its sender
 * but their key), one entry per message key even when two units of work log it at once, counts per sender since an
 * instant, pending mail newest first (ties by the text of their id) and paged exactly, filing away once, a purge that
 * keeps what staff have not looked at for longer, and forgetting the mail of requests or of a sender.
 */
public abstract class InboundMailLogContract {

    private static final PersonId AGENT = PersonId.of("agent1");

    protected abstract UnitOfWork unitOfWork();

    protected abstract InboundMailLog log();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.org";
    }

    private static LoggedMail kept(MailOutcome outcome, Instant at, String senderKey) {
        return LoggedMail.kept(unique("kept"), outcome, "token.invalid", at, null, senderKey,
                "Élève <eleve@example.org>", "Re: Votre demande « ENT »", "Bonjour,\n\tmerci — à bientôt.");
    }

    private boolean add(LoggedMail mail) {
        return unitOfWork().inTransaction(() -> log().add(mail));
    }

    private long pendingTotal(MailOutcome outcome) {
        return unitOfWork().inTransaction(() -> log().pending(outcome, new PageRequest(1, 1)).total());
    }

    @Test
    public void a_kept_mail_is_read_back_whole_and_an_attached_one_without_its_sender() {
        Instant at = Instant.parse("2026-10-01T08:15:30.123456Z");
        LoggedMail kept = LoggedMail.kept(unique("whole"), MailOutcome.UNATTACHED, "sender.mismatch", at,
                RequestNumber.of(22928), LoggedMail.senderKey("eleve@example.org"), "Élève <eleve@example.org>",
                "Re: Votre demande « ENT » [Guichet 0022928-ABCDEFGHIJ]", "Bonjour,\n\n\tligne 2 — fin 😀");
        LoggedMail attached = LoggedMail.attached(unique("attached"), MailOutcome.FOLLOW_UP,
                "attachment.refused: virus.exe", at, RequestNumber.of(22929), LoggedMail.senderKey("a@b.fr"));
        assertTrue(add(kept));
        assertTrue(add(attached));
        assertEquals(Optional.of(kept), unitOfWork().inTransaction(() -> log().find(kept.id())));
        LoggedMail read = unitOfWork().inTransaction(() -> log().find(attached.id())).orElseThrow();
        assertEquals(attached, read);
        assertNull(read.sender());
        assertNull(read.subject());
        assertNull(read.text());
        assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> log().find(UUID.randomUUID())));
        assertTrue(unitOfWork().inTransaction(() -> log().contains(kept.messageKey())));
        assertFalse(unitOfWork().inTransaction(() -> log().contains(unique("absent"))));
    }

    @Test
    public void a_key_is_logged_once_and_a_refused_second_entry_rolls_back_with_its_unit_of_work() {
        String key = unique("once");
        Instant at = Instant.parse("2026-10-02T08:00:00Z");
        LoggedMail first = LoggedMail.attached(key, MailOutcome.ANSWER, "", at, RequestNumber.of(7),
                LoggedMail.senderKey("x@y.fr"));
        assertTrue(add(first));
        LoggedMail second = kept(MailOutcome.UNATTACHED, at, LoggedMail.senderKey("x@y.fr"));
        LoggedMail sameKey = new LoggedMail(second.id(), key, second.outcome(), second.reason(), at, null,
                second.senderKey(), second.sender(), second.subject(), second.text(), null, null);
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            if (!log().add(sameKey)) {
                throw new IllegalStateException("logged already: the caller rolls back");
            }
        }));
        assertEquals(Optional.of(first), unitOfWork().inTransaction(() -> log().find(first.id())));
        assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> log().find(sameKey.id())));
    }

    @Test
    public void two_units_of_work_logging_one_key_at_once_log_it_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = unique("race");
            Instant at = Instant.parse("2026-10-03T08:00:00Z");
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<UUID> ids = new ArrayList<>();
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    LoggedMail mail = new LoggedMail(UUID.randomUUID(), key, MailOutcome.IGNORED, "auto-submitted",
                            at, null, LoggedMail.senderKey("robot@example.org"), "robot@example.org", "Absence",
                            "Je suis absent.", null, null);
                    ids.add(mail.id());
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return unitOfWork().inTransaction(() -> log().add(mail));
                    }));
                }
                int added = 0;
                for (Future<Boolean> r : results) {
                    added += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, added);
                long stored = 0;
                for (UUID id : ids) {
                    stored += unitOfWork().inTransaction(() -> log().find(id)).isPresent() ? 1 : 0;
                }
                assertEquals(1, stored);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    public void mail_is_counted_per_sender_from_an_instant_on() {
        String sender = LoggedMail.senderKey(unique("sender"));
        Instant at = Instant.parse("2026-10-04T08:00:00Z");
        add(kept(MailOutcome.IGNORED, at.minusSeconds(3600), sender));
        add(kept(MailOutcome.UNATTACHED, at, sender));
        add(LoggedMail.attached(unique("c"), MailOutcome.FOLLOW_UP, "", at.plusSeconds(60), RequestNumber.of(3),
                sender));
        add(kept(MailOutcome.UNATTACHED, at, LoggedMail.senderKey(unique("other"))));
        assertEquals(2, unitOfWork().inTransaction(() -> log().countFrom(sender, at)));
        assertEquals(3, unitOfWork().inTransaction(() -> log().countFrom(sender, at.minusSeconds(3600))));
        assertEquals(0, unitOfWork().inTransaction(() -> log().countFrom(sender, at.plusSeconds(61))));
    }

    @Test
    public void pending_mail_is_listed_newest_first_and_paged_exactly() {
        long before = pendingTotal(MailOutcome.UNATTACHED);
        long ignoredBefore = pendingTotal(MailOutcome.IGNORED);
        Instant base = Instant.parse("2099-01-01T00:00:00Z");
        List<LoggedMail> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LoggedMail m = kept(MailOutcome.UNATTACHED, base.plus(i == 3 ? 1 : i, ChronoUnit.MINUTES),
                    LoggedMail.senderKey("p@q.fr"));
            written.add(m);
            add(m);
        }
        add(kept(MailOutcome.IGNORED, base, LoggedMail.senderKey("p@q.fr")));
        List<UUID> read = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            int p = page;
            Page<LoggedMail> got = unitOfWork().inTransaction(
                    () -> log().pending(MailOutcome.UNATTACHED, new PageRequest(p, 3)));
            assertEquals(before + 7, got.total());
            got.items().forEach(m -> read.add(m.id()));
        }
        List<LoggedMail> expected = new ArrayList<>(written);
        expected.sort((a, b) -> {
            int byTime = b.receivedAt().compareTo(a.receivedAt());
            return byTime != 0 ? byTime : b.id().toString().compareTo(a.id().toString());
        });
        assertEquals(expected.stream().map(LoggedMail::id).toList(), read.subList(0, 7));
        assertEquals(ignoredBefore + 1, pendingTotal(MailOutcome.IGNORED));
    }

    @Test
    public void a_mail_is_filed_away_once_and_leaves_the_pending_list() {
        Instant at = Instant.parse("2098-01-01T00:00:00Z");
        LoggedMail m = kept(MailOutcome.UNATTACHED, at, LoggedMail.senderKey("r@s.fr"));
        add(m);
        long before = pendingTotal(MailOutcome.UNATTACHED);
        Instant handledAt = at.plusSeconds(90).plusNanos(250_000_000);
        assertTrue(unitOfWork().inTransaction(() -> log().markHandled(m.id(), AGENT, handledAt)));
        assertFalse(unitOfWork().inTransaction(() -> log().markHandled(m.id(), PersonId.of("agent2"), at)));
        assertFalse(unitOfWork().inTransaction(() -> log().markHandled(UUID.randomUUID(), AGENT, at)));
        assertEquals(before - 1, pendingTotal(MailOutcome.UNATTACHED));
        assertEquals(Optional.of(m.handledBy(AGENT, handledAt)),
                unitOfWork().inTransaction(() -> log().find(m.id())));
    }

    @Test
    public void the_purge_keeps_what_no_one_filed_away_for_longer_and_what_is_recent() {
        Instant old = Instant.parse("1990-01-01T00:00:00Z");
        Instant cut = old.plus(30, ChronoUnit.DAYS);
        Instant keptCut = old.plus(90, ChronoUnit.DAYS);
        String sender = LoggedMail.senderKey("t@u.fr");
        LoggedMail ignoredOld = kept(MailOutcome.IGNORED, old, sender);
        LoggedMail attachedOld = LoggedMail.attached(unique("a"), MailOutcome.FILED, "", old, RequestNumber.of(9),
                sender);
        LoggedMail unattachedOld = kept(MailOutcome.UNATTACHED, old, sender);
        LoggedMail handledOld = kept(MailOutcome.UNATTACHED, old, sender);
        LoggedMail handledLately = kept(MailOutcome.UNATTACHED, old, sender);
        LoggedMail ignoredRecent = kept(MailOutcome.IGNORED, cut.plusSeconds(1), sender);
        for (LoggedMail m : List.of(ignoredOld, attachedOld, unattachedOld, handledOld, handledLately,
                ignoredRecent)) {
            add(m);
        }
        unitOfWork().run(() -> {
            log().markHandled(handledOld.id(), AGENT, old.plusSeconds(60));
            log().markHandled(handledLately.id(), AGENT, cut.plusSeconds(60));
        });
        assertEquals(3, unitOfWork().inTransaction(() -> log().purge(cut, old)));
        for (LoggedMail gone : List.of(ignoredOld, attachedOld, handledOld)) {
            assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> log().find(gone.id())));
        }
        for (LoggedMail kept : List.of(unattachedOld, handledLately, ignoredRecent)) {
            assertTrue(unitOfWork().inTransaction(() -> log().find(kept.id())).isPresent());
        }
        assertEquals(1, unitOfWork().inTransaction(() -> log().purge(cut, keptCut)));
        assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> log().find(unattachedOld.id())));
        assertTrue(unitOfWork().inTransaction(() -> log().find(handledLately.id())).isPresent());
    }

    @Test
    public void forgetting_requests_deletes_every_mail_logged_about_them_and_nothing_else() {
        Instant at = Instant.parse("2026-10-05T08:00:00Z");
        long base = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        RequestNumber first = RequestNumber.of(base);
        RequestNumber second = RequestNumber.of(base + 1);
        RequestNumber other = RequestNumber.of(base + 2);
        String sender = LoggedMail.senderKey(unique("sender"));
        LoggedMail attached = LoggedMail.attached(unique("a"), MailOutcome.FOLLOW_UP, "", at, first, sender);
        LoggedMail kept = LoggedMail.kept(unique("k"), MailOutcome.UNATTACHED, "sender.mismatch", at, second, sender,
                "x@y.fr", "Objet", "Texte");
        LoggedMail ofOther = LoggedMail.attached(unique("o"), MailOutcome.ANSWER, "", at, other, sender);
        LoggedMail ofNone = kept(MailOutcome.UNATTACHED, at, sender);
        for (LoggedMail m : List.of(attached, kept, ofOther, ofNone)) {
            add(m);
        }

        assertEquals(0, unitOfWork().inTransaction(() -> log().forgetRequests(List.of())));
        assertEquals(2, unitOfWork().inTransaction(() -> log().forgetRequests(List.of(first, second))));

        for (LoggedMail gone : List.of(attached, kept)) {
            assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> log().find(gone.id())));
        }
        for (LoggedMail stays : List.of(ofOther, ofNone)) {
            assertEquals(Optional.of(stays), unitOfWork().inTransaction(() -> log().find(stays.id())));
        }
    }

    @Test
    public void forgetting_a_sender_deletes_every_mail_logged_from_their_address_whatever_its_case() {
        Instant at = Instant.parse("2026-10-06T08:00:00Z");
        String address = unique("prof");
        LoggedMail attached = LoggedMail.attached(unique("a"), MailOutcome.FILED, "", at, RequestNumber.of(9),
                LoggedMail.senderKey(address));
        LoggedMail kept = kept(MailOutcome.IGNORED, at, LoggedMail.senderKey(address.toUpperCase(Locale.ROOT)));
        LoggedMail ofOther = kept(MailOutcome.UNATTACHED, at, LoggedMail.senderKey(unique("autre")));
        for (LoggedMail m : List.of(attached, kept, ofOther)) {
            add(m);
        }

        assertEquals(2, unitOfWork().inTransaction(() -> log().forgetSender(EmailAddress.of(address))));

        assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> log().find(attached.id())));
        assertEquals(Optional.empty(), unitOfWork().inTransaction(() -> log().find(kept.id())));
        assertEquals(Optional.of(ofOther), unitOfWork().inTransaction(() -> log().find(ofOther.id())));
        assertEquals(0, unitOfWork().inTransaction(() -> log().countFrom(LoggedMail.senderKey(address), at)));
    }
}
