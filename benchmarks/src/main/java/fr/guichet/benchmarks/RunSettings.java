package fr.guichet.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one run measures and how long: the databases, the thread counts of workload 1, the sizes of workload 2, the
 * duration and connections of workload 3, the mails of workload 4, and where results go. {@link #smoke()} is the
 * seconds-long version that only proves every workload still works.
 */
public record RunSettings(List<String> databases, List<Integer> filingThreads, List<Integer> sizes,
        Duration httpWarmup, Duration httpDuration, int httpConnections, int mails, Path output, boolean smoke) {

    /** The full run: H2 and PostgreSQL, 1/2/8 threads, 10k/100k/1M requests, 60 s of HTTP, 10,000 mails. */
    public static RunSettings full(Path output) {
        return new RunSettings(List.of("h2", "postgresql"), List.of(1, 2, 8), List.of(10_000, 100_000, 1_000_000),
                Duration.ofSeconds(10), Duration.ofSeconds(60), 4, 10_000, output, false);
    }

    /** A few seconds per workload at the smallest sizes, on {@code databases}. */
    public static RunSettings smoke(List<String> databases, Path output) {
        return new RunSettings(databases, List.of(1), List.of(1_000), Duration.ofMillis(500), Duration.ofSeconds(1),
                1, 200, output, true);
    }
}
