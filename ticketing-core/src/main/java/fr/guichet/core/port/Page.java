package fr.guichet.core.port;

import java.util.List;
import java.util.function.Function;

/**
 * One page of results and the total count over all pages ("1 - 20 / 57"); a total not {@code totalExact} is a lower
 * bound ({@link Count}: "plus de 10 000").
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page of a list whose {@code total} is exact. */
    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    /** A page of a list of {@code total} matches. */
    public Page(List<T> items, int page, int size, Count total) {
        this(items, page, size, total.value(), total.exact());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total, totalExact);
    }

    /** Position of the first item, from 1 (0 when the page is empty). */
    public long firstIndex() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastIndex() {
        return items.isEmpty() ? 0 : firstIndex() + items.size() - 1;
    }

    /** True when no page follows this one: it is not full, or it ends at an exact total. */
    public boolean isLast() {
        return items.size() < size || totalExact && lastIndex() >= total;
    }
}
