package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.MailReceipt.Outcome;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.ReplyTag;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReceiveMailTest {

    static final ReplyKeys KEYS = ReplyKeys.of(List.of("clé de réponse des tests, assez longue"));
    static final EmailAddress HELPDESK = EmailAddress.of("guichet@ac-creteil.fr");

    private final TestWorld world = new TestWorld();
    private final Ticketing ticketing = Ticketing.builder(world.ports()).clock(world.clock).replyKeys(KEYS)
            .ownAddresses(Set.of(HELPDESK, EmailAddress.of("ne-pas-repondre@ac-creteil.fr"))).build();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester);

    static InboundMail mail(String from, List<String> to, String subject, String text,
            Map<String, List<String>> headers, List<Upload> files) {
        return new InboundMail("<" + UUID.randomUUID() + "@mail.example.org>", from, to, subject, text, headers,
                files);
    }

    /** A reply of {@code sender} to a mail about {@code n} sent to {@code sender}, tagged in its To address. */
    static InboundMail reply(Person sender, RequestNumber n, String text) {
        ReplyTag tag = KEYS.tag(n, sender.email());
        return mail(sender.name().display() + " <" + sender.email() + ">",
                List.of(tag.replyAddress(HELPDESK).value()), "Re: Votre demande", text, Map.of(), List.of());
    }

    private MailReceipt receive(InboundMail mail) {
        return ticketing.receiveMail().receive(mail);
    }

    private Request stored() {
        return Scenario.stored(world, number);
    }

    private LoggedMail logged(String key) {
        return world.mailLog.all().stream().filter(m -> m.messageKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void a_reply_of_the_requester_becomes_a_follow_up_without_its_quote_and_the_assignee_is_told() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        int queued = world.outbox.all().size();

        MailReceipt receipt = receive(reply(requester, number, """
                Voici la capture demandée.

                Le 3 sept. 2008 à 10:00, Guichet <guichet@ac-creteil.fr> a écrit :
                > Pouvez-vous envoyer une capture ?
                """));

        assertEquals(new MailReceipt(Outcome.FOLLOW_UP, Optional.of(number), ""), receipt);
        Message posted = stored().messages().get(stored().messages().size() - 1);
        assertEquals(MessageKind.FOLLOW_UP, posted.kind());
        assertEquals("Voici la capture demandée.", posted.body().value());
        assertEquals(Status.IN_PROGRESS, stored().summaryLine().status());
        assertEquals(Map.of(agent.email().value(), TemplateKey.FOLLOW_UP_POSTED), queuedSince(world, queued));
    }

    @Test
    void a_reply_of_staff_of_the_group_becomes_a_public_answer_mailed_to_the_requester() {
        int queued = world.outbox.all().size();

        MailReceipt receipt = receive(reply(agent, number, "Réinstallez le module, puis reconnectez-vous."));

        assertEquals(Outcome.ANSWER, receipt.outcome());
        Message posted = stored().messages().get(stored().messages().size() - 1);
        assertEquals(MessageKind.PUBLIC_ANSWER, posted.kind());
        assertEquals(agent.id(), posted.author().id());
        assertEquals(Map.of(requester.email().value(), TemplateKey.ANSWER_POSTED), queuedSince(world, queued));

        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
        assertEquals(Outcome.ANSWER, receive(reply(colleague, number, "Un collègue du groupe répond.")).outcome());
    }

    @Test
    void the_tag_is_also_found_in_the_subject_and_the_log_keeps_nothing_of_an_attached_mail() {
        ReplyTag tag = KEYS.tag(number, requester.email());
        InboundMail mail = mail(requester.email().value(), List.of(HELPDESK.value()),
                "RE: TR: Votre demande " + tag.subjectMarker(), "Merci, c'est réglé.", Map.of(), List.of());

        assertEquals(Outcome.FOLLOW_UP, receive(mail).outcome());

        LoggedMail entry = logged(mail.identity());
        assertEquals(MailOutcome.FOLLOW_UP, entry.outcome());
        assertEquals(number, entry.request());
        assertNull(entry.sender());
        assertNull(entry.subject());
        assertNull(entry.text());
    }

    @Test
    void the_same_message_id_is_imported_once() {
        InboundMail mail = reply(requester, number, "Une seule fois, s'il vous plaît.");
        int messages = stored().messages().size();

        assertEquals(Outcome.FOLLOW_UP, receive(mail).outcome());
        assertEquals(new MailReceipt(Outcome.DUPLICATE, Optional.empty(), "duplicate"), receive(mail));

        assertEquals(messages + 1, stored().messages().size());
    }

    @Test
    void a_mail_without_message_id_is_imported_once_under_a_key_derived_from_it() {
        InboundMail first = new InboundMail(null, requester.email().value(),
                List.of(KEYS.tag(number, requester.email()).replyAddress(HELPDESK).value()), "Re: demande",
                "Sans identifiant.", Map.of("date", List.of("Mon, 1 Sep 2008 10:00:00 +0200")), List.of());
        InboundMail again = new InboundMail("  ", first.from(), first.recipients(), first.subject(), first.text(),
                first.headers(), List.of());

        assertEquals(Outcome.FOLLOW_UP, receive(first).outcome());
        assertEquals(Outcome.DUPLICATE, receive(again).outcome());
        assertTrue(first.identity().startsWith("sha256:"));
    }

    @Test
    void automatic_mail_is_ignored_and_kept_with_its_reason() {
        Map<String, Map<String, List<String>>> automatic = Map.of(
                "auto-submitted", Map.of("Auto-Submitted", List.of("auto-replied")),
                "precedence", Map.of("Precedence", List.of("bulk")),
                "auto-reply", Map.of("X-Autoreply", List.of("yes")),
                "null-sender", Map.of("Return-Path", List.of(" < > ")),
                "list-id", Map.of("List-Id", List.of("Enseignants <enseignants.ac-creteil.fr>")),
                "delivery-report", Map.of("Content-Type", List.of("multipart/report; report-type=delivery-status")));
        int messages = stored().messages().size();
        int queued = world.outbox.all().size();
        for (Map.Entry<String, Map<String, List<String>>> e : automatic.entrySet()) {
            ReplyTag tag = KEYS.tag(number, requester.email());
            InboundMail mail = mail(requester.email().value(), List.of(tag.replyAddress(HELPDESK).value()),
                    "Absence", "Je suis absent jusqu'au 15.", e.getValue(), List.of());
            assertEquals(new MailReceipt(Outcome.IGNORED, Optional.empty(), e.getKey()), receive(mail));
            LoggedMail entry = logged(mail.identity());
            assertEquals(MailOutcome.IGNORED, entry.outcome());
            assertEquals(requester.email().value(), entry.sender());
        }
        assertEquals(Outcome.IGNORED, receive(mail("MAILER-DAEMON@ac-creteil.fr", List.of(HELPDESK.value()),
                "Undelivered Mail Returned to Sender", "This is the mail system.", Map.of(), List.of())).outcome());
        assertEquals("own-address", receive(mail("Guichet <guichet@ac-creteil.fr>", List.of(HELPDESK.value()),
                "Votre demande", "Boucle ?", Map.of(), List.of())).reason());
        assertEquals(Outcome.FOLLOW_UP, receive(mail(requester.email().value(),
                List.of(KEYS.tag(number, requester.email()).replyAddress(HELPDESK).value()), "Re:", "Réponse.",
                Map.of("Auto-Submitted", List.of("no"), "Return-Path", List.of("<" + requester.email() + ">")),
                List.of())).outcome());
        assertEquals(messages + 1, stored().messages().size());
        assertEquals(queued + 1, world.outbox.all().size(), "only the follow-up is notified, nothing answers");
    }

    @Test
    void a_sender_over_the_rate_limit_is_ignored_until_the_window_passes() {
        Ticketing limited = Ticketing.builder(world.ports()).clock(world.clock).replyKeys(KEYS)
                .mailRateLimit(3, Duration.ofHours(1)).build();
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.FOLLOW_UP, limited.receiveMail().receive(reply(requester, number, "n° " + i))
                    .outcome());
        }
        assertEquals(new MailReceipt(Outcome.IGNORED, Optional.empty(), "rate-limited"),
                limited.receiveMail().receive(reply(requester, number, "une de trop")));
        assertEquals(Outcome.ANSWER, limited.receiveMail().receive(reply(agent, number, "autre expéditeur"))
                .outcome());
        world.clock.advance(Duration.ofMinutes(61));
        assertEquals(Outcome.FOLLOW_UP, limited.receiveMail().receive(reply(requester, number, "plus tard"))
                .outcome());
    }

    @Test
    void a_forged_token_a_token_of_another_request_or_another_sender_is_kept_unattached() {
        RequestNumber other = Scenario.file(world, requester);
        int messages = stored().messages().size();
        ReplyTag forged = new ReplyTag(number, "AAAAAAAAAA");
        ReplyTag ofOther = KEYS.tag(other, requester.email());
        ReplyTag replayed = new ReplyTag(number, ofOther.token());
        for (ReplyTag tag : List.of(forged, replayed)) {
            InboundMail mail = mail(requester.email().value(), List.of(tag.replyAddress(HELPDESK).value()),
                    "Re: demande", "Texte.", Map.of(), List.of());
            assertEquals(new MailReceipt(Outcome.UNATTACHED, Optional.empty(), "token.invalid"), receive(mail));
            LoggedMail entry = logged(mail.identity());
            assertEquals("Texte.", entry.text());
            assertEquals("Re: demande", entry.subject());
        }
        Person stranger = join(world, Fixtures.newRequester());
        InboundMail forwarded = mail(stranger.email().value(),
                List.of(KEYS.tag(number, requester.email()).replyAddress(HELPDESK).value()), "TR: demande",
                "Transféré.", Map.of(), List.of());
        assertEquals("token.invalid", receive(forwarded).reason(), "a tag is valid for the address it was sent to");
        assertEquals(messages, stored().messages().size());
    }

    @Test
    void a_valid_tag_from_someone_who_is_neither_requester_nor_staff_of_the_group_is_kept_unattached() {
        MailReceipt receipt = receive(reply(Fixtures.specialist(), number, "Je ne suis pas du groupe."));

        assertEquals(new MailReceipt(Outcome.UNATTACHED, Optional.of(number), "sender.mismatch"), receipt);
    }

    @Test
    void a_reply_repeating_its_authors_last_message_on_the_request_is_ignored_as_an_auto_responder_would_send_it() {
        String away = "Je suis absent jusqu'au 15, je lirai votre message à mon retour.";
        assertEquals(Outcome.FOLLOW_UP, receive(reply(requester, number, away)).outcome());
        assertEquals(Outcome.ANSWER, receive(reply(agent, number, away)).outcome(), "another author may say the same");
        int messages = stored().messages().size();
        int queued = world.outbox.all().size();

        InboundMail again = reply(requester, number, away + "\n\n> Votre dernier message cité");
        assertEquals(new MailReceipt(Outcome.IGNORED, Optional.of(number), "repeated"), receive(again));

        assertEquals(MailOutcome.IGNORED, logged(again.identity()).outcome());
        assertEquals(messages, stored().messages().size());
        assertEquals(queued, world.outbox.all().size());
        assertEquals(Outcome.FOLLOW_UP, receive(reply(requester, number, "Je suis rentré.")).outcome());
        assertEquals(Outcome.FOLLOW_UP, receive(reply(requester, number, away)).outcome(),
                "the same text after another one of the same author is not a repetition");
    }

    @Test
    void a_reply_on_a_closed_request_is_kept_unattached() {
        Scenario.moveTo(world, number, Status.CLOSED);
        int messages = stored().messages().size();

        assertEquals(new MailReceipt(Outcome.UNATTACHED, Optional.of(number), "request.closed"),
                receive(reply(requester, number, "Encore un souci.")));
        assertEquals(messages, stored().messages().size());
    }

    @Test
    void a_reply_with_nothing_but_the_quote_is_kept_unattached() {
        assertEquals("text.empty", receive(reply(requester, number, "   \n\n")).reason());
    }

    @Test
    void a_refused_file_is_left_out_and_named_in_the_log_and_the_message_kept_with_the_others() {
        byte[] pdf = FileRequestTest.pdf(2_000);
        byte[] exe = "MZ\u0090\u0000binaire".getBytes(StandardCharsets.ISO_8859_1);
        ReplyTag tag = KEYS.tag(number, requester.email());
        InboundMail mail = mail(requester.email().value(), List.of(tag.replyAddress(HELPDESK).value()), "Re:",
                "Voici les fichiers.", Map.of(), List.of(new Upload("capture.pdf", new ByteArrayInputStream(pdf)),
                        new Upload("outil.exe", new ByteArrayInputStream(exe))));

        MailReceipt receipt = receive(mail);

        assertEquals(Outcome.FOLLOW_UP, receipt.outcome());
        assertEquals("attachment.refused: outil.exe", receipt.reason());
        Message posted = stored().messages().get(stored().messages().size() - 1);
        assertEquals(List.of("capture.pdf"), posted.attachments().stream().map(a -> a.name()).toList());
    }

    @Test
    void without_a_subject_for_mail_a_mail_without_tag_is_kept_unattached() {
        assertEquals(new MailReceipt(Outcome.UNATTACHED, Optional.empty(), "no-token"),
                receive(mail(requester.email().value(), List.of(HELPDESK.value()), "Mon imprimante",
                        "Elle ne marche plus.", Map.of(), List.of())));
        assertEquals(Optional.empty(), world.requests.find(RequestNumber.of(number.value() + 1)));
    }

    /** What the académie's server adds on top of a mail from its own domain whose DMARC check passed. */
    static final Map<String, List<String>> AUTHENTICATED = Map.of("Authentication-Results", List.of(
            "mx.ac-creteil.fr; spf=pass smtp.mailfrom=ac-creteil.fr; dkim=pass header.d=ac-creteil.fr header.s=s1;"
                    + " dmarc=pass (p=quarantine) header.from=ac-creteil.fr"));

    @Test
    void with_a_subject_for_mail_an_eligible_person_files_a_new_request_by_mail() {
        Ticketing filing = Ticketing.builder(world.ports()).clock(world.clock).replyKeys(KEYS)
                .mailSubject(Fixtures.PRINTERS).build();

        MailReceipt receipt = filing.receiveMail().receive(mail("Élise <" + requester.email() + ">",
                List.of(HELPDESK.value()), "  Mon imprimante\tne marche plus  ", "Elle clignote en rouge.\n-- \nÉlise",
                AUTHENTICATED, List.of()));

        assertEquals(Outcome.FILED, receipt.outcome());
        Request filed = Scenario.stored(world, receipt.request().orElseThrow());
        assertEquals("Mon imprimante ne marche plus", filed.summaryLine().summary().value());
        assertEquals("Elle clignote en rouge.", filed.description().value());
        assertEquals(Fixtures.PRINTERS, filed.summaryLine().subject());
        assertEquals(requester.id(), filed.summaryLine().requester().id());

        assertEquals("sender.unknown", filing.receiveMail().receive(mail("inconnu@ac-creteil.fr",
                List.of(HELPDESK.value()), "Bonjour", "Qui suis-je ?", AUTHENTICATED, List.of())).reason());
        Person outsider = join(world, Fixtures.outsider());
        String domain = outsider.email().value().substring(outsider.email().value().indexOf('@') + 1);
        assertEquals("sender.unknown", filing.receiveMail().receive(mail(outsider.email().value(),
                List.of(HELPDESK.value()), "Bonjour", "Hors académie.",
                Map.of("Authentication-Results", List.of("mx.ac-creteil.fr; dmarc=pass header.from=" + domain)),
                List.of())).reason());
    }

    @Test
    void a_new_request_is_never_filed_from_a_mail_its_receiving_server_did_not_authenticate() {
        Ticketing filing = Ticketing.builder(world.ports()).clock(world.clock).replyKeys(KEYS)
                .mailSubject(Fixtures.PRINTERS).build();
        int queued = world.outbox.all().size();
        List<Map<String, List<String>>> unverified = List.of(Map.of(),
                Map.of("Authentication-Results", List.of("mx.ac-creteil.fr; dmarc=fail header.from=ac-creteil.fr",
                        "mx.ac-creteil.fr; dmarc=pass header.from=ac-creteil.fr")),
                Map.of("Authentication-Results", List.of("mx.ac-creteil.fr; dkim=pass header.d=evil-ac-creteil.fr;"
                        + " dmarc=none")),
                Map.of("Authentication-Results", List.of("mx.ac-creteil.fr; dmarc=pass header.from=example.org")),
                Map.of("Authentication-Results", List.of("mx.ac-creteil.fr (dmarc=pass); spf=pass")));
        for (Map<String, List<String>> headers : unverified) {
            InboundMail forged = mail("Élise <" + requester.email() + ">", List.of(HELPDESK.value()),
                    "Changez mon mot de passe", "Envoyez-le à cette adresse.", headers, List.of());
            assertEquals(new MailReceipt(Outcome.UNATTACHED, Optional.empty(), "sender.unverified"),
                    filing.receiveMail().receive(forged), headers.toString());
            assertEquals("Changez mon mot de passe", logged(forged.identity()).subject());
        }
        assertEquals(Optional.empty(), world.requests.find(RequestNumber.of(number.value() + 1)));
        assertEquals(queued, world.outbox.all().size(), "no acknowledgement went to the person named in From");
        assertEquals(Outcome.FILED, filing.receiveMail().receive(mail(requester.email().value(),
                List.of(HELPDESK.value()), "Mon imprimante", "Elle clignote.", Map.of("Authentication-Results",
                        List.of("mx.ac-creteil.fr; dkim=pass header.i=@ac-creteil.fr; dmarc=none")), List.of()))
                .outcome());
    }

    @Test
    void an_invalid_sender_address_is_kept_unattached() {
        assertEquals(new MailReceipt(Outcome.UNATTACHED, Optional.empty(), "sender.invalid"),
                receive(mail("pas une adresse", List.of(HELPDESK.value()), "?", "?", Map.of(), List.of())));
    }

    @Test
    void a_deployment_without_reply_keys_appends_nothing() {
        MailReceipt receipt = world.ticketing.receiveMail().receive(reply(requester, number, "Sans clés."));

        assertEquals(Outcome.UNATTACHED, receipt.outcome());
        assertEquals("token.invalid", receipt.reason());
        assertFalse(stored().messages().stream().anyMatch(m -> m.body().value().equals("Sans clés.")));
    }

    @Test
    void a_failing_store_leaves_nothing_to_be_tried_again() {
        InboundMail mail = reply(requester, number, "Réessayez.");
        world.db.setDown(true);
        Scenario.refused(ErrorKind.UNAVAILABLE, () -> receive(mail));
        world.db.setDown(false);

        assertEquals(Outcome.FOLLOW_UP, receive(mail).outcome());
    }
}
