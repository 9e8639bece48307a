package fr.guichet.core.domain.request;

import java.time.Instant;
import java.util.Objects;

/** The metadata of a file attached to a request: sanitised name, media type found from the content, size in bytes. */
public record Attachment(AttachmentId id, String name, String mediaType, long size, Instant at) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(at, "at");
        name = FileName.sanitise(name);
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
    }
}
