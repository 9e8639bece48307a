package fr.guichet.core.application;

import fr.guichet.core.application.MailReceipt.Outcome;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.ReplyTag;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.Lifecycle;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Takes in a mail sent to the helpdesk: a reply whose tag is valid for its sender becomes a follow-up of the
 * requester or a public answer of the request's staff, notified as when posted on the site; automatic mail and mail
 * from Guichet's own addresses are ignored; anything else is kept unattached. Decided and stored in one unit of work.
 */
public final class ReceiveMail {

    private static final Set<String> BULK = Set.of("bulk", "list", "junk");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final PersonDirectory people;
    private final Labels labels;
    private final AttachmentIntake intake;
    private final Notifier notifier;
    private final Clock clock;
    private final Optional<ReplyKeys> keys;
    private final Set<EmailAddress> ownAddresses;

    ReceiveMail(UnitOfWork unitOfWork, RequestRepository requests, PersonDirectory people, Labels labels,
            AttachmentIntake intake, Notifier notifier, Clock clock, Optional<ReplyKeys> keys,
            Set<EmailAddress> ownAddresses) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.people = people;
        this.labels = labels;
        this.intake = intake;
        this.notifier = notifier;
        this.clock = clock;
        this.keys = keys;
        this.ownAddresses = Set.copyOf(ownAddresses.stream().map(ReceiveMail::lower).toList());
    }

    /** Decides what {@code mail} becomes and stores it; an exception leaves nothing stored, to be tried again. */
    public MailReceipt receive(InboundMail mail) {
        Optional<EmailAddress> sender = address(mail.from());
        Optional<String> automatic = automatic(mail, sender);
        if (automatic.isPresent()) {
            return new MailReceipt(Outcome.IGNORED, Optional.empty(), automatic.get());
        }
        if (sender.isEmpty()) {
            return unattached("sender.invalid");
        }
        Optional<ReplyTag> tag = tag(mail);
        if (tag.isEmpty()) {
            return unattached("no-token");
        }
        if (keys.isEmpty() || !keys.get().verifies(tag.get(), sender.get())) {
            return unattached("token.invalid");
        }
        return unitOfWork.inTransaction(() -> append(mail, sender.get(), tag.get()));
    }

    private MailReceipt append(InboundMail mail, EmailAddress sender, ReplyTag tag) {
        Optional<Request> found = requests.find(tag.number());
        if (found.isEmpty()) {
            return unattached("request.not-found");
        }
        Request request = found.get();
        Optional<Person> author = author(request, sender);
        if (author.isEmpty()) {
            return unattached("sender.mismatch");
        }
        if (!Lifecycle.acceptsMessages(request.summaryLine().status())) {
            return new MailReceipt(Outcome.UNATTACHED, Optional.of(request.summaryLine().number()), "request.closed");
        }
        Person person = author.get();
        Instant now = clock.instant();
        boolean staff = !request.isRequester(person.id());
        List<Attachment> files = intake.store(mail.files(), request.asSeenByRequester().allAttachments(), now);
        MessageBody body = new MessageBody(mail.text());
        RequestChange change = staff ? request.staffMessage(person, body, false, files, now)
                : request.followUp(person, body, files, now);
        notifier.notify(labels.catalog(), change.after(), change.events(), person.id(), now);
        requests.update(change);
        return new MailReceipt(staff ? Outcome.ANSWER : Outcome.FOLLOW_UP,
                Optional.of(request.summaryLine().number()), "");
    }

    /** The requester, or active staff of the request's group or its assignee, whose address is the sender's. */
    private Optional<Person> author(Request request, EmailAddress sender) {
        String from = lower(sender).value();
        Optional<Person> requester = people.find(request.summaryLine().requester().id())
                .filter(p -> p.active() && lower(p.email()).value().equals(from));
        if (requester.isPresent()) {
            return requester;
        }
        Optional<Person> assignee = Optional.ofNullable(request.summaryLine().assignee()).flatMap(people::find)
                .filter(p -> p.active() && p.isStaff() && lower(p.email()).value().equals(from));
        if (assignee.isPresent()) {
            return assignee;
        }
        return people.membersOf(request.summaryLine().assignedGroup()).stream()
                .filter(p -> p.active() && p.isStaff() && lower(p.email()).value().equals(from)).findFirst();
    }

    private Optional<String> automatic(InboundMail mail, Optional<EmailAddress> sender) {
        if (mail.header("auto-submitted").stream().anyMatch(v -> !token(v).equals("no"))) {
            return Optional.of("auto-submitted");
        }
        if (mail.header("precedence").stream().anyMatch(v -> BULK.contains(token(v)))) {
            return Optional.of("precedence");
        }
        if (!mail.header("x-autoreply").isEmpty() || !mail.header("x-autorespond").isEmpty()) {
            return Optional.of("auto-reply");
        }
        if (mail.header("content-type").stream().anyMatch(v -> token(v).equals("multipart/report"))
                || sender.map(s -> DAEMONS.contains(s.value().substring(0, s.value().lastIndexOf('@'))
                        .toLowerCase(Locale.ROOT))).orElse(false)) {
            return Optional.of("delivery-report");
        }
        if (sender.map(s -> ownAddresses.contains(lower(s))).orElse(false)) {
            return Optional.of("own-address");
        }
        return Optional.empty();
    }

    private static Optional<ReplyTag> tag(InboundMail mail) {
        for (String recipient : mail.recipients()) {
            Optional<ReplyTag> tag = address(recipient).flatMap(ReplyTag::inAddress);
            if (tag.isPresent()) {
                return tag;
            }
        }
        return ReplyTag.inSubject(mail.subject());
    }

    private static MailReceipt unattached(String reason) {
        return new MailReceipt(Outcome.UNATTACHED, Optional.empty(), reason);
    }

    /** The first word of a header value, lower-cased: {@code auto-replied} of {@code Auto-Replied; x=y}. */
    private static String token(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < v.length() && v.charAt(end) != ';' && !Character.isWhitespace(v.charAt(end))) {
            end++;
        }
        return v.substring(0, end);
    }

    private static Optional<EmailAddress> address(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            text = text.substring(open + 1, close).strip();
        }
        try {
            return Optional.of(EmailAddress.of(text));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static EmailAddress lower(EmailAddress address) {
        return EmailAddress.of(address.value().toLowerCase(Locale.ROOT));
    }
}
