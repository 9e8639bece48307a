package fr.guichet.jdbc;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.Person;
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

    @Override
    public void forget(Person who, Person placeholder) {
        db.inTransaction(h -> {
            String aboutThem = "entry_seq IN (SELECT seq FROM audit_entries WHERE target_kind = 'person' "
                    + "AND target_key = :id)";
            h.createUpdate("UPDATE audit_fields SET before_value = " + exactly("before_value")
                            + ", after_value = " + exactly("after_value") + " WHERE " + aboutThem)
                    .bind("id", who.id().value()).bind("email", who.email().value())
                    .bind("given", who.name().given()).bind("family", who.name().family())
                    .bind("whole", who.name().display())
                    .bind("newId", placeholder.id().value()).bind("newEmail", placeholder.email().value())
                    .bind("newGiven", placeholder.name().given()).bind("newFamily", placeholder.name().family())
                    .bind("newWhole", placeholder.name().display())
                    .execute();
            h.createUpdate("UPDATE audit_fields SET before_value = " + anywhere("before_value")
                            + ", after_value = " + anywhere("after_value")
                            + " WHERE before_value IN (:id, :email) OR after_value IN (:id, :email) "
                            + "OR before_value LIKE :listed OR after_value LIKE :listed")
                    .bind("id", who.id().value()).bind("email", who.email().value())
                    .bind("newId", placeholder.id().value()).bind("newEmail", placeholder.email().value())
                    .bind("token", listed(who)).bind("newToken", listed(placeholder))
                    .bind("listed", "%" + listed(who) + "%")
                    .execute();
            h.createUpdate("UPDATE audit_entries SET by_id = :newId, by_given = :newGiven, by_family = :newFamily "
                            + "WHERE by_id = :id")
                    .bind("id", who.id().value()).bind("newId", placeholder.id().value())
                    .bind("newGiven", placeholder.name().given()).bind("newFamily", placeholder.name().family())
                    .execute();
            return h.createUpdate("UPDATE audit_entries SET target_key = :newId, target_label = :newWhole "
                            + "WHERE target_kind = 'person' AND target_key = :id")
                    .bind("id", who.id().value()).bind("newId", placeholder.id().value())
                    .bind("newWhole", placeholder.name().display())
                    .execute();
        });
    }

    /** {@code column} with the forgotten person's identifier, e-mail or names put as the placeholder's. */
    private static String exactly(String column) {
        return "CASE " + column + " WHEN :id THEN :newId WHEN :email THEN :newEmail WHEN :given THEN :newGiven "
                + "WHEN :family THEN :newFamily WHEN :whole THEN :newWhole ELSE " + column + " END";
    }

    /** {@code column} with the identifier, e-mail or listed name of the one forgotten put as the placeholder's. */
    private static String anywhere(String column) {
        return "CASE " + column + " WHEN :id THEN :newId WHEN :email THEN :newEmail ELSE REPLACE(" + column
                + ", :token, :newToken) END";
    }

    /** How lists of people in the trail name {@code person}: {@code Name (identifier)}. */
    private static String listed(Person person) {
        return person.name().display() + " (" + person.id().value() + ")";
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
