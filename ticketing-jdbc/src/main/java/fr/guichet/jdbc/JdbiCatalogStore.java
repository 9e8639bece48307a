package fr.guichet.jdbc;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.ServiceTargets;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.CatalogStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The subject catalog in the tables {@code subjects} (each subject's own support group, routing and service-level
 * targets, null when inherited, and its position among its siblings), {@code subject_specialists} and {@code request_types} (in order,
 * active or not), kept in
 * memory as last built: each call reads the stamp of {@code catalog_version}, which every {@link #replace} sets to a
 * new random UUID in its transaction, and rebuilds the catalog only when the stamp is not the one it was built at, so
 * a replacement through any node sharing the database is seen by the next call on every node. Thread-safe.
 */
final class JdbiCatalogStore implements CatalogStore {

    private final Database db;
    private volatile Built last;

    JdbiCatalogStore(Database db) {
        this.db = db;
    }

    /** A catalog with the stamp the database had while its tables were read. */
    private record Built(String stamp, SubjectCatalog catalog) {
    }

    /**
     * {@inheritDoc} A catalog is kept only when the stamp read after its tables is still the one read before, which
     * tells that no replacement was committed in between (stamps are never reused, so neither is a stamp that a rolled
     * back transaction set and read).
     */
    @Override
    public SubjectCatalog catalog() {
        Built kept = last;
        if (kept != null && kept.stamp().equals(db.read(JdbiCatalogStore::stamp))) {
            return kept.catalog();
        }
        return db.inTransaction(h -> {
            while (true) {
                String stamp = stamp(h);
                Built known = last;
                if (known != null && known.stamp().equals(stamp)) {
                    return known.catalog();
                }
                SubjectCatalog catalog = read(h);
                if (stamp(h).equals(stamp)) {
                    last = new Built(stamp, catalog);
                    return catalog;
                }
            }
        });
    }

    private static String stamp(Handle h) {
        return h.createQuery("SELECT stamp FROM catalog_version WHERE id = 1").mapTo(String.class).one();
    }

    private static SubjectCatalog read(Handle h) {
        Map<String, List<PersonId>> specialists = new HashMap<>();
        h.createQuery("SELECT subject_code, person_id FROM subject_specialists ORDER BY subject_code, position")
                .map((rs, ctx) -> Map.entry(rs.getString("subject_code"), PersonId.of(rs.getString("person_id"))))
                .forEach(e -> specialists.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<Subject> subjects = h.createQuery("""
                        SELECT code, label, active, support_group, routing, position, first_answer_hours,
                            resolution_hours
                        FROM subjects""")
                .map((rs, ctx) -> {
                    String group = rs.getString("support_group");
                    String code = rs.getString("code");
                    String routing = rs.getString("routing");
                    return new Subject(SubjectCode.parse(code), rs.getString("label"), rs.getBoolean("active"),
                            group == null ? null : GroupCode.of(group), specialists.get(code),
                            routing == null ? null : Routing.valueOf(routing), rs.getInt("position"),
                            new ServiceTargets(rs.getObject("first_answer_hours", Integer.class),
                                    rs.getObject("resolution_hours", Integer.class)));
                })
                .list();
        List<RequestType> types = h.createQuery("SELECT code, label, active FROM request_types ORDER BY position")
                .map((rs, ctx) -> new RequestType(rs.getString("code"), rs.getString("label"),
                        rs.getBoolean("active")))
                .list();
        return SubjectCatalog.of(subjects, types);
    }

    /** {@inheritDoc} It locks the row of {@code catalog_version}, which {@link #replace} updates first. */
    @Override
    public void lock() {
        db.inTransaction(h -> h.createQuery("SELECT stamp FROM catalog_version WHERE id = 1"
                        + db.dialect().forUpdate())
                .mapTo(String.class).one());
    }

    @Override
    public void replace(SubjectCatalog catalog) {
        db.inTransaction(h -> {
            h.createUpdate("UPDATE catalog_version SET stamp = :stamp WHERE id = 1")
                    .bind("stamp", UUID.randomUUID().toString())
                    .execute();
            h.execute("DELETE FROM subject_specialists");
            h.execute("DELETE FROM subjects");
            h.execute("DELETE FROM request_types");
            for (Subject s : catalog.all()) {
                h.createUpdate("""
                                INSERT INTO subjects (code, label, active, support_group, routing, position,
                                    first_answer_hours, resolution_hours)
                                VALUES (:code, :label, :active, :group, :routing, :position, :firstAnswerHours,
                                    :resolutionHours)""")
                        .bind("code", s.code().value()).bind("label", s.label()).bind("active", s.active())
                        .bind("group", s.ownSupportGroup().map(GroupCode::value).orElse(null))
                        .bind("routing", s.ownRouting().map(Routing::name).orElse(null))
                        .bind("position", s.position())
                        .bindByType("firstAnswerHours", s.targets().firstAnswerHours(), Integer.class)
                        .bindByType("resolutionHours", s.targets().resolutionHours(), Integer.class)
                        .execute();
                int position = 0;
                for (PersonId specialist : s.specialists()) {
                    h.createUpdate("INSERT INTO subject_specialists (subject_code, position, person_id) "
                                    + "VALUES (:code, :position, :person)")
                            .bind("code", s.code().value()).bind("position", position++)
                            .bind("person", specialist.value())
                            .execute();
                }
            }
            int position = 0;
            for (RequestType t : catalog.requestTypes()) {
                h.createUpdate("INSERT INTO request_types (code, label, position, active) "
                                + "VALUES (:code, :label, :position, :active)")
                        .bind("code", t.code()).bind("label", t.label()).bind("position", position++)
                        .bind("active", t.active())
                        .execute();
            }
            return null;
        });
    }
}
