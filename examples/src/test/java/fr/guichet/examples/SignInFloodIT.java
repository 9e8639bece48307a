package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server under a 256 MiB heap, behind a trusted proxy, flooded with sign-ins from 10,000 client addresses
 * with the largest identifiers a body may hold (and some far larger): it answers each with a refusal, never a 5xx,
 * and still signs a teacher in afterwards.
 */
class SignInFloodIT {

    private static final String PASSWORD = "mot-de-passe-de-demo";
    private static final int ADDRESSES = 10_000;

    @TempDir
    Path folder;

    @Test
    void ten_thousand_addresses_with_the_largest_identifiers_leave_the_server_able_to_sign_a_teacher_in()
            throws Exception {
        Path jar = Path.of("target", "guichet-server.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the server first: " + jar);
        int port = freePort();
        Path log = folder.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "--demo")
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("GUICHET_PORT", Integer.toString(port));
        builder.environment().put("GUICHET_DEMO_PASSWORD", PASSWORD);
        builder.environment().put("GUICHET_TRUSTED_PROXIES", "127.0.0.1/32, ::1");
        Process server = builder.start();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            waitForHealth(http, base, server, log);
            String largest = "{\"identifier\":\"" + "x".repeat(8 * 1024 - 40) + "\",\"password\":\"p\"}";
            String huge = "{\"identifier\":\"" + "y".repeat(250_000) + "\",\"password\":\"p\"}";
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < ADDRESSES; i++) {
                String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
                String body = i % 100 == 0 ? huge : largest.replaceFirst("x{8}", String.format("%08d", i));
                sent.add(clients.submit(() -> {
                    int status;
                    try {
                        status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            assertTrue(server.isAlive(), "the server died: " + Files.readString(log));
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 400 || s == 413 || s == -1),
                    "only refusals of the size (or a connection closed on an oversized body): " + statuses);
            assertTrue(statuses.getOrDefault(400, new AtomicInteger()).get() >= ADDRESSES * 98 / 100, statuses::toString);

            HttpResponse<String> teacher = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.0.0.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"mmontanes\",\"password\":\""
                            + PASSWORD + "\",\"remember\":false}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, teacher.statusCode(), teacher.body());
            assertTrue(!Files.readString(log).contains("OutOfMemoryError"), "no OutOfMemoryError in the log");
        } finally {
            clients.shutdownNow();
            server.destroy();
            server.waitFor();
        }
    }

    private static void waitForHealth(HttpClient http, String base, Process server, Path log) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(giveUp)) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("no answer on /health: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
