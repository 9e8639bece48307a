package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.FileName;
import fr.guichet.core.domain.request.MediaTypes;
import fr.guichet.core.port.AttachmentStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes in the files sent with a filing or a message, inside the caller's unit of work: each one's media type is found
 * from its content and must be allowed, its name is stored with an extension of that type ({@link
 * MediaTypes#storedName}), and the request's files, those it already has included, stay within the deployment's
 * number, size per file and size in all.
 */
final class AttachmentIntake {

    private final AttachmentStore store;
    private final TicketingSettings settings;
    private final AttachmentLimits limits;

    AttachmentIntake(AttachmentStore store, TicketingSettings settings) {
        this.store = store;
        this.settings = settings;
        this.limits = new AttachmentLimits(settings);
    }

    /** Refuses, before anything is read, more files than a request holding {@code already} may still take. */
    void checkCount(int sent, List<Attachment> already) {
        if (sent > settings.maxFilesPerRequest() - already.size()) {
            throw limits.tooMany(already.size());
        }
    }

    /** Stores {@code uploads} for a request that holds {@code already}; refused as a whole on the first bad one. */
    List<Attachment> store(List<Upload> uploads, List<Attachment> already, Instant now) {
        checkCount(uploads.size(), already);
        long attached = already.stream().mapToLong(Attachment::size).sum();
        long remaining = settings.maxRequestBytes() - attached;
        List<Attachment> stored = new ArrayList<>();
        for (Upload upload : uploads) {
            String name = FileName.sanitise(upload.name());
            BufferedInputStream in = new BufferedInputStream(upload.content(), MediaTypes.HEAD + 1);
            String mediaType = mediaType(in, name);
            long max = Math.min(settings.maxFileBytes(), Math.max(0, remaining));
            AttachmentId id = AttachmentId.random();
            long size;
            try {
                size = store.store(id, in, max);
            } catch (TicketingException e) {
                if (e.kind() != ErrorKind.TOO_LARGE) {
                    throw e;
                }
                throw max < settings.maxFileBytes() ? limits.tooLargeInAll(attached) : limits.fileTooLarge(name);
            }
            remaining -= size;
            stored.add(new Attachment(id, MediaTypes.storedName(name, mediaType), mediaType, size, now));
        }
        return stored;
    }

    private String mediaType(BufferedInputStream in, String name) {
        String mediaType;
        try {
            in.mark(MediaTypes.HEAD + 1);
            byte[] head = in.readNBytes(MediaTypes.HEAD);
            in.reset();
            mediaType = MediaTypes.detect(head, head.length, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!settings.allowedMediaTypes().contains(mediaType)) {
            throw new DomainError(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "attachment.type_refused", "file",
                    "Le type du fichier « " + name + " » n'est pas accepté (PDF, images, textes, documents "
                            + "bureautiques ou archives ZIP).").exception();
        }
        return mediaType;
    }
}
