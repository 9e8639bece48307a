package fr.guichet.core.application;

import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.domain.request.MediaTypes;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a deployment may tune: eligible mail domains, time zone of school years, reopening window, attachment
 * limits and types, session lengths, idempotency window, the delay after which a request waiting for its requester is
 * closed, and how many school years of requests are kept. An administrator may change the mail domains, the reopening
 * window, the auto-close delay and the retention at run time (see {@link ManageSettings}); these values are then the
 * deployment's, used until one is changed.
 */
public record TicketingSettings(MailDomains mailDomains, ZoneId zone, Duration reopenWindow, long maxFileBytes,
        long maxRequestBytes, int maxFilesPerRequest, Set<String> allowedMediaTypes, Duration sessionLength,
        Duration rememberedSessionLength, Duration idempotencyWindow, Duration autoCloseWaitingDelay,
        int retentionSchoolYears) {

    public static final long MIB = 1024L * 1024L;

    /** The default delay after which a request waiting for its requester is closed. */
    public static final Duration DEFAULT_AUTO_CLOSE_WAITING_DELAY = Duration.ofDays(15);

    /** The default number of school years of requests kept. */
    public static final int DEFAULT_RETENTION_SCHOOL_YEARS = 2;

    public TicketingSettings {
        Objects.requireNonNull(mailDomains, "mailDomains");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(reopenWindow, "reopenWindow");
        Objects.requireNonNull(sessionLength, "sessionLength");
        Objects.requireNonNull(rememberedSessionLength, "rememberedSessionLength");
        Objects.requireNonNull(idempotencyWindow, "idempotencyWindow");
        Objects.requireNonNull(autoCloseWaitingDelay, "autoCloseWaitingDelay");
        allowedMediaTypes = Set.copyOf(allowedMediaTypes);
        if (maxFileBytes < 1 || maxRequestBytes < maxFileBytes || maxFilesPerRequest < 0) {
            throw new IllegalArgumentException("invalid attachment limits");
        }
        if (retentionSchoolYears < 1) {
            throw new IllegalArgumentException("at least one school year must be kept");
        }
    }

    /** As the canonical constructor, with the default auto-close delay and retention. */
    public TicketingSettings(MailDomains mailDomains, ZoneId zone, Duration reopenWindow, long maxFileBytes,
            long maxRequestBytes, int maxFilesPerRequest, Set<String> allowedMediaTypes, Duration sessionLength,
            Duration rememberedSessionLength, Duration idempotencyWindow) {
        this(mailDomains, zone, reopenWindow, maxFileBytes, maxRequestBytes, maxFilesPerRequest, allowedMediaTypes,
                sessionLength, rememberedSessionLength, idempotencyWindow, DEFAULT_AUTO_CLOSE_WAITING_DELAY,
                DEFAULT_RETENTION_SCHOOL_YEARS);
    }

    /** Académie de Créteil defaults: {@code ac-creteil.fr}, Europe/Paris, 15 days to reopen, 10 MiB a file, 25 MiB a
     * request, 10 files, 8 hours or 30 days of session, 24 hours of idempotency, a request waiting for its requester
     * closed after 15 days, 2 school years of requests kept. */
    public static TicketingSettings defaults() {
        return new TicketingSettings(MailDomains.of("ac-creteil.fr"), ZoneId.of("Europe/Paris"), Duration.ofDays(15),
                10 * MIB, 25 * MIB, 10, MediaTypes.DEFAULT_ALLOWED, Duration.ofHours(8), Duration.ofDays(30),
                Duration.ofHours(24), DEFAULT_AUTO_CLOSE_WAITING_DELAY, DEFAULT_RETENTION_SCHOOL_YEARS);
    }

    public TicketingSettings withMailDomains(MailDomains value) {
        return new TicketingSettings(value, zone, reopenWindow, maxFileBytes, maxRequestBytes, maxFilesPerRequest,
                allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow, autoCloseWaitingDelay,
                retentionSchoolYears);
    }

    public TicketingSettings withAttachmentLimits(long fileBytes, long requestBytes) {
        return new TicketingSettings(mailDomains, zone, reopenWindow, fileBytes, requestBytes, maxFilesPerRequest,
                allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow, autoCloseWaitingDelay,
                retentionSchoolYears);
    }

    public TicketingSettings withReopenWindow(Duration value) {
        return new TicketingSettings(mailDomains, zone, value, maxFileBytes, maxRequestBytes, maxFilesPerRequest,
                allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow, autoCloseWaitingDelay,
                retentionSchoolYears);
    }

    public TicketingSettings withAutoCloseWaitingDelay(Duration value) {
        return new TicketingSettings(mailDomains, zone, reopenWindow, maxFileBytes, maxRequestBytes,
                maxFilesPerRequest, allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow, value,
                retentionSchoolYears);
    }

    public TicketingSettings withRetentionSchoolYears(int value) {
        return new TicketingSettings(mailDomains, zone, reopenWindow, maxFileBytes, maxRequestBytes,
                maxFilesPerRequest, allowedMediaTypes, sessionLength, rememberedSessionLength, idempotencyWindow,
                autoCloseWaitingDelay, value);
    }
}
