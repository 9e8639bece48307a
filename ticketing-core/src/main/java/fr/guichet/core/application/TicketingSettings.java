package fr.guichet.core.application;

import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.domain.request.MediaTypes;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a deployment may tune: eligible mail domains, time zone of school years, reopening window, attachment
 * limits and types, session lengths, idempotency window.
 */
public record TicketingSettings(MailDomains mailDomains, ZoneId zone, Duration reopenWindow, long maxFileBytes,
        long maxRequestBytes, int maxFilesPerRequest, Set<String> allowedMediaTypes, Duration sessionLength,
        Duration rememberedSessionLength, Duration idempotencyWindow) {

    public static final long MIB = 1024L * 1024L;

    public TicketingSettings {
        Objects.requireNonNull(mailDomains, "mailDomains");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(reopenWindow, "reopenWindow");
        Objects.requireNonNull(sessionLength, "sessionLength");
        Objects.requireNonNull(rememberedSessionLength, "rememberedSessionLength");
        Objects.requireNonNull(idempotencyWindow, "idempotencyWindow");
        allowedMediaTypes = Set.copyOf(allowedMediaTypes);
        if (maxFileBytes < 1 || maxRequestBytes < maxFileBytes || maxFilesPerRequest < 0) {
            throw new IllegalArgumentException("invalid attachment limits");
        }
    }

    /** Académie de Créteil defaults: {@code ac-creteil.fr}, Europe/Paris, 15 days to reopen, 10 MiB a file, 25 MiB a
     * request, 10 files, 8 hours or 30 days of session, 24 hours of idempotency. */
    public static TicketingSettings defaults() {
        return new TicketingSettings(MailDomains.of("ac-creteil.fr"), ZoneId.of("Europe/Paris"), Duration.ofDays(15),
                10 * MIB, 25 * MIB, 10, MediaTypes.DEFAULT_ALLOWED, Duration.ofHours(8), Duration.ofDays(30),
                Duration.ofHours(24));
    }

    public TicketingSettings withMailDomains(MailDomains value) {
        return new TicketingSettings(value, zone, reopenWindow, maxFileBytes, maxRequestBytes, maxFilesPerRequest,
                allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow);
    }

    public TicketingSettings withAttachmentLimits(long fileBytes, long requestBytes) {
        return new TicketingSettings(mailDomains, zone, reopenWindow, fileBytes, requestBytes, maxFilesPerRequest,
                allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow);
    }

    public TicketingSettings withReopenWindow(Duration value) {
        return new TicketingSettings(mailDomains, zone, value, maxFileBytes, maxRequestBytes, maxFilesPerRequest,
                allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow);
    }
}
