package fr.guichet.core.domain.mail;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One inbound mail in the log: its key (Message-ID), outcome, reason code, arrival and request; a hash of its
 * sender, so that mail is counted per sender without keeping who wrote; its sender, subject and text only when it went
 * to no request ({@link MailOutcome#keepsContent}), cleaned as {@link MailText} does and cut to {@link #MAX_SENDER},
 * {@link #MAX_SUBJECT} and {@link #MAX_TEXT}; and who filed it away ("classé") and when, if anyone did.
 */
public record LoggedMail(UUID id, String messageKey, MailOutcome outcome, String reason, Instant receivedAt,
        RequestNumber request, String senderKey, String sender, String subject, String text, Instant handledAt,
        PersonId handledBy) {

    public static final int MAX_KEY = 255;
    public static final int MAX_REASON = 500;
    public static final int MAX_SENDER = 320;
    public static final int MAX_SUBJECT = 500;
    public static final int MAX_TEXT = 20_000;

    public LoggedMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(senderKey, "senderKey");
        if (messageKey == null || messageKey.isEmpty() || messageKey.length() > MAX_KEY
                || !messageKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("A message key is 1 to " + MAX_KEY + " visible ASCII characters");
        }
        reason = MailText.line(reason, MAX_REASON);
        if (outcome.keepsContent()) {
            sender = MailText.line(sender, MAX_SENDER);
            subject = MailText.line(subject, MAX_SUBJECT);
            text = MailText.body(text, MAX_TEXT);
        } else {
            sender = null;
            subject = null;
            text = null;
        }
        if ((handledAt == null) != (handledBy == null)) {
            throw new IllegalArgumentException("handled at and by go together");
        }
    }

    /** A mail appended to {@code request} or filed as it: nothing of its sender but their key. */
    public static LoggedMail attached(String messageKey, MailOutcome outcome, String reason, Instant receivedAt,
            RequestNumber request, String senderKey) {
        return new LoggedMail(UUID.randomUUID(), messageKey, outcome, reason, receivedAt,
                Objects.requireNonNull(request, "request"), senderKey, null, null, null, null, null);
    }

    /** A mail that went to no request, kept for staff with its sender, subject and text. */
    public static LoggedMail kept(String messageKey, MailOutcome outcome, String reason, Instant receivedAt,
            RequestNumber request, String senderKey, String sender, String subject, String text) {
        return new LoggedMail(UUID.randomUUID(), messageKey, outcome, reason, receivedAt, request, senderKey, sender,
                subject, text, null, null);
    }

    /**
     * The key mail from {@code address} is counted under: a SHA-256 of its lower-cased form (or of the raw From
     * when it is no address), never the address itself.
     */
    public static String senderKey(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (address == null ? "" : address.strip().toLowerCase(Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Optional<RequestNumber> requestNumber() {
        return Optional.ofNullable(request);
    }

    public boolean handled() {
        return handledAt != null;
    }

    /** This mail filed away by {@code by} at {@code at}. */
    public LoggedMail handledBy(PersonId by, Instant at) {
        return new LoggedMail(id, messageKey, outcome, reason, receivedAt, request, senderKey, sender, subject, text,
                Objects.requireNonNull(at, "at"), Objects.requireNonNull(by, "by"));
    }
}
