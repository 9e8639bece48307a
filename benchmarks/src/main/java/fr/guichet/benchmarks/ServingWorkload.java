package fr.guichet.benchmarks;

import fr.guichet.core.application.ListMyRequests;
import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.examples.DemoData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Workload 10 (issue 18): what serving one call costs next to the server's own trivial route, on realistic data. On
 * each database, the demo académie (its accounts, catalog and schools) and the bulk loader's {@value
 * BulkLoader#REQUESTERS} requesters (saved through the {@code PersonRegistry}), 40 agents of its 10 groups and the
 * largest size of the run in requests (five school years); the {@value #MEASURED} requesters "my requests" and the mix
 * act as have {@value #MINE} requests more this school year, and they, {@value #MEASURED} other requesters (who file)
 * and 10 agents get a password through {@code LocalAccounts}, signing in over HTTP once each. The example server
 * ({@code GuichetServer}, {@code -Xmx256m}, mails written as {@code .eml} files by its background dispatcher) then
 * serves that database, loaded at 1, 8 and 32 closed-loop connections with, in turn, {@code GET /health} (the
 * baseline on the same server), "my requests" (first page; also gzipped, at 8), the 80/20 mix of workload 3 and filing last, so that the
 * filings grow the data under none of the others. For each load's measured window, the CPU time of the dispatcher's
 * threads against that of every thread of the server, read from the JVM's per-thread CPU clock (the one
 * {@code ThreadMXBean.getThreadCpuTime} reads) through {@code jcmd Thread.print}; each load at 8 connections but
 * {@code /health} is then run once more under Java Flight Recorder, summed up in
 * {@code profile-serving-<database>.txt}. The baselines, by 8 threads in this JVM on the same database: before the
 * server, the core's {@code ListMyRequests} and {@code ListQueue} (an agent's queue, every status, as the mix lists
 * it) and the raw indexed statements of "my requests" and of the mix's reads
 * ({@link RawQueries}); after it, the core's {@code FileRequest}.
 */
final class ServingWorkload {

    static final String NAME = "10 serving";
    private static final String DISPATCHER = "guichet-notification-dispatcher-";
    private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\".*\\bcpu=([0-9.]+)ms", Pattern.MULTILINE);
    /** Requests each measured requester has this school year on top of the bulk load's. */
    private static final int MINE = 30;
    /** Requesters who list (and act in the mix), and as many others who file. */
    private static final int MEASURED = 16;
    private static final int AGENTS = 40;
    private static final int SIGNING_AGENTS = BulkLoader.GROUPS;
    private static final int THREADS = 8;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String MINE_CONDITION = "r.requester_id = ? AND r.submitted_at >= ? AND r.submitted_at < ?";

    private ServingWorkload() {
    }

    static void run(RunSettings settings, Results results) throws Exception {
        List<Integer> connections = settings.smoke() ? List.of(1) : List.of(1, 8, 32);
        int size = settings.sizes().get(settings.sizes().size() - 1);
        results.note(NAME, "Connections " + connections + ", each load " + settings.httpWarmup().toSeconds()
                + " s of warm-up then " + settings.httpDuration().toSeconds() + " s measured, load generator and "
                + "server sharing the machine; server: GuichetServer on the loaded database, " + ChildJvm.MAX_HEAP
                + ", mails as .eml files. Data: the demo académie, " + BulkLoader.REQUESTERS + " requesters, "
                + AGENTS + " agents, " + size + " requests over five school years, " + MEASURED + " requesters with "
                + MINE + " more this school year. Baselines in this JVM, " + THREADS + " threads, same database, "
                + "pool of 10: core ListMyRequests and ListQueue (every status), raw statements (RawQueries), core "
                + "FileRequest (after the server).");
        for (String kind : settings.databases()) {
            Map<String, Double> rates = new HashMap<>();
            Map<String, Double> p99s = new HashMap<>();
            Path folder = Files.createTempDirectory("guichet-bench-serving");
            String password = UUID.randomUUID().toString();
            try (Database db = Database.create(kind)) {
                load(results, db, size, password);
                reads(settings, results, db, rates, p99s);
                serve(settings, results, db, folder, password, connections, rates, p99s);
                rates.put("core file", filing(settings, results, db));
            } finally {
                Database.deleteFolder(folder);
            }
            targets(settings, results, kind, rates, p99s);
        }
    }

    private static String requester(int i) {
        return "req-" + i;
    }

    private static String agent(int i) {
        return "agent-" + i;
    }

    /**
     * The bulk loader's requests and the measured requesters' requests of this school year, then the demo académie
     * (whose directory of schools replaces the bulk loader's school), the bulk loader's groups, catalog and people, and
     * the passwords of those who sign in.
     */
    private static void load(Results results, Database db, int size, String password) throws Exception {
        try (Stack stack = new Stack(db, 4)) {
            long start = System.nanoTime();
            BulkLoader loader = new BulkLoader(stack.dataSource(), db.isPostgres(), Instant.now());
            results.add(NAME, db.kind() + ": " + size + " requests", "bulk load", loader.growTo(size), "s");
            results.add(NAME, db.kind() + ": " + MEASURED * MINE + " requests of this school year", "bulk load",
                    loader.addRecent(0, MEASURED, MINE, SchoolYear.of(Instant.now(), PARIS).start(PARIS)), "s");
            long people = System.nanoTime();
            UnitOfWork unitOfWork = stack.get(UnitOfWork.class);
            PersonRegistry registry = stack.get(PersonRegistry.class);
            CatalogStore catalog = stack.get(CatalogStore.class);
            LocalAccounts accounts = stack.get(LocalAccounts.class);
            DemoData.loadIntoEmpty(unitOfWork, catalog, registry, accounts, stack.get(CannedAnswers.class),
                    stack.get(EstablishmentDirectory.class), password);
            List<Subject> subjects = new ArrayList<>(DemoData.catalog().all());
            subjects.addAll(BulkLoader.catalog().all());
            unitOfWork.run(() -> {
                BulkLoader.groups().forEach(registry::saveGroup);
                catalog.replace(SubjectCatalog.of(subjects, DemoData.catalog().requestTypes()));
                for (int i = 0; i < AGENTS; i++) {
                    registry.save(new Person(PersonId.of(agent(i)), EmailAddress.of(agent(i) + "@ac-creteil.fr"),
                            new PersonName("Alice", "Agent" + i), null, Set.of(Role.AGENT),
                            Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true));
                }
            });
            results.add(NAME, db.kind() + ": demo académie, groups, catalog and " + AGENTS + " agents", "load",
                    seconds(people), "s");
            long requesters = System.nanoTime();
            List<SupportVocabulary.NameRow> names = SupportVocabulary.names();
            for (int from = 0; from < BulkLoader.REQUESTERS; from += 2_000) {
                int to = Math.min(BulkLoader.REQUESTERS, from + 2_000);
                int first = from;
                unitOfWork.run(() -> IntStream.range(first, to).forEach(i -> {
                    SupportVocabulary.NameRow name = names.get(i % names.size());
                    registry.save(new Person(PersonId.of(requester(i)), EmailAddress.of(requester(i)
                            + "@ac-creteil.fr"), new PersonName(name.given(), name.family()), Uai.parse("0941295X"),
                            Set.of(Role.REQUESTER), Set.of(), true));
                }));
            }
            results.add(NAME, db.kind() + ": " + BulkLoader.REQUESTERS + " requesters saved through PersonRegistry",
                    "load", seconds(requesters), "s");
            long passwords = System.nanoTime();
            List<String> signing = new ArrayList<>();
            IntStream.range(0, 2 * MEASURED).mapToObj(ServingWorkload::requester).forEach(signing::add);
            IntStream.range(0, SIGNING_AGENTS).mapToObj(ServingWorkload::agent).forEach(signing::add);
            ExecutorService hashing = Executors.newFixedThreadPool(2);
            for (Future<?> f : hashing.invokeAll(signing.stream().map(id -> (java.util.concurrent.Callable<Object>)
                    () -> {
                        accounts.setPassword(PersonId.of(id), password);
                        return null;
                    }).toList())) {
                f.get();
            }
            hashing.shutdown();
            results.add(NAME, db.kind() + ": " + signing.size() + " passwords", "load", seconds(passwords), "s");
            BulkLoader.analyze(stack.dataSource());
            System.out.printf(Locale.ROOT, "%s: data loaded in %.0f s%n", db.kind(), seconds(start));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * The read baselines, before the server opens the database: the core's "my requests" and the raw statements of
     * "my requests" and of the mix's reads (a requester's first page, an agent's queue page, a request's line).
     */
    private static void reads(RunSettings settings, Results results, Database db, Map<String, Double> rates,
            Map<String, Double> p99s) throws Exception {
        try (Stack stack = new Stack(db, 10)) {
            PersonRegistry registry = stack.get(PersonRegistry.class);
            List<Person> requesters = IntStream.range(0, MEASURED).mapToObj(i -> registry.find(PersonId.of(
                    requester(i))).orElseThrow()).toList();
            List<Person> agents = IntStream.range(0, SIGNING_AGENTS).mapToObj(i -> registry.find(PersonId.of(
                    agent(i))).orElseThrow()).toList();
            ListMyRequests mine = stack.ticketing().listMyRequests();
            ListQueue queue = stack.ticketing().listQueue();
            QueueFilter everyStatus = new QueueFilter(true, Set.of(), null, null, null, null, null);
            List<String> numbers = new ArrayList<>();
            for (Person p : requesters) {
                mine.list(p, null, PageRequest.first()).items().forEach(line -> numbers.add(line.request().number()
                        .display()));
            }
            SchoolYear year = SchoolYear.of(Instant.now(), PARIS);
            LocalDateTime from = LocalDateTime.ofInstant(year.start(PARIS), ZoneOffset.UTC);
            LocalDateTime to = LocalDateTime.ofInstant(year.end(PARIS), ZoneOffset.UTC);
            RawQueries raw = new RawQueries(stack.dataSource());
            Map<String, InProcess> baselines = new java.util.LinkedHashMap<>();
            baselines.put("core ListMyRequests", (t, random) -> mine.list(requesters.get(random.nextInt(
                    MEASURED)), null, PageRequest.first()));
            baselines.put("core ListQueue, every status", (t, random) -> queue.list(agents.get(random.nextInt(
                    SIGNING_AGENTS)), everyStatus, PageRequest.first()));
            baselines.put("raw my requests", (t, random) -> raw.page(MINE_CONDITION, true, requester(
                    random.nextInt(MEASURED)), from, to));
            baselines.put("raw mix reads", (t, random) -> {
                double r = random.nextDouble();
                if (r < 0.25) {
                    raw.page(MINE_CONDITION, true, requester(random.nextInt(MEASURED)), from, to);
                } else if (r < 0.5) {
                    int a = random.nextInt(SIGNING_AGENTS);
                    raw.page(RawQueries.QUEUE, true, BulkLoader.group(a).value(), agent(a));
                } else {
                    raw.page(RawQueries.NUMBER, false, Long.parseLong(numbers.get(random.nextInt(numbers.size()))));
                }
            });
            for (Map.Entry<String, InProcess> baseline : baselines.entrySet()) {
                HttpWorkload.Outcome outcome = inProcess(settings, baseline.getValue());
                String scenario = db.kind() + ", " + THREADS + " threads in-process: " + baseline.getKey();
                report(results, scenario, outcome);
                rates.put(baseline.getKey(), outcome.throughput());
                p99s.put(baseline.getKey(), outcome.all().millisAt(99));
            }
        }
    }

    private static void serve(RunSettings settings, Results results, Database db, Path folder, String password,
            List<Integer> connections, Map<String, Double> rates, Map<String, Double> p99s) throws Exception {
        int port = MailWorkload.freePort();
        fr.guichet.jdbc.JdbcConfig config = db.config(10);
        try (ChildJvm server = ChildJvm.start("guichet-server-" + db.kind(), "fr.guichet.examples.GuichetServer",
                List.of(), Map.of("GUICHET_PORT", String.valueOf(port), "GUICHET_DATA_DIR",
                        folder.resolve("data").toString(), "GUICHET_BASE_URL", "http://127.0.0.1:" + port,
                        "GUICHET_DB_URL", config.url(), "GUICHET_DB_USER", config.user()),
                folder, port)) {
            URI base = server.base();
            Map<String, HttpWorkload.ClientFactory> loads = new java.util.LinkedHashMap<>();
            loads.put("GET /health", i -> new HttpWorkload.PingClient(base, "/health"));
            loads.put("my requests", i -> new MineClient(mixed(base, password, i % MEASURED, i), false));
            loads.put("my requests, gzip", i -> new MineClient(mixed(base, password, i % MEASURED, i), true));
            loads.put("80/20 mix", i -> mixed(base, password, i % MEASURED, i));
            loads.put("file", i -> new FileClient(mixed(base, password, MEASURED + i % MEASURED, i)));
            for (Map.Entry<String, HttpWorkload.ClientFactory> load : loads.entrySet()) {
                for (int n : connections) {
                    boolean gzip = load.getKey().endsWith("gzip");
                    if (gzip && n != THREADS) {
                        continue;
                    }
                    String scenario = db.kind() + ", " + n + " connections: " + load.getKey();
                    List<Map<String, Double>> before = new ArrayList<>();
                    HttpWorkload.Outcome outcome = HttpWorkload.load(settings, n, load.getValue(),
                            () -> before.add(threadCpu(server.pid())));
                    Map<String, Double> after = threadCpu(server.pid());
                    if (n == THREADS && !settings.smoke() && !gzip && !load.getKey().equals("GET /health")) {
                        profile(settings, server.pid(), folder.resolve("serving.jfr"), db, scenario,
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

    /** Connection {@code index}'s client: requester {@code requester} and the agent of group {@code index % 10}. */
    private static HttpWorkload.MixedClient mixed(URI base, String password, int requester, int index) {
        return new HttpWorkload.MixedClient(base, password, requester(requester), agent(index % SIGNING_AGENTS));
    }

    /**
     * Loads the server as {@code factory} does once more, recording it with Java Flight Recorder and, on PostgreSQL,
     * {@link PostgresStatements}, and appends the summed-up profile and the database's statements to
     * {@code profile-serving-<database>.txt}: a load of its own, so that the recording's cost stays out of the measured
     * one.
     */
    private static void profile(RunSettings settings, long pid, Path recording, Database db, String scenario,
            HttpWorkload.ClientFactory factory) throws Exception {
        Optional<PostgresStatements> statements = PostgresStatements.of(db);
        HttpWorkload.Outcome outcome = HttpWorkload.load(settings, THREADS, factory, () -> {
            jcmd(pid, "JFR.start", "name=serving", "settings=profile");
            try {
                if (statements.isPresent()) {
                    statements.get().reset();
                }
            } catch (java.sql.SQLException e) {
                throw new IOException(e);
            }
        });
        String database = statements.isPresent() ? statements.get().top(outcome.all().count(), 12)
                : db.isPostgres() ? PostgresStatements.NOT_LOADED : "";
        jcmd(pid, "JFR.stop", "name=serving", "filename=" + recording);
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("profile-serving-" + db.kind() + ".txt"), "## " + scenario
                + " (a second load of it, recorded)\n\n" + Profile.of(recording) + "\n" + database + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void report(Results results, String scenario, HttpWorkload.Outcome outcome) {
        results.add(NAME, scenario, "throughput", outcome.throughput(), "requests/s");
        results.add(NAME, scenario, "errors", outcome.errors(), "count");
        outcome.all().report(results, NAME, scenario, false);
        if (outcome.kinds().size() > 1) {
            outcome.kinds().forEach((kind, latencies) -> {
                results.add(NAME, scenario + ", " + kind, "count", latencies.count(), "count");
                results.add(NAME, scenario + ", " + kind, "p50", latencies.millisAt(50), "ms");
                results.add(NAME, scenario + ", " + kind, "p99", latencies.millisAt(99), "ms");
            });
        }
        if (!outcome.errorSamples().isEmpty()) {
            results.note(NAME, scenario + ", first errors: " + String.join(" | ", outcome.errorSamples()));
        }
    }

    private static void targets(RunSettings settings, Results results, String kind, Map<String, Double> rates,
            Map<String, Double> p99s) {
        if (settings.smoke()) {
            return;
        }
        double health = rates.get("8 GET /health");
        double mine = rates.get("8 my requests") / health;
        results.check(NAME, kind + ": my requests at 8 connections >= 0.15 of /health, p99 < 10 ms",
                mine >= 0.15 && p99s.get("8 my requests") < 10, String.format(Locale.ROOT,
                        "%.0f / %.0f requests/s = %.3f, p99 %.1f ms (core in-process %.0f/s, raw %.0f/s)",
                        rates.get("8 my requests"), health, mine, p99s.get("8 my requests"),
                        rates.get("core ListMyRequests"), rates.get("raw my requests")));
        double filing = rates.get("8 file") / rates.get("core file");
        results.check(NAME, kind + ": filing at 8 connections >= 0.8 of the core in-process", filing >= 0.8,
                String.format(Locale.ROOT, "%.0f / %.0f requests/s = %.3f", rates.get("8 file"),
                        rates.get("core file"), filing));
        double mix = rates.get("8 80/20 mix") / health;
        results.check(NAME, kind + ": 80/20 mix at 8 connections >= 0.1 of /health, p99 < 20 ms",
                mix >= 0.1 && p99s.get("8 80/20 mix") < 20, String.format(Locale.ROOT,
                        "%.0f / %.0f requests/s = %.3f, p99 %.1f ms (raw reads in-process %.0f/s)",
                        rates.get("8 80/20 mix"), health, mix, p99s.get("8 80/20 mix"), rates.get("raw mix reads")));
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

    /**
     * The filing's baseline, after the server stopped: the core's {@code FileRequest} called in this JVM by 8 threads
     * on the same database, as the requesters who filed over HTTP; answers its rate.
     */
    private static double filing(RunSettings settings, Results results, Database db) throws Exception {
        try (Stack stack = new Stack(db, 10)) {
            PersonRegistry registry = stack.get(PersonRegistry.class);
            List<Person> requesters = IntStream.range(MEASURED, 2 * MEASURED).mapToObj(i -> registry.find(
                    PersonId.of(requester(i))).orElseThrow()).toList();
            RequestDraft draft = RequestDraft.parse(FilingBenchmark.SUBJECT, "INCIDENT",
                    "Le webmail refuse mon mot de passe",
                    "Depuis ce matin le webmail affiche « identifiants incorrects ».", "PRIVATE");
            HttpWorkload.Outcome outcome = inProcess(settings, (t, random) -> stack.ticketing().fileRequest().file(
                    requesters.get(random.nextInt(requesters.size())), draft, List.of(), null));
            report(results, db.kind() + ", " + THREADS + " threads in-process: core FileRequest", outcome);
            return outcome.throughput();
        }
    }

    /** One call of an in-process baseline, by thread {@code thread}. */
    private interface InProcess {
        void call(int thread, Random random) throws Exception;
    }

    /** {@value #THREADS} threads calling {@code call} in a closed loop for the warm-up, then the measured duration. */
    private static HttpWorkload.Outcome inProcess(RunSettings settings, InProcess call) throws Exception {
        long measureFrom = System.nanoTime() + settings.httpWarmup().toNanos();
        long until = measureFrom + settings.httpDuration().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Latencies>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                Random random = new Random(thread);
                Latencies latencies = new Latencies();
                for (long start = System.nanoTime(); start < until; start = System.nanoTime()) {
                    call.call(thread, random);
                    if (start >= measureFrom) {
                        latencies.recordNanos(System.nanoTime() - start);
                    }
                }
                return latencies;
            }));
        }
        Latencies all = new Latencies();
        for (Future<Latencies> f : threads) {
            all.add(f.get());
        }
        pool.shutdown();
        return new HttpWorkload.Outcome(new TreeMap<>(), all, 0, List.of(), settings.httpDuration().toNanos() / 1e9);
    }

    /** The first page of a requester's own requests of this school year, gzipped when {@code gzip}. */
    static final class MineClient implements HttpWorkload.Client {
        private final HttpWorkload.MixedClient client;
        private final boolean gzip;

        MineClient(HttpWorkload.MixedClient client, boolean gzip) {
            this.client = client;
            this.gzip = gzip;
        }

        @Override
        public void prepare() throws IOException, InterruptedException {
            client.signInRequester();
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

        FileClient(HttpWorkload.MixedClient client) {
            this.client = client;
        }

        @Override
        public void prepare() throws IOException, InterruptedException {
            client.signInRequester();
        }

        @Override
        public String call(Random random) throws IOException, InterruptedException {
            client.file();
            return "file";
        }
    }
}
