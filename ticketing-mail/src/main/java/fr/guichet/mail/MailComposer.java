package fr.guichet.mail;

import fr.guichet.core.domain.mail.ReplyTag;
import fr.guichet.core.domain.mail.SatisfactionToken;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds the mail of one outbox entry: its template rendered (plain text with an HTML alternative, UTF-8), From,
 * Reply-To, To, a subject (with the request number when the mail is about one), {@code Auto-Submitted:
 * auto-generated} (RFC 3834) and a Message-ID derived from the entry id, the same for every attempt. A mail about a
 * request has {@code In-Reply-To} and {@code References} naming the request, so that clients thread its mails; with
 * reply keys configured, it also carries the request's reply tag signed for its recipient, at the end of the subject
 * and in its Reply-To (plus-addressed). Refuses the helpdesk's own addresses. Thread-safe.
 */
final class MailComposer {

    private static final String CHARSET = StandardCharsets.UTF_8.name();
    /** Named rather than chosen by Jakarta Mail, which would encode each part once more only to choose. */
    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
    private static final String QUOTED_PRINTABLE = "quoted-printable";

    private final MailConfig config;
    private final Templates templates;
    private final Clock clock;
    private final Set<String> ownAddresses;
    private final Dates dates = new Dates();

    MailComposer(MailConfig config, Templates templates, Clock clock) {
        this.config = config;
        this.templates = templates;
        this.clock = clock;
        this.ownAddresses = config.ownAddresses().stream().map(MailComposer::key).collect(Collectors.toSet());
        StreamProviders.pin();
    }

    /**
     * The mail of {@code entry}, ready to send; or, thrown, the permanent failure that says why it cannot be: its
     * recipient is one of the helpdesk's own addresses, or the message cannot be built.
     */
    MimeMessage mailOf(OutboxEntry entry, Session session) throws Undeliverable {
        Optional<String> refusal = refusal(entry);
        if (refusal.isPresent()) {
            throw new Undeliverable(refusal.get());
        }
        try {
            return compose(entry, session);
        } catch (MessagingException | RuntimeException e) {
            throw new Undeliverable("message cannot be built: " + SafeText.header(String.valueOf(e.getMessage())));
        }
    }

    /** An entry whose mail must not or cannot be sent, with the reason to record. */
    static final class Undeliverable extends Exception {

        Undeliverable(String reason) {
            super(reason, null, false, false);
        }

        DeliveryResult failure() {
            return DeliveryResult.permanentFailure(getMessage());
        }
    }

    /** Why this entry must not be mailed, if it must not: its recipient is one of the helpdesk's own addresses. */
    private Optional<String> refusal(OutboxEntry entry) {
        EmailAddress to = entry.notification().recipient();
        return ownAddresses.contains(key(to))
                ? Optional.of("recipient is the helpdesk itself: " + to.value())
                : Optional.empty();
    }

    /** The Message-ID of {@code entry}'s mail: {@code <guichet.<entry id>@<From's domain>>}. */
    String messageId(UUID entryId) {
        return "<guichet." + entryId + "@" + config.from().domain() + ">";
    }

    /** The id every mail about {@code request} refers to: {@code <guichet.request.<number>@<From's domain>>}. */
    String threadId(RequestNumber request) {
        return "<guichet.request." + request.display() + "@" + config.from().domain() + ">";
    }

    /** A digest's {@code lines}, each followed by the link to its request, the numbers in the lines' order. */
    private String withLinks(String lines, String numbers) {
        List<String> each = lines.lines().toList();
        List<String> links = numbers.isEmpty() ? List.of() : List.of(numbers.split(","));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < each.size(); i++) {
            out.append(each.get(i)).append('\n');
            if (i < links.size()) {
                out.append("  ").append(config.linkTo(links.get(i))).append('\n');
            }
        }
        return out.toString().strip();
    }

    /** The mail of {@code entry}, its headers final ({@code saveChanges} done). */
    private MimeMessage compose(OutboxEntry entry, Session session) throws MessagingException {
        Notification n = entry.notification();
        Map<String, String> values = new HashMap<>(n.data());
        values.putIfAbsent("recipientName", n.recipientName());
        if (n.template() == TemplateKey.PASSWORD_RESET || n.template() == TemplateKey.ACCOUNT_CREATED) {
            values.put("link", config.passwordResetLink(values.remove("resetToken")));
        } else if (n.template().aboutNoRequest()) {
            values.put("link", config.homeLink());
            if (n.template() == TemplateKey.DIGEST) {
                values.put("requests", withLinks(values.getOrDefault("requests", ""),
                        values.getOrDefault("numbers", "")));
            }
        } else {
            values.put("number", n.request().display());
            values.put("link", config.linkTo(n.request().display()));
        }
        if (n.template() == TemplateKey.REQUEST_RESOLVED) {
            config.keys().ifPresent(keys -> values.put("satisfactionLink", config.satisfactionLink(
                    SatisfactionToken.issue(keys, n.request(), clock.instant()).text())));
        }
        values.put("helpdeskName", config.fromName());
        Templates.Rendered rendered = templates.render(n.template(), values);
        Optional<ReplyTag> tag = n.template().aboutNoRequest() ? Optional.empty()
                : config.keys().map(keys -> keys.tag(n.request(), n.recipient()));

        MimeMessage message = new StableIdMessage(session, messageId(entry.id()));
        message.setFrom(address(config.from(), config.fromName()));
        Optional<EmailAddress> replyTo = tag.isPresent()
                ? Optional.of(tag.get().replyAddress(config.replyToAddress().orElse(config.from())))
                : config.replyToAddress();
        if (replyTo.isPresent()) {
            message.setReplyTo(new InternetAddress[] {address(replyTo.get(), config.fromName())});
        }
        message.setRecipient(Message.RecipientType.TO, address(n.recipient(), n.recipientName()));
        message.setSubject(tag.map(t -> rendered.subject() + " " + t.subjectMarker()).orElse(rendered.subject()),
                CHARSET);
        if (!n.template().aboutNoRequest()) {
            String thread = threadId(n.request());
            message.setHeader("In-Reply-To", thread);
            message.setHeader("References", thread);
        }
        message.setHeader("Date", dates.of(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setHeader("Content-Language", templates.language());

        message.setContent(new MimeMultipart("alternative", encoded(rendered.text(), "plain"),
                encoded(rendered.html(), "html")));
        message.saveChanges();
        return message;
    }

    /**
     * A {@code text/<subtype>} part in UTF-8 holding {@code text} already quoted-printable, by Jakarta Mail's own
     * encoder, so that writing the mail copies its bytes: encoded while writing, each byte went on its own through
     * the encoder, the line-ending filter and the connection's buffer (a sixth of the dispatcher's processor time in
     * run-31-mail).
     */
    static MimeBodyPart encoded(String text, String subtype) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=" + CHARSET);
        headers.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
        Bytes bytes = new Bytes(text.length() * 5 / 4 + 64);
        try (OutputStream qp = MimeUtility.encode(bytes, QUOTED_PRINTABLE)) {
            qp.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MessagingException("cannot encode a mail's text", e);
        }
        return new MimeBodyPart(headers, bytes.toByteArray());
    }

    /** A growing byte array without the locking of {@link java.io.ByteArrayOutputStream}, for one thread. */
    private static final class Bytes extends OutputStream {
        private byte[] buffer;
        private int count;

        Bytes(int capacity) {
            this.buffer = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (count == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[count++] = (byte) b;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, count);
        }
    }

    /**
     * The Date header of a second, formatted once for all the mails of that second: {@link MailDateFormat} looks up
     * the time zone's name each time (3% of the senders' samples in run-31-mail), under a lock every sender shared.
     */
    private static final class Dates {
        private final MailDateFormat format = new MailDateFormat();
        private volatile Dated last = new Dated(Long.MIN_VALUE, "");

        private record Dated(long second, String header) {
        }

        String of(Instant now) {
            Dated dated = last;
            if (dated.second() != now.getEpochSecond()) {
                String header;
                synchronized (format) {
                    header = format.format(Date.from(Instant.ofEpochSecond(now.getEpochSecond())));
                }
                dated = new Dated(now.getEpochSecond(), header);
                last = dated;
            }
            return dated.header();
        }
    }

    private static InternetAddress address(EmailAddress email, String name) throws MessagingException {
        String personal = SafeText.header(name);
        try {
            return new InternetAddress(email.value(), personal.isEmpty() ? null : personal, CHARSET);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 unsupported", e);
        }
    }

    private static String key(EmailAddress address) {
        return address.value().toLowerCase(Locale.ROOT);
    }

    /**
     * A message whose Message-ID is fixed in advance instead of drawn at random on each save, and which answers the
     * subject it was given instead of decoding its header again, as the SMTP transport asks for it before each send.
     */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;
        private String subject;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }

        @Override
        public void setSubject(String subject, String charset) throws MessagingException {
            super.setSubject(subject, charset);
            this.subject = subject;
        }

        @Override
        public String getSubject() throws MessagingException {
            return subject != null ? subject : super.getSubject();
        }
    }
}
