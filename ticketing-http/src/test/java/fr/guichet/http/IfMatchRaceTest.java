package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two staff send a change with the same If-Match at the same moment: one is applied, the other is told it is stale. */
class IfMatchRaceTest {

    private static final int ROUNDS = 12;

    private final TestServer server = TestServer.shared();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void of_two_changes_racing_with_the_same_if_match_one_succeeds_and_the_other_is_412_never_409()
            throws Exception {
        Api requester = Api.signIn(server.base, server.newRequester().id().value());
        List<Api> staff = List.of(Api.signIn(server.base, server.newStaff().id().value()),
                Api.signIn(server.base, server.newStaff().id().value()));
        List<String> answers = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Api.Reply filed = requester.post("/api/v1/requests", Api.filing());
            assertEquals(201, filed.status(), filed.body());
            String path = "/api/v1/requests/" + filed.json().get("number").asText();
            String etag = filed.header("ETag");
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<Api.Reply>> changes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Api who = staff.get(i);
                Change change = change(round, i);
                changes.add(() -> {
                    together.await();
                    return who.post(path + change.path(), change.body(), "If-Match", etag);
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Reply> f : threads.invokeAll(changes)) {
                Api.Reply reply = f.get();
                statuses.add(reply.status());
                answers.add(round + ": " + reply.status() + " " + (reply.status() >= 400 ? reply.body() : ""));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200 || s == 201).count(), answers.toString());
            assertEquals(1, statuses.stream().filter(s -> s == 412).count(), answers.toString());
            assertEquals(2, requester.get(path).json().get("version").asLong(), answers.toString());
        }
    }

    /** Staff {@code i}'s change in a round: a message, a status change or a redirection. */
    private static Change change(int round, int i) {
        return switch ((round + i) % 3) {
            case 0 -> new Change("/messages", Api.object("body", "Réponse " + round + "-" + i));
            case 1 -> new Change("/status", Api.object("status", "IN_PROGRESS"));
            default -> new Change("/redirect", Api.object("group", "EVE"));
        };
    }

    private record Change(String path, String body) {
    }
}
