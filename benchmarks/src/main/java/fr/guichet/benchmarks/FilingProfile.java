package fr.guichet.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.openjdk.jmh.profile.StackProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Where a filing's time goes: JMH's stack sampler on {@link FilingBenchmark#throughCore} at one thread, and on
 * PostgreSQL the transactions and statements one filing costs against the baseline's, from
 * {@code pg_stat_database}; written to {@code profile-filing.txt}.
 */
final class FilingProfile {

    private FilingProfile() {
    }

    static void run(RunSettings settings) throws RunnerException, IOException, SQLException {
        StringBuilder out = new StringBuilder();
        for (String db : settings.databases()) {
            for (RunResult run : new Runner(new OptionsBuilder()
                    .include(FilingBenchmark.class.getName() + ".throughCore")
                    .param("database", db).threads(1).forks(1)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(3))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(5))
                    .addProfiler(StackProfiler.class, "lines=4;top=25;detailLine=false")
                    .build()).run()) {
                out.append("# ").append(db).append(": ").append(run.getPrimaryResult().getScore())
                        .append(" filings/s\n");
                for (Result<?> r : run.getSecondaryResults().values()) {
                    out.append(r.extendedInfo()).append('\n');
                }
            }
            if (db.equals("postgresql")) {
                out.append(transactionsPerFiling());
            }
        }
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("profile-filing.txt"), out);
    }

    /** Commits and statements of 200 filings through the core and 200 baseline inserts, from the server's counters. */
    private static String transactionsPerFiling() throws SQLException {
        StringBuilder out = new StringBuilder("\n# PostgreSQL counters per filing (200 of each)\n");
        FilingBenchmark bench = new FilingBenchmark();
        bench.database = "postgresql";
        bench.setUp();
        try {
            for (String method : List.of("throughCore", "plainJdbc")) {
                long[] before = counters(bench);
                for (int i = 0; i < 200; i++) {
                    if (method.equals("throughCore")) {
                        bench.throughCore();
                    } else {
                        bench.plainJdbc();
                    }
                }
                long[] after = counters(bench);
                out.append(String.format(java.util.Locale.ROOT,
                        "%s: %.1f commits, %.1f rows inserted, %.1f rows returned by reads per filing%n", method,
                        (after[0] - before[0]) / 200.0, (after[1] - before[1]) / 200.0,
                        (after[2] - before[2]) / 200.0));
            }
        } finally {
            bench.tearDown();
        }
        return out.toString();
    }

    private static long[] counters(FilingBenchmark bench) throws SQLException {
        try (Connection c = bench.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT xact_commit, tup_inserted, tup_returned + tup_fetched "
                    + "FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }
}
