package fr.guichet.benchmarks;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.examples.DemoData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Workload 10 (issue 18): what serving one call costs next to the server's own trivial route. On each database, the
 * example server ({@code GuichetServer --demo}, {@code -Xmx256m}, mails written as {@code .eml} files by its
 * background dispatcher) is loaded at 1, 8 and 32 closed-loop connections with, in turn, {@code GET /health} (the
 * baseline on the same server), "my requests" (first page, a requester with 30 requests or more; also gzipped at 8),
 * the 80/20 mix of workload 3, and filing, each at every number of connections before the next, so that
 * {@code /health} and "my requests" come before the filings and their mail. For each load's measured window, the CPU
 * time of the dispatcher's threads against that of every thread of the server, read from the JVM's per-thread CPU
 * clock (the one {@code ThreadMXBean.getThreadCpuTime} reads) through {@code jcmd Thread.print}; each load at 8
 * connections but {@code /health} is then run once more under Java Flight Recorder, summed up in
 * {@code profile-serving-<database>.txt}. Then, on a fresh database of the same kind, the core's {@code FileRequest}
 * called in-process by 8 threads for as long: the filing's own baseline.
 */
final class ServingWorkload {

    static final String NAME = "10 serving";
    private static final String DISPATCHER = "guichet-notification-dispatcher-";
    private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\".*\\bcpu=([0-9.]+)ms", Pattern.MULTILINE);
    private static final int MINE = 30;

    private ServingWorkload() {
    }

    static void run(RunSettings settings, Results results) throws Exception {
        List<Integer> connections = settings.smoke() ? List.of(1) : List.of(1, 8, 32);
        results.note(NAME, "Connections " + connections + ", each load " + settings.httpWarmup().toSeconds()
                + " s of warm-up then " + settings.httpDuration().toSeconds() + " s measured, load generator and "
                + "server sharing the machine; server: GuichetServer --demo, " + ChildJvm.MAX_HEAP + ", mails as .eml "
                + "files. Core in-process: FileRequest on ticketing-jdbc (pool of 10), 8 threads, fresh database.");
        for (String kind : settings.databases()) {
            Map<String, Double> rates = new HashMap<>();
            Map<String, Double> p99s = new HashMap<>();
            Path folder = Files.createTempDirectory("guichet-bench-serving");
            try (Database db = Database.create(kind)) {
                serve(settings, results, db, folder, connections, rates, p99s);
            } finally {
                Database.deleteFolder(folder);
            }
            double core = coreFiling(settings, kind);
            results.add(NAME, kind + ": core FileRequest in-process, 8 threads", "throughput", core, "requests/s");
            targets(settings, results, kind, rates, p99s, core);
        }
    }

    private static void serve(RunSettings settings, Results results, Database db, Path folder,
            List<Integer> connections, Map<String, Double> rates, Map<String, Double> p99s) throws Exception {
        String password = UUID.randomUUID().toString();
        int port = MailWorkload.freePort();
        fr.guichet.jdbc.JdbcConfig config = db.config(10);
        try (ChildJvm server = ChildJvm.start("guichet-server-" + db.kind(), "fr.guichet.examples.GuichetServer",
                List.of("--demo"), Map.of("GUICHET_PORT", String.valueOf(port), "GUICHET_DATA_DIR",
                        folder.resolve("data").toString(), "GUICHET_DEMO_PASSWORD", password, "GUICHET_BASE_URL",
                        "http://127.0.0.1:" + port, "GUICHET_DB_URL", config.url(), "GUICHET_DB_USER", config.user()),
                folder, port)) {
            URI base = server.base();
            Map<String, HttpWorkload.ClientFactory> loads = new java.util.LinkedHashMap<>();
            loads.put("GET /health", i -> new HttpWorkload.PingClient(base, "/health"));
            loads.put("my requests", i -> new MineClient(base, password, i, false));
            loads.put("my requests, gzip", i -> new MineClient(base, password, i, true));
            loads.put("80/20 mix", i -> new HttpWorkload.MixedClient(base, password, i));
            loads.put("file", i -> new FileClient(base, password, i));
            for (Map.Entry<String, HttpWorkload.ClientFactory> load : loads.entrySet()) {
                for (int n : connections) {
                    if (load.getKey().endsWith("gzip") && n != 8) {
                        continue;
                    }
                    String scenario = db.kind() + ", " + n + " connections: " + load.getKey();
                    List<Map<String, Double>> before = new ArrayList<>();
                    HttpWorkload.Outcome outcome = HttpWorkload.load(settings, n, load.getValue(),
                            () -> before.add(threadCpu(server.pid())));
                    Map<String, Double> after = threadCpu(server.pid());
                    if (n == 8 && !settings.smoke() && !load.getKey().equals("GET /health")) {
                        profile(settings, server.pid(), folder.resolve("serving.jfr"), db.kind(), scenario,
                                load.getValue());
                    }
                    report(results, scenario, outcome);
                    double dispatcher = spent(before.get(0), after, true);
                    double all = spent(before.get(0), after, false);
                    results.add(NAME, scenario, "dispatcher CPU / server CPU", all == 0 ? 0 : dispatcher / all, "");
                    results.add(NAME, scenario, "server CPU / machine", all / (Runtime.getRuntime()
                            .availableProcessors() * (double) settings.httpDuration().toMillis()), "");
                    String key = n + " " + load.getKey();
                    rates.put(key, outcome.throughput());
                    p99s.put(key, outcome.all().millisAt(99));
                    if (!load.getKey().equals("GET /health")) {
                        results.add(NAME, scenario, "throughput / GET /health", outcome.throughput()
                                / rates.get(n + " GET /health"), "");
                    }
                }
            }
            results.check(NAME, db.kind() + ": the server survives with " + ChildJvm.MAX_HEAP, server.alive()
                    && server.noOutOfMemory(), "alive " + server.alive());
        }
    }

    /**
     * Loads the server as {@code factory} does once more, recording it with Java Flight Recorder, and appends the
     * summed-up profile to {@code profile-serving-<database>.txt}: a load of its own, so that the recording's cost
     * stays out of the measured one.
     */
    private static void profile(RunSettings settings, long pid, Path recording, String kind, String scenario,
            HttpWorkload.ClientFactory factory) throws Exception {
        HttpWorkload.load(settings, 8, factory, () -> jcmd(pid, "JFR.start", "name=serving", "settings=profile"));
        jcmd(pid, "JFR.stop", "name=serving", "filename=" + recording);
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("profile-serving-" + kind + ".txt"), "## " + scenario
                + " (a second load of it, recorded)\n\n" + Profile.of(recording) + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void report(Results results, String scenario, HttpWorkload.Outcome outcome) {
        results.add(NAME, scenario, "throughput", outcome.throughput(), "requests/s");
        results.add(NAME, scenario, "errors", outcome.errors(), "count");
        outcome.all().report(results, NAME, scenario, false);
        if (!outcome.errorSamples().isEmpty()) {
            results.note(NAME, scenario + ", first errors: " + String.join(" | ", outcome.errorSamples()));
        }
    }

    private static void targets(RunSettings settings, Results results, String kind, Map<String, Double> rates,
            Map<String, Double> p99s, double core) {
        if (settings.smoke()) {
            return;
        }
        double mine = rates.get("8 my requests") / rates.get("8 GET /health");
        results.check(NAME, kind + ": my requests at 8 connections >= 0.15 of /health, p99 < 10 ms",
                mine >= 0.15 && p99s.get("8 my requests") < 10, String.format(Locale.ROOT,
                        "%.0f / %.0f requests/s = %.3f, p99 %.1f ms", rates.get("8 my requests"),
                        rates.get("8 GET /health"), mine, p99s.get("8 my requests")));
        double filing = rates.get("8 file") / core;
        results.check(NAME, kind + ": filing at 8 connections >= 0.8 of the core in-process", filing >= 0.8,
                String.format(Locale.ROOT, "%.0f / %.0f requests/s = %.3f", rates.get("8 file"), core, filing));
        double mix = rates.get("8 80/20 mix") / rates.get("8 GET /health");
        results.check(NAME, kind + ": 80/20 mix at 8 connections >= 0.1 of /health, p99 < 20 ms",
                mix >= 0.1 && p99s.get("8 80/20 mix") < 20, String.format(Locale.ROOT,
                        "%.0f / %.0f requests/s = %.3f, p99 %.1f ms", rates.get("8 80/20 mix"),
                        rates.get("8 GET /health"), mix, p99s.get("8 80/20 mix")));
    }

    /** CPU milliseconds spent between two readings by the dispatcher's threads, or by every thread. */
    private static double spent(Map<String, Double> before, Map<String, Double> after, boolean dispatcherOnly) {
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            if (!dispatcherOnly || e.getKey().startsWith(DISPATCHER)) {
                total += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            }
        }
        return total;
    }

    /** Each live thread's CPU time in milliseconds, by name (threads of one name summed). */
    static Map<String, Double> threadCpu(long pid) throws IOException, InterruptedException {
        String dump = jcmd(pid, "Thread.print");
        Map<String, Double> cpu = new HashMap<>();
        Matcher m = THREAD.matcher(dump);
        while (m.find()) {
            cpu.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        return cpu;
    }

    /** What {@code jcmd pid command arguments…} prints. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    /** Filings per second of the core's FileRequest called in-process by 8 threads on a fresh database. */
    private static double coreFiling(RunSettings settings, String kind) throws Exception {
        try (Database db = Database.create(kind); Stack stack = new Stack(db, 10)) {
            List<Person> requesters = IntStream.range(0, 50).mapToObj(FilingBenchmark::requester).toList();
            List<Person> people = new ArrayList<>(DemoData.people());
            people.addAll(requesters);
            stack.load(DemoData.groups(), DemoData.catalog(), people);
            RequestDraft draft = RequestDraft.parse(FilingBenchmark.SUBJECT, "INCIDENT",
                    "Le webmail refuse mon mot de passe",
                    "Depuis ce matin le webmail affiche « identifiants incorrects ».", "PRIVATE");
            long measureFrom = System.nanoTime() + settings.httpWarmup().toNanos();
            long until = measureFrom + settings.httpDuration().toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                counts.add(pool.submit(() -> {
                    long done = 0;
                    for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
                        Person requester = requesters.get(ThreadLocalRandom.current().nextInt(requesters.size()));
                        stack.ticketing().fileRequest().file(requester, draft, List.of(), null);
                        if (now >= measureFrom) {
                            done++;
                        }
                    }
                    return done;
                }));
            }
            long filed = 0;
            for (Future<Long> f : counts) {
                filed += f.get();
            }
            pool.shutdown();
            return filed / (settings.httpDuration().toNanos() / 1e9);
        }
    }

    /**
     * The first page of a requester's own requests; the first connection of each requester on a server files 30 more
     * (each connection files 3 as it prepares).
     */
    static final class MineClient implements HttpWorkload.Client {
        private static final java.util.Set<String> SEEDED = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final HttpWorkload.MixedClient client;
        private final String requester;
        private final boolean gzip;

        MineClient(URI base, String password, int index, boolean gzip) {
            this.client = new HttpWorkload.MixedClient(base, password, index);
            this.requester = base + " " + index % 2;
            this.gzip = gzip;
        }

        @Override
        public void prepare() throws IOException, InterruptedException {
            client.prepare();
            if (SEEDED.add(requester)) {
                for (int i = 0; i < MINE; i++) {
                    client.file();
                }
            }
        }

        @Override
        public String call(Random random) throws IOException, InterruptedException {
            client.listMine(gzip);
            return "my requests";
        }
    }

    /** Filing, nothing else. */
    static final class FileClient implements HttpWorkload.Client {
        private final HttpWorkload.MixedClient client;

        FileClient(URI base, String password, int index) {
            this.client = new HttpWorkload.MixedClient(base, password, index);
        }

        @Override
        public void prepare() throws IOException, InterruptedException {
            client.prepare();
        }

        @Override
        public String call(Random random) throws IOException, InterruptedException {
            client.file();
            return "file";
        }
    }
}
