package fr.guichet.core.port;

/**
 * How many requests, counted up to a cap: the exact number up to it; beyond it, the cap itself and not exact, a lower
 * bound ("plus de 10 000"), so that counting costs the same however many requests the years pile up.
 */
public record Count(long value, boolean exact) {

    /** How far lists and counts count matching requests. */
    public static final long CAP = 10_000;

    /**
     * How far a list searched by words counts its matches ("plus de 100"): a search is read to find a request, and
     * counting further would read every match of common words, however many years of requests hold them.
     */
    public static final long SEARCH_CAP = 100;

    public Count {
        if (value < 0) {
            throw new IllegalArgumentException("a count is never negative: " + value);
        }
    }

    /** {@code counted}, exact when at most {@code cap}; beyond, {@code cap} as a lower bound. */
    public static Count upTo(long cap, long counted) {
        return counted > cap ? new Count(cap, false) : new Count(counted, true);
    }

    /**
     * {@code counted} as {@link #upTo}, and a lower bound whatever its value when {@code complete} is false (some of
     * what it counts among was not read to its end).
     */
    public static Count upTo(long cap, long counted, boolean complete) {
        Count count = upTo(cap, counted);
        return complete ? count : new Count(count.value(), false);
    }
}
