package fr.guichet.core.port;

import fr.guichet.core.domain.request.AttachmentId;
import java.io.InputStream;
import java.util.Optional;

/** Stores attachment contents, streamed: never the whole file in memory. Called inside a {@link UnitOfWork}. */
public interface AttachmentStore {

    /**
     * Streams {@code content} into storage under {@code id} and returns its size. Reads at most {@code maxBytes + 1}
     * bytes: a longer content is refused (TOO_LARGE, {@code attachment.too_large}) and nothing is kept.
     */
    long store(AttachmentId id, InputStream content, long maxBytes);

    /** Deletes the content for good; answers false when there was none (deleting twice is harmless). */
    boolean delete(AttachmentId id);

    /** The content, to be closed by the caller; empty when there is no such attachment. */
    Optional<InputStream> open(AttachmentId id);
}
