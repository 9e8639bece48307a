package fr.guichet.core.testing;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.port.AttachmentStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Attachment contents kept in memory; reads at most the limit plus one byte. */
public final class InMemoryAttachmentStore implements AttachmentStore {

    private final InMemoryDatabase db;

    public InMemoryAttachmentStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public long store(AttachmentId id, InputStream content, long maxBytes) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw DomainError.of(ErrorKind.TOO_LARGE, "attachment.too_large",
                    "Le fichier dépasse la taille autorisée (" + maxBytes / 1024 + " Kio).").exception();
        }
        db.write(s -> s.attachments.put(id, bytes));
        return bytes.length;
    }

    @Override
    public boolean delete(AttachmentId id) {
        return db.read(s -> s.attachments.remove(id) != null);
    }

    @Override
    public Optional<InputStream> open(AttachmentId id) {
        return db.read(s -> Optional.ofNullable(s.attachments.get(id)).map(ByteArrayInputStream::new));
    }
}
