package fr.guichet.core.port;

import java.util.List;
import java.util.function.Function;

/** One page of results and the total count over all pages ("1 - 20 / 57"). */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total);
    }

    /** Position of the first item, from 1 (0 when the page is empty). */
    public long firstIndex() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastIndex() {
        return items.isEmpty() ? 0 : firstIndex() + items.size() - 1;
    }
}
