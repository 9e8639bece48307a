package fr.guichet.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Workloads 3 and 5: the example server (H2 file database, demo académie, {@code -Xmx256m}) over HTTP on 127.0.0.1,
 * closed-loop connections doing 40% lists, 40% views, 10% filings and 10% staff answers; baseline: the same Javalin in
 * the same kind of JVM serving one trivial JSON route, with as many connections for as long. The server's heap comes
 * from its GC log.
 */
final class HttpWorkload {

    static final String NAME = "3 HTTP";
    static final String HEAP = "5 heap";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REQUESTERS = {"mmontanes", "jdupont"};
    private static final String[] STAFF = {"agent1", "admin"};

    private HttpWorkload() {
    }

    static void run(RunSettings settings, Results results) throws Exception {
        Path folder = Files.createTempDirectory("guichet-bench-http");
        try {
            run(settings, results, folder);
        } finally {
            if (settings.smoke()) {
                Database.deleteFolder(folder);
            } else {
                keepLogs(settings, folder);
            }
        }
    }

    /** Copies the servers' logs and GC logs next to the results, then deletes the server's data. */
    private static void keepLogs(RunSettings settings, Path folder) throws IOException {
        Files.createDirectories(settings.output());
        try (var files = Files.list(folder)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.copy(log, settings.output().resolve(log.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Database.deleteFolder(folder);
    }

    private static void run(RunSettings settings, Results results, Path folder) throws Exception {
        String password = UUID.randomUUID().toString();
        int port = MailWorkload.freePort();
        results.note(NAME, settings.httpConnections() + " closed-loop connections (one java.net.http.HttpClient "
                + "each, HTTP/1.1, Bearer sessions), " + settings.httpWarmup().toSeconds() + " s of warm-up then "
                + settings.httpDuration().toSeconds() + " s measured, load generator and server sharing the machine; "
                + "server: GuichetServer --demo on H2 (file), mails as .eml files, " + ChildJvm.MAX_HEAP + ".");
        Outcome server;
        try (ChildJvm child = ChildJvm.start("guichet-server", "fr.guichet.examples.GuichetServer", List.of("--demo"),
                Map.of("GUICHET_PORT", String.valueOf(port), "GUICHET_DATA_DIR", folder.resolve("data").toString(),
                        "GUICHET_DEMO_PASSWORD", password, "GUICHET_BASE_URL", "http://127.0.0.1:" + port),
                folder, port)) {
            server = load(settings, i -> new MixedClient(child.base(), password, i));
            double[] gc = child.gcLog();
            double atEnd = child.heapInUseMib();
            boolean alive = child.alive() && child.noOutOfMemory();
            results.add(HEAP, "example server, " + ChildJvm.MAX_HEAP, "peak heap used (before a GC)", gc[0], "MiB");
            results.add(HEAP, "example server, " + ChildJvm.MAX_HEAP, "largest heap after a GC", gc[1], "MiB");
            results.add(HEAP, "example server, " + ChildJvm.MAX_HEAP, "collections", gc[2], "count");
            results.add(HEAP, "example server, " + ChildJvm.MAX_HEAP, "heap used at the end (jcmd)", atEnd, "MiB");
            results.check(HEAP, "the server survives workload 3 with " + ChildJvm.MAX_HEAP, alive,
                    String.format(Locale.ROOT, "alive %s, peak %.0f MiB before GC, %.0f MiB live after GC", alive,
                            gc[0], gc[1]));
        }
        Outcome baseline;
        int basePort = MailWorkload.freePort();
        try (ChildJvm child = ChildJvm.start("trivial-server", TrivialServer.class.getName(),
                List.of(String.valueOf(basePort)), Map.of(), folder, basePort)) {
            baseline = load(settings, i -> new PingClient(child.base(), "/ping"));
        }
        server.report(results, "example server, 80% reads / 20% writes");
        baseline.report(results, "baseline: same Javalin, trivial JSON route");
        double ratio = server.throughput() / baseline.throughput();
        results.add(NAME, "example server / baseline", "throughput ratio", ratio, "");
        results.check(NAME, "no errors and p99 < 50 ms at the sustained throughput", server.errors() == 0
                && server.all().millisAt(99) < 50, String.format(Locale.ROOT,
                        "%.0f requests/s, p99 %.1f ms, %d errors (baseline %.0f requests/s, ratio %.3f)",
                        server.throughput(), server.all().millisAt(99), server.errors(), baseline.throughput(),
                        ratio));
        if (!server.errorSamples().isEmpty()) {
            results.note(NAME, "First errors: " + String.join(" | ", server.errorSamples()));
        }
    }

    /** One connection's behaviour: prepares (signs in, seeds data), then does one call and says its kind. */
    interface Client {
        void prepare() throws IOException, InterruptedException;

        /** Does one call; returns its kind, or throws {@link CallFailed} with what went wrong. */
        String call(Random random) throws IOException, InterruptedException;
    }

    /** A call that answered with an unexpected status. */
    static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Latencies per kind, errors and duration of one load. */
    record Outcome(Map<String, Latencies> kinds, Latencies all, long errors, List<String> errorSamples,
            double seconds) {

        double throughput() {
            return all.count() / seconds;
        }

        void report(Results results, String scenario) {
            results.add(NAME, scenario, "throughput", throughput(), "requests/s");
            results.add(NAME, scenario, "errors", errors, "count");
            all.report(results, NAME, scenario, true);
            if (kinds.size() > 1) {
                kinds.forEach((kind, latencies) -> {
                    results.add(NAME, scenario + ", " + kind, "count", latencies.count(), "count");
                    results.add(NAME, scenario + ", " + kind, "p99", latencies.millisAt(99), "ms");
                });
            }
        }
    }

    /** What to do when the measured window of a load opens. */
    interface Window {
        void open() throws IOException, InterruptedException;
    }

    /** Makes the client of each connection. */
    interface ClientFactory {
        Client create(int index);
    }

    private static Outcome load(RunSettings settings, ClientFactory factory) throws Exception {
        return load(settings, settings.httpConnections(), factory, () -> { });
    }

    /**
     * Prepares one client per connection, then drives them all for the warm-up and the measured duration, running
     * {@code atMeasureStart} when the warm-up ends.
     */
    static Outcome load(RunSettings settings, int connections, ClientFactory factory, Window atMeasureStart)
            throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Client client = factory.create(i);
            client.prepare();
            clients.add(client);
        }
        long measureFrom = System.nanoTime() + settings.httpWarmup().toNanos();
        long until = measureFrom + settings.httpDuration().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Client client = clients.get(i);
            long seed = i;
            futures.add(pool.submit(() -> drive(client, new Random(seed), measureFrom, until)));
        }
        java.util.concurrent.locks.LockSupport.parkNanos(measureFrom - System.nanoTime());
        atMeasureStart.open();
        Map<String, Latencies> kinds = new TreeMap<>();
        Latencies all = new Latencies();
        long errors = 0;
        List<String> samples = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            Outcome o = f.get();
            o.kinds().forEach((k, v) -> kinds.computeIfAbsent(k, x -> new Latencies()).add(v));
            all.add(o.all());
            errors += o.errors();
            samples.addAll(o.errorSamples().subList(0, Math.min(3, o.errorSamples().size())));
        }
        pool.shutdown();
        return new Outcome(kinds, all, errors, samples, settings.httpDuration().toNanos() / 1e9);
    }

    private static Outcome drive(Client client, Random random, long measureFrom, long until) {
        Map<String, Latencies> kinds = new TreeMap<>();
        Latencies all = new Latencies();
        long errors = 0;
        List<String> samples = new ArrayList<>();
        while (true) {
            long start = System.nanoTime();
            if (start >= until) {
                break;
            }
            String kind;
            boolean failed = false;
            try {
                kind = client.call(random);
            } catch (IOException | CallFailed e) {
                kind = "error";
                failed = true;
                if (samples.size() < 3) {
                    samples.add(e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long took = System.nanoTime() - start;
            if (start >= measureFrom) {
                if (failed) {
                    errors++;
                } else {
                    all.recordNanos(took);
                    kinds.computeIfAbsent(kind, k -> new Latencies()).recordNanos(took);
                }
            }
        }
        return new Outcome(kinds, all, errors, samples, 0);
    }

    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A trivial route's client: {@code GET path}, nothing else, answered 200. */
    static final class PingClient implements Client {
        private final URI base;
        private final String path;
        private final HttpClient http = httpClient();

        PingClient(URI base, String path) {
            this.base = base;
            this.path = path;
        }

        @Override
        public void prepare() {
        }

        @Override
        public String call(Random random) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new CallFailed(path + " " + r.statusCode());
            }
            return path;
        }
    }

    /**
     * A requester and a staff member on one connection: lists, views (of the requests it filed and of the first page
     * of the requester's), filings and public answers (on the requests it filed). Each person signs in once per
     * server, their session shared by the connections that act as them.
     */
    static final class MixedClient implements Client {
        private static final Map<String, String> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();
        private final URI base;
        private final String password;
        private final String requester;
        private final String staff;
        private final HttpClient http = httpClient();
        private final List<String> filed = Collections.synchronizedList(new ArrayList<>());
        private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        private String requesterToken;
        private String staffToken;

        MixedClient(URI base, String password, int index) {
            this(base, password, REQUESTERS[index % REQUESTERS.length], STAFF[index % STAFF.length]);
        }

        MixedClient(URI base, String password, String requester, String staff) {
            this.base = base;
            this.password = password;
            this.requester = requester;
            this.staff = staff;
        }

        /** Signs the requester in (once per server), nothing else: for loads that only list or file. */
        void signInRequester() throws IOException, InterruptedException {
            requesterToken = session(requester);
        }

        @Override
        public void prepare() throws IOException, InterruptedException {
            signInRequester();
            staffToken = session(staff);
            for (int i = 0; i < 3; i++) {
                file();
            }
            for (com.fasterxml.jackson.databind.JsonNode line : JSON.readTree(send(requesterToken, "GET",
                    "/api/v1/requests?scope=mine", null, 200)).get("items")) {
                seen.add(line.get("number").asText());
            }
        }

        private String session(String identifier) throws IOException, InterruptedException {
            String key = base + " " + identifier;
            String token = SESSIONS.get(key);
            if (token == null) {
                token = signIn(identifier);
                SESSIONS.put(key, token);
            }
            return token;
        }

        private String signIn(String identifier) throws IOException, InterruptedException {
            String body = JSON.writeValueAsString(Map.of("identifier", identifier, "password", password,
                    "remember", false));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sign-in of " + identifier + " gave " + r.statusCode() + ": "
                        + r.body());
            }
            return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("GUICHET_SESSION="))
                    .map(c -> c.substring("GUICHET_SESSION=".length()).split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no session cookie for " + identifier));
        }

        @Override
        public String call(Random random) throws IOException, InterruptedException {
            double r = random.nextDouble();
            boolean asStaff = random.nextBoolean();
            if (r < 0.4) {
                send(asStaff ? staffToken : requesterToken, "GET", "/api/v1/requests?scope="
                        + (asStaff ? "queue" : "mine"), null, 200);
                return "list";
            }
            if (r < 0.8) {
                send(asStaff ? staffToken : requesterToken, "GET", "/api/v1/requests/" + seen.get(random.nextInt(
                        seen.size())), null, 200);
                return "view";
            }
            if (r < 0.9) {
                file();
                return "file";
            }
            send(staffToken, "POST", "/api/v1/requests/" + filed.get(random.nextInt(filed.size())) + "/messages",
                    JSON.writeValueAsString(Map.of("body", "Bonjour, pouvez-vous réessayer maintenant ? Le service a "
                            + "été relancé.", "internal", false)), 201);
            return "answer";
        }

        /** Files one request as the connection's requester. */
        void file() throws IOException, InterruptedException {
            String body = JSON.writeValueAsString(Map.of("subject", "MES-1.1", "type", "INCIDENT",
                    "summary", "Le webmail refuse mon mot de passe", "description",
                    "Depuis ce matin le webmail affiche « identifiants incorrects ».", "visibility", "PRIVATE"));
            String number = JSON.readTree(send(requesterToken, "POST", "/api/v1/requests", body, 201)).get("number")
                    .asText();
            filed.add(number);
            seen.add(number);
        }

        /** The first page of the requester's own requests, gzipped when {@code gzip} (the body left compressed). */
        void listMine(boolean gzip) throws IOException, InterruptedException {
            send(requesterToken, "GET", "/api/v1/requests?scope=mine", null, 200, gzip);
        }

        private String send(String token, String method, String path, String body, int expected)
                throws IOException, InterruptedException {
            return send(token, method, path, body, expected, false);
        }

        private String send(String token, String method, String path, String body, int expected, boolean gzip)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token);
            if (gzip) {
                b.header("Accept-Encoding", "gzip");
            }
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new CallFailed(method + " " + path + " gave " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(200, r.body().length())));
            }
            return r.body();
        }
    }
}
