package fr.guichet.core.port;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Uai;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory of establishments Guichet keeps, one per UAI, filled from the national directory's export. Calls join
 * the caller's transaction ({@link UnitOfWork}) or run in one of their own.
 */
public interface EstablishmentDirectory {

    /** The most establishments a search returns. */
    int MAX_SEARCH_RESULTS = 50;

    /** The establishment of {@code uai}, empty when the directory does not know it. */
    Optional<Establishment> find(Uai uai);

    /** The known establishments among {@code uais}, by UAI, read at once (one statement on a database). */
    Map<Uai, Establishment> findAll(Collection<Uai> uais);

    /** The départements of the known establishments, each once, in code order; none when the directory is empty. */
    List<Department> departments();

    /**
     * At most {@code limit} (capped at {@link #MAX_SEARCH_RESULTS}) establishments whose name, commune or UAI hold
     * every normalised word of {@code words} ({@link fr.guichet.core.domain.request.SearchText}), ordered by normalised
     * name then UAI; none for a blank search.
     */
    List<Establishment> search(String words, int limit);

    /**
     * Adds the establishments whose UAI is unknown and replaces those known differently, all at once (batched writes),
     * leaving those given as they stand unchanged; what the store copies of each one given, changed or not, beside
     * its requests (the words a search finds a request's school by) is brought up to date, so that saving a school
     * again repairs a copy a concurrent filing left stale. The UAIs given must be distinct.
     */
    void saveAll(Collection<Establishment> establishments);
}
