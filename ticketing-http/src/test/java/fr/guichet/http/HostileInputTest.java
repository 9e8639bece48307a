package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HostileInputTest {

    private static final String NASTY = "<script>alert(\"x\")</script>' OR '1'='1\"; DROP TABLE requests; -- \\ é";

    private final TestServer server = TestServer.shared();

    @Test
    void two_hundred_parallel_filings_get_two_hundred_distinct_numbers_and_no_server_error() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(Api.HTTP.sendAsync(me.request("/api/v1/requests").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.filing("summary", "parallèle " + i),
                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> numbers = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> reply : replies) {
            HttpResponse<String> r = reply.join();
            assertEquals(201, r.statusCode(), r.body());
            numbers.add(new Api.Reply(r.statusCode(), r.headers().map(), r.body().getBytes(StandardCharsets.UTF_8))
                    .json().get("number").asText());
        }
        assertEquals(200, numbers.size());
        assertEquals(200, me.get("/api/v1/requests?size=1").json().get("total").asLong());
    }

    @Test
    void markup_and_quotes_in_every_text_field_come_back_as_the_same_json_strings() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        Api.Reply filed = me.post("/api/v1/requests", Api.filing("summary", NASTY, "description", NASTY + "\n"
                + NASTY));
        assertEquals(201, filed.status(), filed.body());
        assertTrue(filed.header("Content-Type").startsWith("application/json"));
        String number = filed.json().get("number").asText();
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        assertEquals(NASTY, agent.post("/api/v1/requests/" + number + "/messages", Api.object("body", NASTY))
                .json().get("body").asText());
        assertEquals(200, agent.post("/api/v1/requests/" + number + "/redirect", Api.object("group", "EVE",
                "comment", NASTY)).status());
        assertEquals(200, agent.post("/api/v1/requests/" + number + "/status", Api.object("status", "IN_PROGRESS",
                "comment", NASTY)).status());
        JsonNode seen = agent.get("/api/v1/requests/" + number).json();
        assertEquals(NASTY, seen.get("summary").asText());
        assertEquals(NASTY + "\n" + NASTY, seen.get("description").asText());
        seen.get("messages").forEach(m -> assertEquals(NASTY, m.get("body").asText()));
        assertEquals(3, seen.get("messages").size());
        JsonNode listed = agent.get("/api/v1/requests?scope=all&q=" + URLEncoder.encode("DROP TABLE",
                StandardCharsets.UTF_8)).json();
        assertTrue(listed.get("total").asLong() >= 1);
        assertEquals(NASTY, me.get("/api/v1/requests").json().get("items").get(0).get("summary").asText());
    }

    @Test
    void sql_metacharacters_and_unknown_values_in_query_parameters_are_refused_or_taken_as_words() {
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        String sql = URLEncoder.encode("' OR 1=1; DROP TABLE requests; --", StandardCharsets.UTF_8);
        String plain = Api.signIn(server.base, server.newRequester().id().value())
                .post("/api/v1/requests", Api.filing()).json().get("number").asText();
        JsonNode found = agent.get("/api/v1/requests?scope=all&size=100&q=" + sql).json();
        assertTrue(found.get("items").findValuesAsText("number").stream().noneMatch(plain::equals),
                "the words are searched, the SQL is not run: " + found);
        String noWord = URLEncoder.encode("--;'", StandardCharsets.UTF_8);
        assertEquals(0, agent.get("/api/v1/requests?scope=all&q=" + noWord).json().get("total").asLong());
        assertEquals(0, agent.get("/api/v1/requests?scope=all&q=%25").json().get("total").asLong());
        assertEquals(0, agent.get("/api/v1/requests?scope=all&q=_").json().get("total").asLong());
        assertTrue(agent.get("/api/v1/requests?scope=all&status=" + sql).problem(400).get("errors").has("status"));
        assertTrue(agent.get("/api/v1/requests?scope=all&status=OPEN").problem(400).get("errors").has("status"));
        assertTrue(agent.get("/api/v1/requests?sort=" + URLEncoder.encode("number; DROP TABLE requests",
                StandardCharsets.UTF_8)).problem(400).get("errors").has("sort"));
        assertTrue(agent.get("/api/v1/requests?sort=priority").problem(400).get("errors").has("sort"));
        assertTrue(agent.get("/api/v1/requests?scope=everything").problem(400).get("errors").has("scope"));
        assertTrue(agent.get("/api/v1/requests?subject=" + sql).problem(400).get("errors").has("subject"));
        assertTrue(agent.get("/api/v1/requests?group=" + sql).problem(400).get("errors").has("group"));
        assertTrue(agent.get("/api/v1/requests?assignee=" + sql).problem(400).get("errors").has("assignee"));
        JsonNode paging = agent.get("/api/v1/requests?page=-1&size=1%20OR%201=1").problem(400).get("errors");
        assertTrue(paging.has("page") && paging.has("size"), paging.toString());
        assertTrue(agent.get("/api/v1/requests?page=0").problem(400).get("errors").has("page"));
        assertTrue(agent.get("/api/v1/requests?size=0").problem(400).get("errors").has("size"));
        assertTrue(agent.get("/api/v1/requests?page=1e3").problem(400).get("errors").has("page"));
        assertTrue(agent.get("/api/v1/requests?q=" + "x".repeat(201)).problem(400).get("errors").has("q"));
        assertEquals(0, agent.get("/api/v1/requests?scope=all&page=99999999999999999999").json().get("items")
                .size());
        assertEquals(200, agent.get("/api/v1/requests?scope=all").status());
    }

    @Test
    void a_page_size_of_a_million_is_capped() {
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        JsonNode page = agent.get("/api/v1/requests?scope=all&size=1000000").json();
        assertEquals(100, page.get("size").asInt());
        assertTrue(page.get("items").size() <= 100);
        assertEquals(100, agent.get("/api/v1/requests?scope=all&size=99999999999999").json().get("size").asInt());
    }

    @Test
    void a_method_override_header_is_refused_and_changes_nothing() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        String number = me.post("/api/v1/requests", Api.filing()).json().get("number").asText();
        me.withoutCsrf().get("/api/v1/requests/" + number + "/messages", "X-HTTP-Method-Override", "POST")
                .problem(400);
        me.withoutCsrf().get("/api/v1/session", "X-HTTP-Method-Override", "DELETE").problem(400);
        assertEquals(0, me.get("/api/v1/requests/" + number).json().get("messages").size());
        assertEquals(200, me.get("/api/v1/me").status());
    }

    @Test
    void a_null_body_or_undecodable_bytes_are_refused_as_400_on_every_json_endpoint() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        String number = me.post("/api/v1/requests", Api.filing()).json().get("number").asText();
        byte[] brokenUtf32 = {0, 0, 0, '{', 0, 0, 0, '"', (byte) 0xD8, 0, 0, 0x41, 0, 0, 0, '"', 0, 0, 0};
        List<String> paths = List.of("/api/v1/session", "/api/v1/requests", "/api/v1/requests/" + number
                + "/messages", "/api/v1/requests/" + number + "/status", "/api/v1/requests/" + number + "/redirect");
        for (String path : paths) {
            Api caller = path.endsWith("/redirect") ? agent : me;
            caller.post(path, "null").problem(400);
            caller.post(path, HttpRequest.BodyPublishers.ofByteArray(brokenUtf32), "application/json").problem(400);
        }
        Multiparts nullRequest = new Multiparts().request("null");
        me.post("/api/v1/requests", nullRequest.build(), nullRequest.contentType()).problem(400);
    }
}
