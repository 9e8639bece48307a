package fr.guichet.core.testing;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.port.EstablishmentDirectory;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Establishments in memory, by UAI. */
public final class InMemoryEstablishmentDirectory implements EstablishmentDirectory {

    /** The order of search results. */
    static final Comparator<Establishment> ORDER = Comparator.comparing(Establishment::nameKey)
            .thenComparing(e -> e.uai().value());

    private final InMemoryDatabase db;

    public InMemoryEstablishmentDirectory(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Establishment> find(Uai uai) {
        return db.read(s -> Optional.ofNullable(s.establishments.get(uai)));
    }

    @Override
    public Map<Uai, Establishment> findAll(Collection<Uai> uais) {
        return db.read(s -> {
            Map<Uai, Establishment> found = new HashMap<>();
            uais.forEach(uai -> {
                Establishment e = s.establishments.get(uai);
                if (e != null) {
                    found.put(uai, e);
                }
            });
            return found;
        });
    }

    @Override
    public List<Department> departments() {
        return db.read(s -> s.establishments.values().stream().map(Establishment::department).distinct()
                .sorted().toList());
    }

    @Override
    public List<Establishment> search(String words, int limit) {
        List<String> wanted = SearchText.words(words);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return db.read(s -> s.establishments.values().stream().filter(e -> e.matches(wanted)).sorted(ORDER)
                .limit(Math.min(limit, MAX_SEARCH_RESULTS)).toList());
    }

    @Override
    public void saveAll(Collection<Establishment> establishments) {
        db.write(s -> establishments.forEach(e -> s.establishments.put(e.uai(), e)));
    }
}
