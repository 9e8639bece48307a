package fr.guichet.core.application;

import fr.guichet.core.application.MailReceipt.Outcome;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.mail.AuthenticationResults;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.mail.MailReasons;
import fr.guichet.core.domain.mail.MailText;
import fr.guichet.core.domain.mail.QuotedText;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.ReplyTag;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.FileName;
import fr.guichet.core.domain.request.Lifecycle;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Takes in a mail sent to the helpdesk, deciding and storing in one unit of work, once per message key across nodes
 * (a mail logged already is a DUPLICATE, a concurrent import of it included). Never appended nor answered, and kept
 * IGNORED with the reason: automatic mail (RFC 3834 {@code Auto-Submitted} other than {@code no}, {@code Precedence}
 * bulk, list or junk, {@code X-Autoreply}, {@code X-Autorespond}, the null sender {@code Return-Path: <>}, a
 * {@code List-Id}), delivery reports, mail from Guichet's own addresses, mail from a sender over the rate limit, and a
 * reply repeating the text of its author's last message on the request (an auto-responder's). A reply whose tag is
 * valid for its sender becomes a follow-up when the sender is the request's active requester, a public answer when
 * they are its assignee or active staff of its group, with the quoted part and signature cut, notified as when posted
 * on the site, its files taken in one by one by the attachment rules (a refused file is left out and named in the
 * log's reason; a reply with no text of its own is kept unattached). A mail without a tag from an active person
 * whose address is eligible, authenticated by the receiving server ({@link AuthenticationResults}), files a new
 * request in the subject for mail, when there is one. Anything else is kept UNATTACHED with its reason for staff; only
 * those and ignored mail keep their sender, subject and text in the log.
 */
public final class ReceiveMail {

    private static final Set<String> BULK = Set.of("bulk", "list", "junk");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");
    private static final int ATTEMPTS = 3;

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final PersonDirectory people;
    private final PersonRegistry registry;
    private final InboundMailLog log;
    private final Labels labels;
    private final AttachmentIntake intake;
    private final Notifier notifier;
    private final FileRequest fileRequest;
    private final LiveSettings live;
    private final Clock clock;
    private final MailIntake config;
    private final ServiceLevels serviceLevels;

    ReceiveMail(Ports ports, Labels labels, AttachmentIntake intake, Notifier notifier, FileRequest fileRequest,
            LiveSettings live, Clock clock, MailIntake config, ServiceLevels serviceLevels) {
        this.unitOfWork = ports.unitOfWork();
        this.requests = ports.requests();
        this.people = ports.people();
        this.registry = ports.registry();
        this.log = ports.mailLog();
        this.labels = labels;
        this.intake = intake;
        this.notifier = notifier;
        this.fileRequest = fileRequest;
        this.live = live;
        this.clock = clock;
        this.config = config;
        this.serviceLevels = serviceLevels;
    }

    /**
     * Decides what {@code mail} becomes and stores it with its log entry; an exception leaves nothing stored, for the
     * caller to try again later.
     */
    public MailReceipt receive(InboundMail mail) {
        String key = mail.identity();
        for (int attempt = 1; ; attempt++) {
            try {
                return unitOfWork.inTransaction(() -> decide(mail, key));
            } catch (Duplicate d) {
                return new MailReceipt(Outcome.DUPLICATE, Optional.empty(), "duplicate");
            } catch (Moved m) {
                if (attempt == ATTEMPTS) {
                    throw TicketingException.conflict("mail.request.busy",
                            "La demande change sans cesse : le courriel sera repris plus tard.");
                }
            }
        }
    }

    /**
     * Keeps {@code mail}, which the adapter could not take in whole (too large, or failing every time), UNATTACHED with
     * {@code reason} for staff to look at, once per message key; nothing else is decided from it.
     */
    public MailReceipt keepUnreadable(InboundMail mail, String reason) {
        String key = mail.identity();
        try {
            return unitOfWork.inTransaction(() -> {
                if (log.contains(key)) {
                    throw new Duplicate();
                }
                Optional<EmailAddress> sender = address(mail.from());
                return new Received(mail, key, sender, LoggedMail.senderKey(
                        sender.map(EmailAddress::value).orElse(mail.from())), clock.instant())
                        .kept(MailOutcome.UNATTACHED, reason, null);
            });
        } catch (Duplicate d) {
            return new MailReceipt(Outcome.DUPLICATE, Optional.empty(), "duplicate");
        }
    }

    private MailReceipt decide(InboundMail mail, String key) {
        if (log.contains(key)) {
            throw new Duplicate();
        }
        Instant now = clock.instant();
        Optional<EmailAddress> sender = address(mail.from());
        Received received = new Received(mail, key, sender, LoggedMail.senderKey(
                sender.map(EmailAddress::value).orElse(mail.from())), now);
        Optional<String> automatic = automatic(mail, sender);
        if (automatic.isPresent()) {
            return received.kept(MailOutcome.IGNORED, automatic.get(), null);
        }
        if (log.countFrom(received.senderKey, now.minus(config.rateWindow())) >= config.rateLimit()) {
            return received.kept(MailOutcome.IGNORED, "rate-limited", null);
        }
        if (sender.isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "sender.invalid", null);
        }
        Optional<ReplyTag> tag = tag(mail);
        if (tag.isPresent()) {
            return reply(received, sender.get(), tag.get());
        }
        return fileNew(received, sender.get());
    }

    private MailReceipt reply(Received received, EmailAddress sender, ReplyTag tag) {
        if (config.keys().isEmpty() || !config.keys().get().verifies(tag, sender)) {
            return received.kept(MailOutcome.UNATTACHED, "token.invalid", null);
        }
        RequestNumber number = tag.number();
        Optional<Request> found = requests.find(number);
        if (found.isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "request.not-found", null);
        }
        Request request = found.get();
        Optional<Person> author = author(request, sender);
        if (author.isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "sender.mismatch", number);
        }
        if (!Lifecycle.acceptsMessages(request.summaryLine().status())) {
            return received.kept(MailOutcome.UNATTACHED, "request.closed", number);
        }
        String text = MailText.body(QuotedText.cut(received.mail.text()), MessageBody.MAX);
        if (text.isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "text.empty", number);
        }
        Person person = author.get();
        if (repeats(request, person, text)) {
            return received.kept(MailOutcome.IGNORED, "repeated", number);
        }
        boolean staff = !request.isRequester(person.id());
        List<String> refused = new ArrayList<>();
        List<Attachment> files = take(received.mail.files(), request.asSeenByRequester().allAttachments(),
                received.at, refused);
        MessageBody body = new MessageBody(text);
        RequestChange change = staff ? request.staffMessage(person, body, false, files, received.at)
                : serviceLevels.restarted(request.followUp(person, body, files, received.at));
        notifier.notify(labels.catalog(), change.after(), change.events(), person.id(), received.at);
        if (!requests.update(change)) {
            throw new Moved();
        }
        return received.attached(staff ? MailOutcome.ANSWER : MailOutcome.FOLLOW_UP, refused, number);
    }

    private MailReceipt fileNew(Received received, EmailAddress sender) {
        if (config.filingSubject().isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "no-token", null);
        }
        if (!AuthenticationResults.authenticates(received.mail.header("authentication-results"), sender)) {
            return received.kept(MailOutcome.UNATTACHED, "sender.unverified", null);
        }
        Optional<Person> requester = eligible(sender);
        if (requester.isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "sender.unknown", null);
        }
        String text = MailText.body(QuotedText.cut(received.mail.text()), Description.MAX);
        Optional<RequestType> type = labels.catalog().activeRequestTypes().stream().findFirst();
        if (text.isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "text.empty", null);
        }
        if (type.isEmpty()) {
            return received.kept(MailOutcome.UNATTACHED, "filing.refused", null);
        }
        String subject = MailText.line(received.mail.subject(), Summary.MAX);
        RequestDraft draft = new RequestDraft(config.filingSubject().get(), type.get().code(),
                new Summary(subject.isEmpty() ? "Demande reçue par courriel" : subject), new Description(text), null);
        List<String> refused = new ArrayList<>();
        Filing filing;
        try {
            filing = fileRequest.file(requester.get(), draft,
                    now -> take(received.mail.files(), List.of(), now, refused));
        } catch (TicketingException e) {
            if (e.kind() != ErrorKind.INVALID && e.kind() != ErrorKind.FORBIDDEN) {
                throw e;
            }
            return received.kept(MailOutcome.UNATTACHED, "filing.refused", null);
        }
        return received.attached(MailOutcome.FILED, refused, filing.details().request().summaryLine().number());
    }

    /** Takes in {@code uploads} one by one by the attachment rules, naming those refused in {@code refused}. */
    private List<Attachment> take(List<Upload> uploads, List<Attachment> already, Instant now, List<String> refused) {
        List<Attachment> taken = new ArrayList<>();
        for (Upload upload : uploads) {
            List<Attachment> held = Stream.concat(already.stream(), taken.stream()).toList();
            try {
                taken.addAll(intake.store(List.of(upload), held, now));
            } catch (TicketingException e) {
                if (e.kind() == ErrorKind.UNAVAILABLE) {
                    throw e;
                }
                refused.add(FileName.sanitise(upload.name()));
            }
        }
        return taken;
    }

    /** Whether {@code text} is that of the last message {@code author} wrote on {@code request}: an auto-responder. */
    private static boolean repeats(Request request, Person author, String text) {
        List<Message> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author().id().equals(author.id())) {
                return messages.get(i).body().value().equals(text);
            }
        }
        return false;
    }

    /** The requester, or the assignee or active staff of the request's group, whose address is the sender's. */
    private Optional<Person> author(Request request, EmailAddress sender) {
        Optional<Person> requester = people.find(request.summaryLine().requester().id())
                .filter(p -> p.active() && same(p.email(), sender));
        if (requester.isPresent()) {
            return requester;
        }
        Optional<Person> assignee = Optional.ofNullable(request.summaryLine().assignee()).flatMap(people::find)
                .filter(p -> p.active() && p.isStaff() && same(p.email(), sender));
        if (assignee.isPresent()) {
            return assignee;
        }
        return people.membersOf(request.summaryLine().assignedGroup()).stream()
                .filter(p -> p.active() && p.isStaff() && same(p.email(), sender)).findFirst();
    }

    /** The one active person known by {@code sender}, when the address is eligible to file. */
    private Optional<Person> eligible(EmailAddress sender) {
        if (!live.current().mailDomains().isEligible(sender)) {
            return Optional.empty();
        }
        List<Person> found = registry.search(sender.value(), new PageRequest(1, PageRequest.MAX_SIZE)).items().stream()
                .filter(p -> same(p.email(), sender)).flatMap(p -> people.find(p.id()).stream())
                .filter(p -> p.active() && same(p.email(), sender)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private Optional<String> automatic(InboundMail mail, Optional<EmailAddress> sender) {
        if (mail.header("auto-submitted").stream().anyMatch(v -> !firstWord(v).equals("no"))) {
            return Optional.of("auto-submitted");
        }
        if (mail.header("precedence").stream().anyMatch(v -> BULK.contains(firstWord(v)))) {
            return Optional.of("precedence");
        }
        if (!mail.header("x-autoreply").isEmpty() || !mail.header("x-autorespond").isEmpty()) {
            return Optional.of("auto-reply");
        }
        if (mail.header("return-path").stream().anyMatch(v -> v.replaceAll("\\s", "").equals("<>"))) {
            return Optional.of("null-sender");
        }
        if (!mail.header("list-id").isEmpty()) {
            return Optional.of("list-id");
        }
        if (mail.header("content-type").stream().anyMatch(v -> firstWord(v).equals("multipart/report"))
                || sender.map(s -> DAEMONS.contains(localPart(s))).orElse(false)) {
            return Optional.of("delivery-report");
        }
        if (sender.map(s -> config.ownAddresses().stream().anyMatch(own -> same(own, s))).orElse(false)) {
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

    /** The first word of a header value, lower-cased: {@code auto-replied} of {@code Auto-Replied; x=y}. */
    private static String firstWord(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < v.length() && v.charAt(end) != ';' && !Character.isWhitespace(v.charAt(end))) {
            end++;
        }
        return v.substring(0, end);
    }

    /** The address of a raw {@code From} or recipient, {@code Name <a@b>} or {@code a@b}, if it is one. */
    static Optional<EmailAddress> address(String raw) {
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
        } catch (TicketingException invalid) {
            return Optional.empty();
        }
    }

    private static String localPart(EmailAddress address) {
        return address.value().substring(0, address.value().lastIndexOf('@')).toLowerCase(Locale.ROOT);
    }

    /** Whether two addresses are the same, whatever their case. */
    static boolean same(EmailAddress a, EmailAddress b) {
        return a.value().equalsIgnoreCase(b.value());
    }

    /** A mail being decided: what its log entry is made of. */
    private final class Received {
        final InboundMail mail;
        final String key;
        final Optional<EmailAddress> sender;
        final String senderKey;
        final Instant at;

        Received(InboundMail mail, String key, Optional<EmailAddress> sender, String senderKey, Instant at) {
            this.mail = mail;
            this.key = key;
            this.sender = sender;
            this.senderKey = senderKey;
            this.at = at;
        }

        MailReceipt kept(MailOutcome outcome, String reason, RequestNumber number) {
            String from = sender.map(EmailAddress::value).orElse(mail.from());
            add(LoggedMail.kept(key, outcome, reason, at, number, senderKey, from, mail.subject(), mail.text()));
            return new MailReceipt(Outcome.valueOf(outcome.name()), Optional.ofNullable(number), reason);
        }

        MailReceipt attached(MailOutcome outcome, List<String> refused, RequestNumber number) {
            String reason = refused.isEmpty() ? "" : MailReasons.REFUSED_FILES + String.join(", ", refused);
            add(LoggedMail.attached(key, outcome, reason, at, number, senderKey));
            return new MailReceipt(Outcome.valueOf(outcome.name()), Optional.of(number), reason);
        }

        private void add(LoggedMail entry) {
            if (!log.add(entry)) {
                throw new Duplicate();
            }
        }
    }

    /** Rolls back the import of a mail another import logged first. */
    private static final class Duplicate extends RuntimeException {
        Duplicate() {
            super(null, null, false, false);
        }
    }

    /** Rolls back an import whose request changed since it was read, to decide again. */
    private static final class Moved extends RuntimeException {
        Moved() {
            super(null, null, false, false);
        }
    }
}
