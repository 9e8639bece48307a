package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Map<String, String> environment = Map.of("GUICHET_DEMO_PASSWORD", PASSWORD,
                "GUICHET_TRUSTED_PROXIES", "127.0.0.1/32, ::1");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (ServerNode server = ServerNode.start("flood", ServerNode.freePort(), folder, environment,
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), "--demo")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
                        status = http.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
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
            assertTrue(server.alive(), "the server died: " + server);
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 400 || s == 413 || s == -1),
                    "only refusals of the size (or a connection closed on an oversized body): " + statuses);
            assertTrue(statuses.getOrDefault(400, new AtomicInteger()).get() >= ADDRESSES * 98 / 100,
                    statuses::toString);

            HttpResponse<String> teacher = http.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.0.0.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"mmontanes\",\"password\":\""
                            + PASSWORD + "\",\"remember\":false}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, teacher.statusCode(), teacher.body());
            for (Path log : server.logs()) {
                assertFalse(Files.readString(log).contains("OutOfMemoryError"), "an OutOfMemoryError in " + log);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
