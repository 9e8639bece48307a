package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsTest {

    private final TestServer server = TestServer.shared();
    private final Api anonymous = Api.anonymous(server.base);

    @Test
    void health_is_200_and_ready_is_200_while_the_database_answers() {
        assertEquals("UP", anonymous.get("/health").json().get("status").asText());
        assertEquals("READY", anonymous.get("/ready").json().get("status").asText());
    }

    @Test
    void ready_is_503_when_the_database_does_not_answer() {
        try (TestServer.Node node = server.node(TestServer.CONFIG, new MutableClock(Instant.now()), () -> false)) {
            JsonNode problem = Api.anonymous(node.base()).get("/ready").problem(503);
            assertEquals("service.unavailable", problem.get("code").asText());
            assertEquals(200, Api.anonymous(node.base()).get("/health").status());
        }
    }

    @Test
    void unknown_routes_and_methods_are_problems_and_get_changes_nothing() {
        JsonNode missing = anonymous.get("/api/v1/nothing-here").problem(404);
        assertEquals("urn:guichet:problem:http-404", missing.get("type").asText());
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        assertTrue(List.of(404, 405).contains(me.get("/api/v1/requests/1/status").status()));
        assertTrue(List.of(404, 405).contains(me.get("/api/v1/session?_method=DELETE").status()));
        assertEquals(200, me.get("/api/v1/me").status());
    }

    @Test
    void no_origin_is_ever_echoed_for_credentialed_cross_origin_calls() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        Api.Reply reply = me.get("/api/v1/me", "Origin", "https://evil.example");
        assertEquals(200, reply.status());
        assertNull(reply.header("Access-Control-Allow-Origin"));
        assertNull(reply.header("Access-Control-Allow-Credentials"));
        Api.Reply preflight = me.send(me.request("/api/v1/requests", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST").method("OPTIONS",
                java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertNull(preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void no_answer_leaks_a_stack_trace_class_name_or_sql() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        for (Api.Reply reply : List.of(me.post("/api/v1/requests", "{"), me.get("/api/v1/requests?page=x"),
                me.post("/api/v1/requests", "{\"subject\": [1, 2]}"), anonymous.get("/api/v1/nothing"))) {
            String body = reply.body();
            assertFalse(body.contains("Exception") || body.contains("fr.guichet") || body.contains("com.fasterxml")
                    || body.contains("SELECT") || body.contains("\tat "), body);
        }
    }

    @Test
    void the_openapi_document_is_served_as_json() {
        Api.Reply reply = anonymous.get("/api/v1/openapi.json");
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        assertTrue(reply.json().get("openapi").asText().startsWith("3."));
    }
}
