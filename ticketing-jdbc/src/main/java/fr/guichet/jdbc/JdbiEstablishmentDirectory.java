package fr.guichet.jdbc;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.port.EstablishmentDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Establishments in {@code establishments}, one row per UAI, with the normalised name that orders lists and the
 * search text a search looks into, copied to the school's requests ({@code requests.school_text}) for searches of
 * requests; many are read and written {@link #CHUNK} at a time.
 */
final class JdbiEstablishmentDirectory implements EstablishmentDirectory {

    /** The most UAIs one statement names, well within every database's limit on bound values. */
    static final int CHUNK = 1_000;
    static final int NAME_KEY_LENGTH = 400;
    static final int SEARCH_TEXT_LENGTH = 1_000;

    private static final String COLUMNS = "SELECT uai, name, kind, commune, department FROM establishments ";

    private final Database db;

    JdbiEstablishmentDirectory(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Establishment> find(Uai uai) {
        return db.inTransaction(h -> h.createQuery(COLUMNS + "WHERE uai = :uai").bind("uai", uai.value())
                .map((rs, ctx) -> establishment(rs)).findOne());
    }

    @Override
    public Map<Uai, Establishment> findAll(Collection<Uai> uais) {
        List<String> wanted = uais.stream().map(Uai::value).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(h -> {
            Map<Uai, Establishment> found = new HashMap<>();
            for (List<String> chunk : chunks(wanted)) {
                h.createQuery(COLUMNS + "WHERE uai IN (<uais>)").bindList("uais", chunk)
                        .map((rs, ctx) -> establishment(rs)).forEach(e -> found.put(e.uai(), e));
            }
            return found;
        });
    }

    @Override
    public List<Department> departments() {
        return db.read(h -> h.createQuery("SELECT DISTINCT department FROM establishments")
                .mapTo(String.class).list().stream().map(Department::new).sorted().toList());
    }

    @Override
    public List<Establishment> search(String words, int limit) {
        List<String> wanted = SearchText.words(words);
        if (wanted.isEmpty() || limit <= 0) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        for (int i = 0; i < wanted.size(); i++) {
            where.append(" AND search_text LIKE :w").append(i);
        }
        return db.inTransaction(h -> {
            Query query = h.createQuery(COLUMNS + where + " ORDER BY name_key, uai LIMIT :limit")
                    .bind("limit", Math.min(limit, MAX_SEARCH_RESULTS));
            for (int i = 0; i < wanted.size(); i++) {
                query.bind("w" + i, "%" + wanted.get(i) + "%");
            }
            return query.map((rs, ctx) -> establishment(rs)).list();
        });
    }

    @Override
    public void saveAll(Collection<Establishment> establishments) {
        List<Establishment> all = List.copyOf(establishments);
        db.inTransaction(h -> {
            for (int start = 0; start < all.size(); start += CHUNK) {
                save(h, all.subList(start, Math.min(all.size(), start + CHUNK)));
            }
            return null;
        });
    }

    /**
     * Inserts the unknown ones of {@code chunk} in one batch and updates the changed ones in another, then gives the
     * requests of each school of the chunk that do not hold its words those words ({@code requests.school_text}, what
     * a search of requests finds a school by), in a third batch read through {@code requests_by_establishment}: those
     * of a school whose words are new or changed, and any that a filing during an earlier import left with the
     * former words, so that importing the directory again repairs them.
     */
    private static void save(Handle h, List<Establishment> chunk) {
        Map<Uai, Establishment> known = new HashMap<>();
        h.createQuery(COLUMNS + "WHERE uai IN (<uais>)").bindList("uais", chunk.stream().map(e -> e.uai().value())
                .toList()).map((rs, ctx) -> establishment(rs)).forEach(e -> known.put(e.uai(), e));
        PreparedBatch inserts = h.prepareBatch("INSERT INTO establishments (uai, name, kind, commune, department, "
                + "name_key, search_text) VALUES (:uai, :name, :kind, :commune, :department, :nameKey, :searchText)");
        PreparedBatch updates = h.prepareBatch("UPDATE establishments SET name = :name, kind = :kind, "
                + "commune = :commune, department = :department, name_key = :nameKey, search_text = :searchText "
                + "WHERE uai = :uai");
        PreparedBatch schools = h.prepareBatch("UPDATE requests SET school_text = :searchText "
                + "WHERE establishment = :uai AND school_text <> :searchText");
        for (Establishment e : chunk) {
            String uai = e.uai().value();
            String searchText = JdbiPersonRegistry.cut(e.searchText(), SEARCH_TEXT_LENGTH);
            Establishment before = known.get(e.uai());
            PreparedBatch batch = before == null ? inserts : before.equals(e) ? null : updates;
            if (batch != null) {
                batch.bind("uai", uai).bind("name", e.name()).bind("kind", e.kind())
                        .bind("commune", e.commune()).bind("department", e.department().code())
                        .bind("nameKey", JdbiPersonRegistry.cut(e.nameKey(), NAME_KEY_LENGTH))
                        .bind("searchText", searchText).add();
            }
            schools.bind("uai", uai).bind("searchText", searchText).add();
        }
        for (PreparedBatch batch : List.of(inserts, updates, schools)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < values.size(); start += CHUNK) {
            chunks.add(values.subList(start, Math.min(values.size(), start + CHUNK)));
        }
        return chunks;
    }

    private static Establishment establishment(ResultSet rs) throws SQLException {
        return new Establishment(new Uai(rs.getString("uai")), rs.getString("name"), rs.getString("kind"),
                rs.getString("commune"), new Department(rs.getString("department")));
    }
}
