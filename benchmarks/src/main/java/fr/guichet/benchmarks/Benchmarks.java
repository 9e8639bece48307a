package fr.guichet.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the workloads and writes {@code results.csv}, {@code results.json} and {@code summary.md}:
 * {@code java -jar benchmarks.jar [all|filing|lists|workbench|incidents|http|mail|profile ...] [--out DIR]
 * [--databases h2,postgresql] [--sizes 10000,100000,1000000] [--http-seconds 60] [--connections 4] [--smoke]}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        Path out = Path.of(option(words, "--out", "benchmarks/results"));
        RunSettings settings = words.remove("--smoke") ? RunSettings.smoke(List.of("h2"), out)
                : RunSettings.full(out);
        String databases = option(words, "--databases", null);
        String sizes = option(words, "--sizes", null);
        String seconds = option(words, "--http-seconds", null);
        String connections = option(words, "--connections", null);
        settings = new RunSettings(databases == null ? settings.databases() : List.of(databases.split(",")),
                settings.filingThreads(), sizes == null ? settings.sizes()
                        : Stream.of(sizes.split(",")).map(Integer::valueOf).toList(),
                settings.httpWarmup(), seconds == null ? settings.httpDuration()
                        : Duration.ofSeconds(Long.parseLong(seconds)), connections == null ? settings.httpConnections()
                        : Integer.parseInt(connections), settings.mails(),
                settings.output(), settings.smoke());
        Set<String> workloads = new java.util.HashSet<>(words);
        if (workloads.isEmpty() || workloads.remove("all")) {
            workloads.addAll(List.of("filing", "lists", "http", "mail"));
        }
        Results results = run(settings, workloads);
        results.write(settings.output(), machine());
        System.out.println(Files.readString(settings.output().resolve("summary.md")));
    }

    /**
     * Runs the named workloads ({@code filing}, {@code lists}, {@code workbench}, {@code incidents},
     * {@code people-import}, {@code retention}, {@code http}, {@code serving}, {@code mail}) in that order; {@code all}
     * names four of them, without the workbench, the incidents, the people import, the retention and serving.
     */
    public static Results run(RunSettings settings, Set<String> workloads) throws Exception {
        Results results = new Results();
        for (String w : workloads) {
            if (!Set.of("filing", "lists", "workbench", "incidents", "people-import", "retention", "http", "serving",
                    "mail", "mail-round-trip", "figures", "profile").contains(w)) {
                throw new IllegalArgumentException("unknown workload " + w + " (filing, lists, workbench, incidents, "
                        + "people-import, retention, http, serving, mail, mail-round-trip, figures, all, profile)");
            }
        }
        if (workloads.contains("profile")) {
            log("profile of filing: stack samples and PostgreSQL counters");
            FilingProfile.run(settings);
        }
        if (workloads.contains("filing")) {
            log("workload 1: filing");
            FilingWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("lists")) {
            log("workload 2: lists over growing data");
            QueryWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("workbench")) {
            log("workload 6: the agent's workbench (queue with counts, searches) over growing data");
            WorkbenchWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("incidents")) {
            log("workload 7: bulk status changes and incident resolution, beside filing");
            IncidentWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("people-import")) {
            log("workload 8: the CSV import of people through the use case, beside plain JDBC");
            PeopleImportWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("retention")) {
            log("workload 9: the anonymisation of expired requests, beside plain UPDATEs of the same rows");
            RetentionWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("figures")) {
            log("workload 12: the académie's figures of a school year beside the same figures by hand-written SQL");
            FiguresWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("http")) {
            log("workloads 3 and 5: example server over HTTP, and its heap");
            HttpWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("serving")) {
            log("workload 10: each endpoint beside the same server's /health and the core in-process");
            ServingWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("mail")) {
            log("workload 4: mail dispatch");
            MailWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        if (workloads.contains("mail-round-trip")) {
            log("workload 11: commit to 250 during a filing burst, and the backlog of a filing burst over HTTP");
            MailRoundTripWorkload.run(settings, results);
            results.write(settings.output(), machine());
        }
        return results;
    }

    private static void log(String text) {
        System.out.println(Instant.now() + " " + text);
    }

    private static String option(List<String> words, String name, String fallback) {
        int i = words.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        String value = words.get(i + 1);
        words.remove(i + 1);
        words.remove(i);
        return value;
    }

    /** Cores, memory and Java of this machine, as one Markdown line. */
    static String machine() {
        String memory;
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("unknown");
        } catch (IOException e) {
            memory = "unknown";
        }
        return String.format(Locale.ROOT, "Machine: %d processors, %s, %s %s (%s), %s %s", Runtime.getRuntime()
                .availableProcessors(), memory, System.getProperty("java.vm.name"), System.getProperty(
                        "java.runtime.version"), System.getProperty("java.vm.vendor"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}
