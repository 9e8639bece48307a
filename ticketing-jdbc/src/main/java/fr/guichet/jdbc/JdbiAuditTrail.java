package fr.guichet.jdbc;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The audit trail in {@code audit_entries} and {@code audit_fields} (a row per field named on either side), only ever
 * inserted into; {@link #hold} locks the one row of {@code admin_hold}. Entries are listed by their sequence, which
 * follows the order of the changes (made one at a time under the hold) whatever the clocks of the nodes say.
 */
final class JdbiAuditTrail implements AuditTrail {

    private final Database db;

    JdbiAuditTrail(Database db) {
        this.db = db;
    }

    @Override
    public void hold() {
        db.inTransaction(h -> h.createQuery("SELECT id FROM admin_hold WHERE id = 1" + db.dialect().forUpdate())
                .mapTo(Integer.class).one());
    }

    @Override
    public void record(AuditEntry entry) {
        db.inTransaction(h -> {
            long seq = h.createUpdate("INSERT INTO audit_entries (at, by_id, by_given, by_family, action, "
                            + "target_kind, target_key, target_label) VALUES (:at, :by, :given, :family, :action, "
                            + ":kind, :key, :label)")
                    .bind("at", entry.at()).bind("by", entry.by().id().value())
                    .bind("given", entry.by().name().given()).bind("family", entry.by().name().family())
                    .bind("action", entry.action()).bind("kind", entry.target().kind())
                    .bind("key", entry.target().key()).bind("label", entry.target().label())
                    .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one();
            TreeSet<String> names = new TreeSet<>(entry.before().fields().keySet());
            names.addAll(entry.after().fields().keySet());
            if (!names.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO audit_fields (entry_seq, name, before_value, "
                        + "after_value) VALUES (:seq, :name, :before, :after)");
                for (String name : names) {
                    batch.bind("seq", seq).bind("name", name)
                            .bind("before", entry.before().fields().get(name))
                            .bind("after", entry.after().fields().get(name)).add();
                }
                batch.execute();
            }
            return null;
        });
    }

    /** An entry's own columns, before its fields are read. */
    private record Head(long seq, AuditEntry withoutFields) {
    }

    @Override
    public Page<AuditEntry> newestFirst(PageRequest page) {
        return db.inTransaction(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM audit_entries").mapTo(Long.class).one();
            List<Head> heads = h.createQuery("SELECT seq, at, by_id, by_given, by_family, action, target_kind, "
                            + "target_key, target_label FROM audit_entries ORDER BY seq DESC "
                            + "LIMIT :limit OFFSET :offset")
                    .bind("limit", page.size()).bind("offset", page.offset())
                    .map((rs, ctx) -> new Head(rs.getLong("seq"), new AuditEntry(Database.instant(rs, "at"),
                            new PersonRef(PersonId.of(rs.getString("by_id")),
                                    new PersonName(rs.getString("by_given"), rs.getString("by_family"))),
                            rs.getString("action"), new AuditTarget(rs.getString("target_kind"),
                                    rs.getString("target_key"), rs.getString("target_label")),
                            Snapshot.NONE, Snapshot.NONE)))
                    .list();
            Map<Long, Map<String, String>> before = new HashMap<>();
            Map<Long, Map<String, String>> after = new HashMap<>();
            if (!heads.isEmpty()) {
                h.createQuery("SELECT entry_seq, name, before_value, after_value FROM audit_fields "
                                + "WHERE entry_seq IN (<seqs>)")
                        .bindList("seqs", heads.stream().map(Head::seq).toList())
                        .map((rs, ctx) -> {
                            long seq = rs.getLong("entry_seq");
                            String name = rs.getString("name");
                            String was = rs.getString("before_value");
                            String is = rs.getString("after_value");
                            if (was != null) {
                                before.computeIfAbsent(seq, k -> new LinkedHashMap<>()).put(name, was);
                            }
                            if (is != null) {
                                after.computeIfAbsent(seq, k -> new LinkedHashMap<>()).put(name, is);
                            }
                            return seq;
                        })
                        .list();
            }
            List<AuditEntry> items = heads.stream().map(head -> {
                AuditEntry e = head.withoutFields();
                return new AuditEntry(e.at(), e.by(), e.action(), e.target(),
                        new Snapshot(before.getOrDefault(head.seq(), Map.of())),
                        new Snapshot(after.getOrDefault(head.seq(), Map.of())));
            }).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }
}
