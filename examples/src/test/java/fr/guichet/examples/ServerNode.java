package fr.guichet.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One example-server process of a test ({@code java -jar target/guichet-server.jar}) on a fixed port with its own data
 * folder: started and waited for until {@code /health} answers, killed with SIGKILL, started again on the same port,
 * each start writing its own log file. Remembers when it was down, so that a client can tell a connection error the
 * test caused from one it did not. Started, killed and closed by one thread; read by any.
 */
final class ServerNode implements AutoCloseable {

    /** How long a connection made before a kill may still fail after the node is back. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(2);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final List<String> SMALL_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");

    final String name;
    final int port;
    private final Path folder;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Path> logs = new CopyOnWriteArrayList<>();
    private final List<Outage> outages = new CopyOnWriteArrayList<>();
    private volatile Process process;

    /** From a kill to the end of the restart that followed it; {@code end} is null until then. */
    private record Outage(Instant start, Instant end) {
    }

    private ServerNode(String name, int port, Path folder, Map<String, String> environment, List<String> jvmOptions,
            List<String> arguments) {
        this.name = name;
        this.port = port;
        this.folder = folder;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
    }

    /**
     * Starts a node named {@code name} on {@code port} with its data under {@code parent/name}, the {@code GUICHET_*}
     * variables of {@code environment} (no other from the test's own environment) and {@code arguments}; returns once
     * it answers on {@code /health}.
     */
    static ServerNode start(String name, int port, Path parent, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        return start(name, port, parent, environment, SMALL_JVM, arguments);
    }

    /** As {@link #start(String, int, Path, Map, String...)}, in a JVM started with {@code jvmOptions}. */
    static ServerNode start(String name, int port, Path parent, Map<String, String> environment,
            List<String> jvmOptions, String... arguments) throws IOException, InterruptedException {
        ServerNode node = new ServerNode(name, port, parent.resolve(name), environment, jvmOptions,
                List.of(arguments));
        Files.createDirectories(node.folder);
        try {
            node.launch();
        } catch (IOException | InterruptedException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** A port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Kills the process at once (SIGKILL: no shutdown hook runs) and waits until it is gone. */
    void kill() throws InterruptedException {
        outages.add(new Outage(Instant.now(), null));
        process.destroyForcibly().waitFor();
    }

    /** Starts the node again, same port, folder, variables and arguments; returns once it answers on /health. */
    void restart() throws IOException, InterruptedException {
        launch();
        int last = outages.size() - 1;
        outages.set(last, new Outage(outages.get(last).start(), Instant.now()));
    }

    /** True when the node was down, or had just come back, at some time from {@code from} to {@code to}. */
    boolean wasDownBetween(Instant from, Instant to) {
        return outages.stream().anyMatch(o -> !o.start().isAfter(to)
                && (o.end() == null || !o.end().plus(AFTER_RESTART).isBefore(from)));
    }

    /** The log files of every start, oldest first. */
    List<Path> logs() {
        return List.copyOf(logs);
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", logs " + logs() + ")";
    }

    /** Stops the node as an operator would (SIGTERM), and kills it when it has not stopped after 30 seconds. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void launch() throws IOException, InterruptedException {
        Path jar = Path.of("target", "guichet-server.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("package the server first: " + jar);
        }
        Path log = folder.resolve("server-" + (logs.size() + 1) + ".log");
        logs.add(log);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(environment);
        env.put("GUICHET_PORT", Integer.toString(port));
        env.put("GUICHET_DATA_DIR", folder.resolve("data").toString());
        builder.environment().keySet().removeIf(k -> k.startsWith("GUICHET_"));
        builder.environment().putAll(env);
        process = builder.start();
        awaitHealth(log);
    }

    private void awaitHealth(Path log) throws InterruptedException {
        Instant giveUp = Instant.now().plus(STARTUP);
        HttpRequest health = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue()
                        + "); see " + log);
            }
            if (answers(health)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " gave no answer on /health within " + STARTUP + "; see " + log);
    }

    private boolean answers(HttpRequest health) throws InterruptedException {
        try {
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
