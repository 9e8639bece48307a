package fr.guichet.core.testing;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The audit trail in memory, in recording order; holding it is the database's one lock. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final InMemoryDatabase db;

    public InMemoryAuditTrail(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void hold() {
        db.read(s -> null);
    }

    @Override
    public void record(AuditEntry entry) {
        db.write(s -> s.audit.add(entry));
    }

    @Override
    public Page<AuditEntry> newestFirst(PageRequest page) {
        return db.read(s -> {
            List<AuditEntry> newest = new ArrayList<>(s.audit);
            Collections.reverse(newest);
            List<AuditEntry> items = newest.stream().skip(page.offset()).limit(page.size()).toList();
            return new Page<>(items, page.page(), page.size(), newest.size());
        });
    }
}
