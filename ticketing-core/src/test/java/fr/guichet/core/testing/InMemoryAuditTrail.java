package fr.guichet.core.testing;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    public void forget(Person who, Person placeholder) {
        String id = who.id().value();
        Map<String, String> anywhere = Map.of(id, placeholder.id().value(), who.email().value(),
                placeholder.email().value());
        Map<String, String> about = new HashMap<>(anywhere);
        about.put(who.name().given(), placeholder.name().given());
        about.put(who.name().family(), placeholder.name().family());
        about.put(who.name().display(), placeholder.name().display());
        String token = who.name().display() + " (" + id + ")";
        String replacement = placeholder.name().display() + " (" + placeholder.id().value() + ")";
        db.write(s -> s.audit.replaceAll(e -> {
            boolean isAbout = e.target().kind().equals("person") && e.target().key().equals(id);
            Map<String, String> values = isAbout ? about : anywhere;
            return new AuditEntry(e.at(), e.by().id().equals(who.id()) ? placeholder.ref() : e.by(), e.action(),
                    isAbout ? new AuditTarget("person", placeholder.id().value(), placeholder.name().display())
                            : e.target(),
                    replaced(e.before(), values, token, replacement), replaced(e.after(), values, token, replacement));
        }));
    }

    private static Snapshot replaced(Snapshot snapshot, Map<String, String> values, String token, String replacement) {
        Map<String, String> fields = new HashMap<>();
        snapshot.fields().forEach((name, value) -> fields.put(name,
                values.getOrDefault(value, value.replace(token, replacement))));
        return new Snapshot(fields);
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
