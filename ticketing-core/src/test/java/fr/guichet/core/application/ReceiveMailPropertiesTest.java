package fr.guichet.core.application;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.application.MailReceipt.Outcome;
import fr.guichet.core.domain.mail.ReplyTag;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever a mail holds in its sender, recipients, subject, headers and text, taking it in never throws, and it is
 * appended to a request only when it carries a tag valid for its sender.
 */
class ReceiveMailPropertiesTest {

    private final TestWorld world = new TestWorld();
    private final Ticketing ticketing = Ticketing.builder(world.ports()).clock(world.clock)
            .replyKeys(ReceiveMailTest.KEYS).ownAddresses(Set.of(ReceiveMailTest.HELPDESK)).build();
    private final Person requester = Scenario.join(world, Fixtures.newRequester());
    private final RequestNumber number = Scenario.file(world, requester);
    private final List<String> people = List.of(requester.email().value(), Fixtures.agent().email().value(),
            Fixtures.specialist().email().value(), "inconnu@ac-creteil.fr", "guichet@ac-creteil.fr",
            "MAILER-DAEMON@ac-creteil.fr");

    private Gen<String> junk() {
        Gen<String> pieces = lists().of(Generate.pick(List.of("[Guichet ", "]", "-", "+", "<", ">", "@", " ", "\n",
                "\r\n", "\u0000", "é", "\ud83d\ude00", "\ud800", "\u202e", "Re: ", "TR: ", number.display(),
                "AAAAAAAAAA", "ac-creteil.fr", "guichet", "\"Nom, Prénom\" ", "=?UTF-8?B?w6k=?=")))
                .ofSizeBetween(0, 20).map(ps -> String.join("", ps));
        return Generate.oneOf(strings().allPossible().ofLengthBetween(0, 120), pieces);
    }

    /** Addresses and near-addresses: tagged for the right or the wrong person, forged, invalid. */
    private Gen<String> addresses() {
        Gen<String> tagged = Generate.pick(people).zip(Generate.pick(people), integers().between(0, 2),
                (signedFor, shape, forge) -> {
                    ReplyTag tag = ReceiveMailTest.KEYS.tag(number, EmailAddress.of(signedFor));
                    ReplyTag used = forge == 0 ? tag : new ReplyTag(number, forge == 1 ? "ABCDEFGHIJ"
                            : ReceiveMailTest.KEYS.tag(RequestNumber.of(number.value() + 1), EmailAddress.of(signedFor))
                                    .token());
                    return shape.equals(signedFor) ? used.replyAddress(ReceiveMailTest.HELPDESK).value()
                            : "Nom <" + used.replyAddress(ReceiveMailTest.HELPDESK).value() + ">";
                });
        return Generate.oneOf(Generate.pick(people), tagged, junk());
    }

    private Gen<String> subjects() {
        Gen<String> marked = Generate.pick(people).zip(junk(), (signedFor, text) -> text + " "
                + ReceiveMailTest.KEYS.tag(number, EmailAddress.of(signedFor)).subjectMarker());
        return Generate.oneOf(junk(), marked);
    }

    private Gen<Map<String, List<String>>> headers() {
        Gen<String> names = Generate.pick(List.of("Auto-Submitted", "precedence", "X-Autoreply", "x-autorespond",
                "Content-Type", "Date", "List-Id", "X-Weird"));
        Gen<String> values = Generate.oneOf(Generate.pick(List.of("no", "auto-replied", "bulk", "list", "junk",
                "multipart/report; report-type=delivery-status", "text/plain", "", " NO ")), junk());
        return lists().of(names.zip(values, Map::entry)).ofSizeBetween(0, 3).map(entries -> {
            Map<String, List<String>> headers = new java.util.HashMap<>();
            entries.forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return headers;
        });
    }

    private Gen<InboundMail> mails() {
        Gen<String> ids = Generate.oneOf(Generate.constant((String) null), junk(), strings().numeric());
        Gen<List<String>> recipients = lists().of(addresses()).ofSizeBetween(0, 3);
        return ids.zip(addresses(), recipients, subjects(), (id, from, to, subject) -> new InboundMail(id, from, to,
                subject, null, null, null)).zip(headers(), junk(), (m, headers, text) -> new InboundMail(
                        m.messageId(), m.from(), m.recipients(), m.subject(), text, headers, List.of()));
    }

    @Test
    void any_mail_is_taken_in_without_an_exception_and_appended_only_with_a_tag_valid_for_its_sender() {
        qt().withExamples(300).forAll(mails()).checkAssert(mail -> {
            MailReceipt receipt = ticketing.receiveMail().receive(mail);
            assertNotEquals(Outcome.FILED, receipt.outcome());
            if (receipt.outcome() == Outcome.FOLLOW_UP || receipt.outcome() == Outcome.ANSWER) {
                assertTrue(validTag(mail), () -> "appended without a valid tag: " + mail);
                assertTrue(receipt.request().equals(Optional.of(number)));
            }
        });
    }

    private static boolean validTag(InboundMail mail) {
        Optional<EmailAddress> sender = ReceiveMail.address(mail.from());
        if (sender.isEmpty()) {
            return false;
        }
        List<ReplyTag> tags = new ArrayList<>();
        mail.recipients().forEach(r -> ReceiveMail.address(r).flatMap(ReplyTag::inAddress).ifPresent(tags::add));
        ReplyTag.inSubject(mail.subject()).ifPresent(tags::add);
        return tags.stream().anyMatch(t -> ReceiveMailTest.KEYS.verifies(t, sender.get()));
    }
}
