package fr.guichet.core.architecture.samples.clean;

import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.SubjectCatalogSource;
import java.util.concurrent.atomic.AtomicLong;

/** A sample adapter that keeps to the core, the JDK and its declared technology. */
final class CleanRepository implements SubjectCatalogSource {

    private final AtomicLong last = new AtomicLong();

    RequestNumber next() {
        return RequestNumber.of(last.incrementAndGet());
    }

    @Override
    public SubjectCatalog catalog() {
        return SubjectCatalog.empty();
    }
}
