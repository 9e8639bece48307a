package fr.guichet.core.application;

import fr.guichet.core.domain.request.Attachment;
import java.io.InputStream;
import java.util.Objects;

/** An attachment's metadata and its content, which the caller must close. */
public record AttachmentContent(Attachment attachment, InputStream content) {

    public AttachmentContent {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(content, "content");
    }
}
