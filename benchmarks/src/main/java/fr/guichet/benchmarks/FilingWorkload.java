package fr.guichet.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link FilingBenchmark} with JMH at each thread count, the core and its plain-JDBC baseline in one run. */
final class FilingWorkload {

    static final String NAME = "1 filing";

    private FilingWorkload() {
    }

    static void run(RunSettings settings, Results results) throws RunnerException, IOException {
        Files.createDirectories(settings.output());
        results.note(NAME, "JMH throughput (ops/s = requests filed per second); every (method, database) starts on a "
                + "fresh database; the baseline replays with plain JDBC the rows the core wrote for one filing.");
        for (int threads : settings.filingThreads()) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(FilingBenchmark.class.getName() + ".(throughCore|plainJdbc)$")
                    .param("database", settings.databases().toArray(new String[0]))
                    .threads(threads)
                    .forks(settings.smoke() ? 0 : 1)
                    .warmupIterations(settings.smoke() ? 0 : 3)
                    .warmupTime(TimeValue.seconds(3))
                    .measurementIterations(settings.smoke() ? 1 : 5)
                    .measurementTime(settings.smoke() ? TimeValue.milliseconds(300) : TimeValue.seconds(4))
                    .jvmArgsAppend("-Xmx1g")
                    .shouldFailOnError(true)
                    .result(settings.output().resolve("filing-jmh-" + threads + "-threads.json").toString())
                    .resultFormat(ResultFormatType.JSON);
            Collection<RunResult> runs = new Runner(options.build()).run();
            Map<String, Double> score = new HashMap<>();
            for (RunResult run : runs) {
                String method = run.getParams().getBenchmark().replaceAll(".*\\.", "");
                String db = run.getParams().getParam("database");
                double value = run.getPrimaryResult().getScore();
                score.put(db + "/" + method, value);
                results.add(NAME, db + ", " + threads + " threads, " + label(method), "throughput", value,
                        "requests/s");
                double error = run.getPrimaryResult().getScoreError();
                if (!Double.isNaN(error)) {
                    results.add(NAME, db + ", " + threads + " threads, " + label(method), "error (99.9%)", error,
                            "requests/s");
                }
            }
            for (String db : settings.databases()) {
                double ratio = score.getOrDefault(db + "/throughCore", Double.NaN)
                        / score.getOrDefault(db + "/plainJdbc", Double.NaN);
                results.add(NAME, db + ", " + threads + " threads", "ratio core / plain JDBC", ratio, "");
                results.check(NAME, db + " at " + threads + " threads ≥ 0.5 of plain JDBC", ratio >= 0.5,
                        String.format(Locale.ROOT, "%.0f vs %.0f requests/s, ratio %.2f",
                                score.get(db + "/throughCore"), score.get(db + "/plainJdbc"), ratio));
            }
        }
    }

    private static String label(String method) {
        return method.equals("throughCore") ? "core + ticketing-jdbc" : "plain JDBC baseline";
    }
}
