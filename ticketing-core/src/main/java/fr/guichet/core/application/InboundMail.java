package fr.guichet.core.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A mail read from the helpdesk's mailbox or pushed by an embedding application, already decoded to plain text:
 * {@code from} and {@code recipients} (To, Cc, Delivered-To, X-Original-To) as raw addresses, possibly invalid;
 * {@code headers} by lower-case name; {@code messageId} null when the mail had none. Immutable, except that its files
 * are read once.
 */
public record InboundMail(String messageId, String from, List<String> recipients, String subject, String text,
        Map<String, List<String>> headers, List<Upload> files) {

    public InboundMail {
        recipients = recipients == null ? List.of()
                : recipients.stream().filter(Objects::nonNull).toList();
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        Map<String, List<String>> lower = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .addAll(values.stream().filter(Objects::nonNull).toList());
                }
            });
        }
        headers = lower.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The values of header {@code name} (any case), empty when the mail had none. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first value of header {@code name}, if any. */
    public Optional<String> firstHeader(String name) {
        return header(name).stream().findFirst();
    }

    /**
     * The key this mail is imported once under: its Message-ID without angle brackets and spaces, or, for a mail
     * without one (or with one too long to keep), a SHA-256 of its sender, subject, date and text.
     */
    public String identity() {
        String id = messageId == null ? "" : messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        if (!id.isEmpty() && id.length() <= 200 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return id;
        }
        String basis = id + "\n" + from + "\n" + subject + "\n"
                + firstHeader("date").orElse("") + "\n" + text;
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
