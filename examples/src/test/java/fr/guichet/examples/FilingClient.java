package fr.guichet.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A demo person filing requests over HTTP with a bearer session, as a careful script does: each filing has its own
 * {@code Idempotency-Key}, and a filing whose answer did not come (connection error, timeout) or came as a 5xx is sent
 * again, with the same key, to the other node. What it should not have seen goes to the shared {@link Incidents}. One
 * per thread.
 */
final class FilingClient {

    private static final int MAX_ATTEMPTS = 20;
    private static final Duration PAUSE_BEFORE_RETRY = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer to a filing: 201 or 200 with the request's number, or the status given up on (0: none came). */
    record Filed(String identifier, String key, int status, String number, int attempts) {

        boolean accepted() {
            return status == 201 || status == 200;
        }
    }

    /**
     * What clients saw that they should not have (any 5xx, any other refusal, a connection error from a node that was
     * up), and how many connection errors a killed node explains. Thread-safe.
     */
    static final class Incidents {
        private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        private final AtomicInteger explained = new AtomicInteger();

        List<String> unexpected() {
            return List.copyOf(unexpected);
        }

        int explainedByAKill() {
            return explained.get();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String identifier;
    private final Incidents incidents;
    private String token;

    private FilingClient(String identifier, Incidents incidents) {
        this.identifier = identifier;
        this.incidents = incidents;
    }

    /** A client signed in on {@code node} as {@code identifier}; its session holds on every node. */
    static FilingClient signIn(ServerNode node, String identifier, String password, Incidents incidents)
            throws IOException, InterruptedException {
        FilingClient client = new FilingClient(identifier, incidents);
        HttpResponse<String> answer = client.http.send(HttpRequest.newBuilder(node.uri("/api/v1/session"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("identifier", identifier)
                        .put("password", password).put("remember", false).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(identifier + " could not sign in on " + node + ": " + answer.statusCode()
                    + " " + answer.body());
        }
        client.token = answer.headers().firstValue("Set-Cookie").orElseThrow()
                .replaceAll("^GUICHET_SESSION=([^;]+);.*$", "$1");
        return client;
    }

    /** Files {@code json} under {@code key} on {@code first}, then on each node in turn until one answers. */
    Filed file(String key, String json, ServerNode first, ServerNode second) throws InterruptedException {
        ServerNode node = first;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant sent = Instant.now();
            Optional<Filed> answer = answer(node, key, attempt, sent, send(node, key, json));
            if (answer.isPresent() && answer.get().status() < 500) {
                return answer.get();
            }
            Thread.sleep(PAUSE_BEFORE_RETRY.toMillis());
            node = node == first ? second : first;
        }
        incidents.unexpected.add("no answer to " + key + " after " + MAX_ATTEMPTS + " attempts");
        return new Filed(identifier, key, 0, null, MAX_ATTEMPTS);
    }

    /**
     * Files as a client that gave up waiting for its first answer and sent the filing again at once on the other
     * node: both go, and both answers are returned (the first one's only if it came).
     */
    List<Filed> fileTwice(String key, String json, ServerNode first, ServerNode second) throws InterruptedException {
        Instant sent = Instant.now();
        CompletableFuture<HttpResponse<String>> lost = send(first, key, json);
        Filed again = file(key, json, second, first);
        return answer(first, key, 1, sent, lost).map(f -> List.of(f, again)).orElse(List.of(again));
    }

    private CompletableFuture<HttpResponse<String>> send(ServerNode node, String key, String json) {
        return http.sendAsync(HttpRequest.newBuilder(node.uri("/api/v1/requests"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The answer {@code node} gave, kept as an incident unless 201 or 200; empty after a connection error or a
     * timeout, which a kill of {@code node} explains or which is kept as an incident.
     */
    private Optional<Filed> answer(ServerNode node, String key, int attempt, Instant sent,
            CompletableFuture<HttpResponse<String>> pending) throws InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = pending.get();
        } catch (ExecutionException e) {
            if (node.wasDownBetween(sent, Instant.now())) {
                incidents.explained.incrementAndGet();
            } else {
                incidents.unexpected.add(sent + " " + node.name + ", up, gave no answer to " + key + " (attempt "
                        + attempt + "): " + e.getCause());
            }
            return Optional.empty();
        }
        int status = answer.statusCode();
        if (status == 201 || status == 200) {
            return Optional.of(new Filed(identifier, key, status, number(answer.body()), attempt));
        }
        incidents.unexpected.add(sent + " " + node.name + " answered " + status + " to " + key + " (attempt "
                + attempt + "): " + excerpt(answer.body()));
        return Optional.of(new Filed(identifier, key, status, null, attempt));
    }

    private static String number(String body) {
        try {
            return JSON.readTree(body).path("number").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("a filing's answer is JSON: " + body, e);
        }
    }

    private static String excerpt(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }
}
