package fr.guichet.mail;

import fr.guichet.core.application.InboundMail;
import fr.guichet.core.application.Upload;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a MIME message into the {@link InboundMail} the core takes in: Message-ID, the address of From, those of To,
 * Cc, Delivered-To and X-Original-To, the decoded subject, the first text/plain body (else the first HTML one as plain
 * text, see {@link HtmlText}), the headers the core decides on, and every attached or inline file, the parts nested
 * more than {@link #MAX_DEPTH} multiparts deep left out. Pure; reads the message once.
 */
final class InboundMails {

    /** The headers handed to the core (lower case), when the mail has them. */
    static final List<String> HEADERS = List.of("auto-submitted", "precedence", "x-autoreply", "x-autorespond",
            "x-auto-response-suppress", "list-id", "list-unsubscribe", "return-path", "in-reply-to", "references",
            "date", "authentication-results");

    /** How many multiparts deep the parts of a mail are read; deeper ones are left out. */
    static final int MAX_DEPTH = 20;

    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n?");
    private static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To");

    private InboundMails() {
    }

    /** The mail {@code message} holds; throws when it cannot be read (the import is then retried). */
    static InboundMail read(MimeMessage message) throws MessagingException, IOException {
        Body body = new Body();
        body.walk(message, 0);
        return withBody(message, body.text(), body.files);
    }

    /** The mail {@code message} holds with {@code text} in place of its body and without its files. */
    static InboundMail headersWith(MimeMessage message, String text) throws MessagingException {
        return withBody(message, text, List.of());
    }

    private static InboundMail withBody(MimeMessage message, String text, List<Upload> files)
            throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : HEADERS) {
            String[] values = message.getHeader(name);
            if (values != null) {
                List<String> unfolded = new ArrayList<>();
                for (String value : values) {
                    unfolded.add(MimeUtility.unfold(value).strip());
                }
                headers.put(name, unfolded);
            }
        }
        String contentType = message.getContentType();
        if (contentType != null) {
            headers.put("content-type", List.of(MimeUtility.unfold(contentType).strip()));
        }
        List<String> recipients = new ArrayList<>();
        for (String name : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    recipients.addAll(addresses(value));
                }
            }
        }
        String[] from = message.getHeader("From");
        String sender = from == null ? null : addresses(from[0]).stream().findFirst().orElse(null);
        return new InboundMail(message.getMessageID(), sender, recipients, subject(message), text, headers, files);
    }

    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            String[] raw = headerOrNull(message, "Subject");
            return raw == null ? "" : MimeUtility.unfold(raw[0]);
        }
    }

    private static String[] headerOrNull(MimeMessage message, String name) {
        try {
            return message.getHeader(name);
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The addresses of one header value; the value itself, stripped, when it does not parse. */
    private static List<String> addresses(String value) {
        String unfolded = MimeUtility.unfold(value).strip();
        try {
            List<String> out = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(unfolded, false)) {
                if (address.getAddress() != null && !address.isGroup()) {
                    out.add(address.getAddress());
                }
            }
            return out;
        } catch (AddressException e) {
            String raw = unfolded.startsWith("<") && unfolded.endsWith(">")
                    ? unfolded.substring(1, unfolded.length() - 1) : unfolded;
            return raw.isBlank() ? List.of() : List.of(raw);
        }
    }

    /** The text and files found walking the parts of a message. */
    private static final class Body {
        private String plain;
        private String html;
        private final List<Upload> files = new ArrayList<>();

        String text() {
            String text = plain != null ? plain : html == null ? "" : HtmlText.of(html);
            return LINE_BREAKS.matcher(text).replaceAll("\n");
        }

        void walk(Part part, int depth) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                if (depth == MAX_DEPTH) {
                    return;
                }
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        walk(child, depth + 1);
                    }
                    return;
                }
            }
            String name = fileName(part);
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (name == null && !attached && plain == null && part.isMimeType("text/plain")) {
                plain = decoded(part);
            } else if (name == null && !attached && html == null && part.isMimeType("text/html")) {
                html = decoded(part);
            } else if (name != null || attached || part.isMimeType("image/*")) {
                files.add(new Upload(name == null ? unnamed(part) : name, new ByteArrayInputStream(bytes(part))));
            }
        }

        private String unnamed(Part part) throws MessagingException {
            String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
            String extension = type.startsWith("image/png") ? ".png" : type.startsWith("image/gif") ? ".gif"
                    : type.startsWith("image/jpeg") ? ".jpg" : type.startsWith("message/rfc822") ? ".eml" : ".bin";
            return "piece-jointe-" + (files.size() + 1) + extension;
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            return name.contains("=?") ? MimeUtility.decodeText(name) : name;
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    /** A text part decoded in its charset; in UTF-8 (bad bytes replaced) when the charset is unknown. */
    private static String decoded(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            return new String(bytes(part), StandardCharsets.UTF_8);
        }
        return new String(bytes(part), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
