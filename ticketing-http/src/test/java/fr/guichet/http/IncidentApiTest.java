package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version 1.1's incidents: staff link requests to a parent, and resolving the parent resolves them. */
class IncidentApiTest {

    private final TestServer server = TestServer.shared();
    private final Person staff = server.newStaff();
    private final Person requester = server.newRequester();
    private final Api agent = Api.signIn(server.base, staff.id().value());
    private final Api teacher = Api.signIn(server.base, requester.id().value());
    private final String incident = fileInTheQueue();

    private String fileInTheQueue() {
        return teacher.fileInTheQueue().get("number").asText();
    }

    private Api.Reply link(Api who, String number, String parent) {
        return who.post("/api/v1/requests/" + number + "/link", Api.object("parent", parent));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void a_linked_request_names_its_parent_and_staff_read_the_parent_s_children() {
        String first = fileInTheQueue();
        String second = fileInTheQueue();

        Api.Reply linked = link(agent, second, incident.replaceFirst("^0+", ""));
        assertEquals(200, link(agent, first, incident).status());

        assertEquals(200, linked.status(), linked.body());
        assertEquals(incident, linked.json().get("parent").asText());
        assertEquals("\"2\"", linked.header("ETag"));
        JsonNode last = linked.json().get("history").get(linked.json().get("history").size() - 1);
        assertEquals(List.of("LINKED", incident), List.of(last.get("event").asText(), last.get("to").asText()));
        assertEquals(List.of(first, second), texts(agent.get("/api/v1/requests/" + incident).json().get("children")));
        assertTrue(agent.get("/api/v1/requests/" + first).json().get("parent").isTextual());
        assertEquals(List.of(), texts(teacher.get("/api/v1/requests/" + incident).json().get("children")));
        assertEquals(incident, teacher.get("/api/v1/requests/" + first).json().get("parent").asText());
        assertTrue(agent.get("/api/v1/requests/" + incident).json().get("parent").isNull());
    }

    @Test
    void unlinking_detaches_the_request_once() {
        String child = fileInTheQueue();
        link(agent, child, incident);

        Api.Reply unlinked = agent.delete("/api/v1/requests/" + child + "/link");

        assertEquals(200, unlinked.status(), unlinked.body());
        assertTrue(unlinked.json().get("parent").isNull());
        assertEquals(List.of(), texts(agent.get("/api/v1/requests/" + incident).json().get("children")));
        assertEquals("request.link.none", agent.delete("/api/v1/requests/" + child + "/link").problem(409)
                .get("code").asText());
    }

    @Test
    void a_link_the_rules_refuse_says_why_and_changes_nothing() {
        String child = fileInTheQueue();
        String resolved = fileInTheQueue();
        for (String s : List.of("IN_PROGRESS", "RESOLVED")) {
            agent.post("/api/v1/requests/" + resolved + "/status", Api.object("status", s, "comment", "Fait."));
        }

        assertEquals("request.link.parent_required", link(agent, child, "").problem(400).get("code").asText());
        assertTrue(link(agent, child, "n°12").problem(400).get("errors").has("parent"));
        assertEquals("request.link.parent_not_found", link(agent, child, "99999999").problem(400).get("code")
                .asText());
        assertEquals("request.link.self", link(agent, child, child).problem(400).get("code").asText());
        JsonNode closedParent = link(agent, child, resolved).problem(409);
        assertEquals("request.link.parent_not_open", closedParent.get("code").asText());
        assertTrue(closedParent.get("errors").has("parent"), closedParent.toString());
        assertEquals(404, link(agent, "99999999", incident).status());
        assertEquals(403, link(teacher, child, incident).status());
        assertEquals(403, teacher.delete("/api/v1/requests/" + child + "/link").status());
        assertEquals(1, agent.get("/api/v1/requests/" + child).json().get("version").asLong());

        assertEquals(200, link(agent, child, incident).status());
        assertEquals("request.link.already", link(agent, child, incident).problem(409).get("code").asText());
        assertEquals("request.link.parent_is_child", link(agent, fileInTheQueue(), child).problem(409).get("code")
                .asText());
        assertEquals("request.link.has_children", link(agent, incident, fileInTheQueue()).problem(409).get("code")
                .asText());
    }

    @Test
    void resolving_the_parent_resolves_each_open_child_with_its_answer_and_a_retry_is_refused() {
        List<String> children = List.of(fileInTheQueue(), fileInTheQueue(), fileInTheQueue());
        children.forEach(child -> link(agent, child, incident));
        agent.post("/api/v1/requests/" + incident + "/status", Api.object("status", "IN_PROGRESS"));
        String resolve = Api.object("status", "RESOLVED", "comment", "L'ENT est de nouveau accessible.");

        assertEquals(200, agent.post("/api/v1/requests/" + incident + "/status", resolve).status());

        for (String child : children) {
            JsonNode seen = teacher.get("/api/v1/requests/" + child).json();
            assertEquals("RESOLVED", seen.get("status").asText());
            JsonNode messages = seen.get("messages");
            assertEquals("L'ENT est de nouveau accessible.", messages.get(messages.size() - 1).get("body").asText());
        }
        assertEquals("request.transition.not_allowed",
                agent.post("/api/v1/requests/" + incident + "/status", resolve).problem(409).get("code").asText());
    }
}
