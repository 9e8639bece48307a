package fr.guichet.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * How one call is sampled: a warm-up bounded in calls and time, then up to {@code maxCalls} calls or {@code limit},
 * whichever ends first, but never fewer than {@code minCalls}; each call is given its index, so that it can change its
 * parameters and no database answers from a cached result.
 */
record Sampling(int warmupCalls, Duration warmupLimit, int maxCalls, int minCalls, Duration limit) {

    /** The JVM's collectors, whose counts tell a measured call that saw a collection. */
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    /** Workload 2's budget: 300 calls or 5 s of warm-up, then up to 3,000 calls or 20 s. */
    static Sampling lists(boolean smoke) {
        return smoke ? new Sampling(20, Duration.ofMillis(500), 100, 20, Duration.ofSeconds(1))
                : new Sampling(300, Duration.ofSeconds(5), 3_000, 20, Duration.ofSeconds(20));
    }

    /**
     * The workbench's budget, shorter per call since it measures fifteen: 200 calls or 1 s of warm-up, then 2,000 calls
     * or 4 s, at least 5 (a call of several seconds is measured 5 times, its p99 being then their maximum).
     */
    static Sampling workbench(boolean smoke) {
        return smoke ? new Sampling(10, Duration.ofMillis(200), 50, 10, Duration.ofMillis(300))
                : new Sampling(200, Duration.ofSeconds(1), 2_000, 5, Duration.ofSeconds(4));
    }

    /** The latencies of {@code call}, after its warm-up. */
    Latencies measure(IntConsumer call) {
        return measure(call, () -> 0).latencies();
    }

    /**
     * The latencies of {@code call} after its warm-up, by how much {@code counter} grew per measured call, and how many
     * measured calls saw the collector run (a pause of the JVM's threads, or a full collection).
     */
    Counted measure(IntConsumer call, LongSupplier counter) {
        long warmupEnd = System.nanoTime() + warmupLimit.toNanos();
        for (int i = 0; i < warmupCalls && System.nanoTime() < warmupEnd; i++) {
            call.accept(i);
        }
        Latencies latencies = new Latencies();
        long counted = counter.getAsLong();
        long end = System.nanoTime() + limit.toNanos();
        Latencies uncollected = new Latencies();
        for (int i = 0; i < maxCalls && (i < minCalls || System.nanoTime() < end); i++) {
            long collections = collections();
            long start = System.nanoTime();
            call.accept(i);
            long nanos = System.nanoTime() - start;
            latencies.recordNanos(nanos);
            if (collections() == collections) {
                uncollected.recordNanos(nanos);
            }
        }
        return new Counted(latencies, (double) (counter.getAsLong() - counted) / latencies.count(), uncollected);
    }

    /** The collections the JVM's collectors have run since it started. */
    private static long collections() {
        long sum = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            sum += collector.getCollectionCount();
        }
        return sum;
    }

    /**
     * The latencies of a call, by how much a counter grew per measured call, and the latencies of the measured calls
     * that saw no collection.
     */
    record Counted(Latencies latencies, double perCall, Latencies uncollected) {

        /** How many measured calls saw a collection. */
        long collected() {
            return latencies.count() - uncollected.count();
        }
    }
}
