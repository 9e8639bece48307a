package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version 1.1's bulk call: one action on many requests, each changed on its own, a result per request. */
class BulkApiTest {

    private final TestServer server = TestServer.shared();
    private final Person staff = server.newStaff();
    private final Person requester = server.newRequester();
    private final Api agent = Api.signIn(server.base, staff.id().value());
    private final Api teacher = Api.signIn(server.base, requester.id().value());

    private String fileInTheQueue() {
        return teacher.fileInTheQueue().get("number").asText();
    }

    private JsonNode bulk(Api who, Object... body) {
        Api.Reply reply = who.post("/api/v1/requests/bulk", Api.object(body));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.header("Cache-Control"));
        return reply.json().get("results");
    }

    private String status(String number) {
        return agent.get("/api/v1/requests/" + number).json().get("status").asText();
    }

    @Test
    void staff_take_several_requests_at_once_and_one_refused_leaves_the_others_taken() {
        String first = fileInTheQueue();
        String second = fileInTheQueue();
        String closed = fileInTheQueue();
        for (String s : List.of("IN_PROGRESS", "RESOLVED", "CLOSED")) {
            assertEquals(200, agent.post("/api/v1/requests/" + closed + "/status", Api.object("status", s))
                    .status());
        }

        JsonNode results = bulk(agent, "numbers", List.of(first, closed, "99999999", second.replaceFirst("^0+", ""),
                first), "action", "take");

        assertEquals(List.of(first, closed, "99999999", second), field(results, "number"));
        assertEquals(List.of("200", "409", "404", "200"), field(results, "status"));
        assertTrue(results.get(0).get("detail").isNull());
        assertTrue(results.get(1).get("detail").asText().contains("close")
                || results.get(1).get("detail").asText().contains("Impossible"), results.toString());
        for (String number : List.of(first, second)) {
            JsonNode taken = agent.get("/api/v1/requests/" + number).json();
            assertEquals("ASSIGNED", taken.get("status").asText());
            assertEquals(staff.id().value(), taken.get("assignee").asText());
        }
    }

    @Test
    void staff_resolve_several_requests_with_one_answer_each_requester_reading_it() {
        String first = fileInTheQueue();
        String second = fileInTheQueue();
        bulk(agent, "numbers", List.of(first, second), "action", "status", "status", "IN_PROGRESS");

        JsonNode results = bulk(agent, "numbers", List.of(first, second), "action", "status", "status", "RESOLVED",
                "comment", "L'ENT est de nouveau accessible.");

        assertEquals(List.of("200", "200"), field(results, "status"));
        for (String number : List.of(first, second)) {
            JsonNode seen = teacher.get("/api/v1/requests/" + number).json();
            assertEquals("RESOLVED", seen.get("status").asText());
            JsonNode messages = seen.get("messages");
            assertEquals("L'ENT est de nouveau accessible.", messages.get(messages.size() - 1).get("body").asText());
        }
    }

    @Test
    void staff_assign_several_requests_to_another_group_and_may_no_longer_take_them() {
        String first = fileInTheQueue();
        String second = fileInTheQueue();

        JsonNode results = bulk(agent, "numbers", List.of(first, second), "action", "assign",
                "group", Fixtures.EVE.value(), "assignee", "specialiste-mep", "comment", "Pour les spécialistes.");

        assertEquals(List.of("200", "200"), field(results, "status"));
        JsonNode moved = agent.get("/api/v1/requests/" + first).json();
        assertEquals(Fixtures.EVE.value(), moved.get("assignedGroup").asText());
        assertEquals("specialiste-mep", moved.get("assignee").asText());
        assertEquals(List.of("403", "403"), field(bulk(agent, "numbers", List.of(first, second), "action", "take"),
                "status"));
    }

    @Test
    void staff_link_several_requests_to_one_incident_and_a_refused_one_is_told_why() {
        String incident = fileInTheQueue();
        String first = fileInTheQueue();
        String second = fileInTheQueue();

        JsonNode results = bulk(agent, "numbers", List.of(first, incident, second), "action", "link",
                "parent", incident.replaceFirst("^0+", ""));

        assertEquals(List.of("200", "409", "200"), field(results, "status"));
        assertTrue(results.get(1).get("detail").asText().contains("elle-même"), results.toString());
        List<String> children = new ArrayList<>();
        agent.get("/api/v1/requests/" + incident).json().get("children").forEach(c -> children.add(c.asText()));
        assertEquals(List.of(first, second), children);
        assertEquals(incident, agent.get("/api/v1/requests/" + second).json().get("parent").asText());
        assertTrue(agent.post("/api/v1/requests/bulk", Api.object("numbers", List.of(first), "action", "link"))
                .problem(400).get("errors").has("parent"));
    }

    @Test
    void a_faulty_call_changes_nothing_and_says_which_field_is_wrong() {
        String number = fileInTheQueue();
        String path = "/api/v1/requests/bulk";

        assertTrue(agent.post(path, Api.object("numbers", List.of(number), "action", "close")).problem(400)
                .get("errors").has("action"));
        assertTrue(agent.post(path, Api.object("numbers", List.of(), "action", "take")).problem(400)
                .get("errors").has("numbers"));
        assertTrue(agent.post(path, Api.object("numbers", List.of("n°12"), "action", "take")).problem(400)
                .get("errors").has("numbers"));
        assertTrue(agent.post(path, Api.object("numbers", Collections.nCopies(201, number), "action", "take"))
                .problem(400).get("errors").has("numbers"));
        JsonNode both = agent.post(path, Api.object("numbers", List.of(number), "action", "assign")).problem(400);
        assertTrue(both.get("errors").has("group"), both.toString());
        assertTrue(agent.post(path, Api.object("numbers", List.of(number), "action", "status", "status", "FINI"))
                .problem(400).get("errors").has("status"));
        assertEquals("NEW", status(number));

        assertEquals(403, teacher.post(path, Api.object("numbers", List.of(number), "action", "take")).status());
        assertEquals("NEW", status(number));
    }

    private static List<String> field(JsonNode results, String name) {
        List<String> values = new ArrayList<>();
        results.forEach(r -> values.add(r.get(name).asText()));
        return values;
    }
}
