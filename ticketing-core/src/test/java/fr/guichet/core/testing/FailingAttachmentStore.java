package fr.guichet.core.testing;

import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.port.AttachmentStore;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** An attachment store that passes every call on, but fails deletions once {@code failNow} says so. */
public final class FailingAttachmentStore implements AttachmentStore {
    private final AttachmentStore delegate;
    private final BooleanSupplier failNow;

    public FailingAttachmentStore(AttachmentStore delegate, BooleanSupplier failNow) {
        this.delegate = delegate;
        this.failNow = failNow;
    }

    @Override
    public long store(AttachmentId id, InputStream content, long maxBytes) {
        return delegate.store(id, content, maxBytes);
    }

    @Override
    public Optional<InputStream> open(AttachmentId id) {
        return delegate.open(id);
    }

    @Override
    public boolean delete(AttachmentId id) {
        if (failNow.getAsBoolean()) {
            throw new IllegalStateException("the file store went away");
        }
        return delegate.delete(id);
    }
}
