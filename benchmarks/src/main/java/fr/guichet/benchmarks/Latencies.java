package fr.guichet.benchmarks;

import org.HdrHistogram.Histogram;

/** Latencies in microseconds, recorded in an HdrHistogram (1 µs to 1 hour, 3 significant digits). */
final class Latencies {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
    }

    void add(Latencies other) {
        histogram.add(other.histogram);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The latency at {@code percentile} (0 to 100), in milliseconds. */
    double millisAt(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }

    /** Adds count, p50, p99 (and p99.9 when asked) in milliseconds under {@code scenario}. */
    void report(Results results, String workload, String scenario, boolean withP999) {
        results.add(workload, scenario, "samples", count(), "count");
        results.add(workload, scenario, "p50", millisAt(50), "ms");
        results.add(workload, scenario, "p99", millisAt(99), "ms");
        if (withP999) {
            results.add(workload, scenario, "p99.9", millisAt(99.9), "ms");
        }
        results.add(workload, scenario, "max", maxMillis(), "ms");
    }
}
