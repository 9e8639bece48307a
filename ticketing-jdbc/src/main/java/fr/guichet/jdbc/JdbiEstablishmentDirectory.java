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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Establishments in {@code establishments}, one row per UAI, with the normalised name that orders lists and the
 * search text a search looks into; many are read and written {@link #CHUNK} at a time.
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

    /** Inserts the unknown ones of {@code chunk} in one batch and updates the known ones in another. */
    private static void save(Handle h, List<Establishment> chunk) {
        Set<String> known = new HashSet<>(h.createQuery("SELECT uai FROM establishments WHERE uai IN (<uais>)")
                .bindList("uais", chunk.stream().map(e -> e.uai().value()).toList()).mapTo(String.class).list());
        PreparedBatch inserts = h.prepareBatch("INSERT INTO establishments (uai, name, kind, commune, department, "
                + "name_key, search_text) VALUES (:uai, :name, :kind, :commune, :department, :nameKey, :searchText)");
        PreparedBatch updates = h.prepareBatch("UPDATE establishments SET name = :name, kind = :kind, "
                + "commune = :commune, department = :department, name_key = :nameKey, search_text = :searchText "
                + "WHERE uai = :uai");
        for (Establishment e : chunk) {
            PreparedBatch batch = known.contains(e.uai().value()) ? updates : inserts;
            batch.bind("uai", e.uai().value()).bind("name", e.name()).bind("kind", e.kind())
                    .bind("commune", e.commune()).bind("department", e.department().code())
                    .bind("nameKey", JdbiPersonRegistry.cut(e.nameKey(), NAME_KEY_LENGTH))
                    .bind("searchText", JdbiPersonRegistry.cut(e.searchText(), SEARCH_TEXT_LENGTH)).add();
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.size() > 0) {
            updates.execute();
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
