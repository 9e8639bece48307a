package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version 1.1's "Working the queue": a list line says who has the request and who acted on it last. */
class WorklistApiTest {

    private final TestServer server = TestServer.shared();
    private final Person staff = server.newStaff();
    private final Person requester = server.newRequester();
    private final Api agent = Api.signIn(server.base, staff.id().value());
    private final Api teacher = Api.signIn(server.base, requester.id().value());

    private String fileInTheQueue() {
        return teacher.fileInTheQueue().get("number").asText();
    }

    private JsonNode queueLine(String number) {
        JsonNode page = agent.get("/api/v1/requests?scope=queue&q=" + number).json();
        assertEquals(1, page.get("total").asLong(), page.toString());
        return page.get("items").get(0);
    }

    private JsonNode myLine(String number) {
        JsonNode page = teacher.get("/api/v1/requests?scope=mine&q=" + number).json();
        assertEquals(1, page.get("total").asLong(), page.toString());
        return page.get("items").get(0);
    }

    @Test
    void a_line_just_filed_has_no_assignee_and_awaits_the_staff_its_requester_having_acted_last() {
        JsonNode line = queueLine(fileInTheQueue());

        assertEquals(List.of("number", "summary", "subject", "type", "status", "visibility", "submittedAt",
                "establishment", "establishmentName", "requester", "assignee", "updatedAt", "lastActivity",
                "awaitingStaff", "reopened", "late"),
                fields(line));
        assertTrue(line.get("assignee").isNull());
        assertEquals(line.get("submittedAt"), line.get("updatedAt"));
        JsonNode last = line.get("lastActivity");
        assertEquals(line.get("submittedAt"), last.get("at"));
        assertEquals(requester.id().value(), last.get("by").get("identifier").asText());
        assertEquals("Élise Ñúñez", last.get("by").get("displayName").asText());
        assertFalse(last.get("staff").asBoolean());
        assertTrue(line.get("awaitingStaff").asBoolean());
        assertFalse(line.get("reopened").asBoolean());
    }

    @Test
    void a_request_its_requester_reopened_is_marked_kept_by_the_reopened_flag_and_counted() {
        String reopened = fileInTheQueue();
        String resolved = fileInTheQueue();
        for (String number : List.of(reopened, resolved)) {
            for (String status : List.of("IN_PROGRESS", "RESOLVED")) {
                assertEquals(200, agent.post("/api/v1/requests/" + number + "/status",
                        Api.object("status", status)).status());
            }
        }
        Api.Reply back = teacher.post("/api/v1/requests/" + reopened + "/status",
                Api.object("status", "IN_PROGRESS", "comment", "L'imprimante s'est de nouveau arrêtée."));
        assertEquals(200, back.status(), back.body());
        String mine = "&q=" + requester.id().value();

        assertTrue(queueLine(reopened).get("reopened").asBoolean());
        assertFalse(queueLine(resolved).get("reopened").asBoolean());
        assertEquals(List.of(reopened), numbers("scope=queue&reopened=true" + mine));
        assertEquals(List.of(resolved, reopened), numbers("scope=queue&reopened=false" + mine));
        JsonNode counts = agent.get("/api/v1/requests/counts?scope=queue&status=IN_PROGRESS" + mine).json();
        assertEquals(1, counts.get("reopened").asLong());
        assertTrue(agent.get("/api/v1/requests?scope=queue&reopened=1").problem(400).get("errors").has("reopened"));
    }

    @Test
    void after_a_take_the_line_names_its_assignee_and_the_staff_acted_last_until_the_requester_speaks() {
        String number = fileInTheQueue();
        assertEquals(200, agent.post("/api/v1/requests/" + number + "/take", "").status());

        for (JsonNode line : List.of(queueLine(number), myLine(number))) {
            JsonNode assignee = line.get("assignee");
            assertEquals(staff.id().value(), assignee.get("identifier").asText());
            assertEquals("Paul Agent", assignee.get("displayName").asText());
            assertEquals("Agent Paul", assignee.get("listedName").asText());
            assertEquals(staff.id().value(), line.get("lastActivity").get("by").get("identifier").asText());
            assertTrue(line.get("lastActivity").get("staff").asBoolean());
            assertFalse(line.get("awaitingStaff").asBoolean());
        }

        Api.Reply followUp = teacher.post("/api/v1/requests/" + number + "/messages",
                Api.object("body", "Elle imprime toujours des pages blanches."));
        assertEquals(201, followUp.status(), followUp.body());
        JsonNode line = queueLine(number);
        assertEquals(requester.id().value(), line.get("lastActivity").get("by").get("identifier").asText());
        assertFalse(line.get("lastActivity").get("staff").asBoolean());
        assertTrue(line.get("awaitingStaff").asBoolean());
    }

    @Test
    void staff_narrow_the_queue_to_unassigned_requests_to_those_awaiting_them_and_to_their_own() {
        String waiting = fileInTheQueue();
        String taken = fileInTheQueue();
        String answered = fileInTheQueue();
        assertEquals(200, agent.post("/api/v1/requests/" + taken + "/take", "").status());
        assertEquals(201, teacher.post("/api/v1/requests/" + taken + "/messages",
                Api.object("body", "Elle est en salle 12.")).status());
        assertEquals(200, agent.post("/api/v1/requests/" + answered + "/take", "").status());
        assertEquals(201, agent.post("/api/v1/requests/" + answered + "/messages",
                Api.object("body", "Redémarrez l'imprimante.")).status());
        String mine = "&q=" + requester.id().value();

        assertEquals(List.of(waiting), numbers("scope=queue&unassigned=true" + mine));
        assertEquals(List.of(taken, waiting), numbers("scope=all&awaitingStaff=true" + mine));
        assertEquals(List.of(answered, taken), numbers("scope=queue&assignee=me" + mine));
        assertEquals(List.of(taken), numbers("scope=queue&assignee=me&awaitingStaff=true" + mine));
        assertEquals(List.of(answered, taken), numbers("scope=queue&status=ASSIGNED&status=NEW&assignee=me" + mine));
        assertEquals(List.of(), numbers("scope=queue&unassigned=true&assignee=me" + mine));
    }

    @Test
    void the_queue_sorts_by_filing_or_by_last_change_and_keeps_the_v1_names() {
        String first = fileInTheQueue();
        String second = fileInTheQueue();
        String mine = "&q=" + requester.id().value();
        // The shared server's clock stands still: equal dates are ordered by number, in the sort's direction.

        assertEquals(List.of(second, first), numbers("scope=all" + mine));
        assertEquals(List.of(second, first), numbers("scope=all&sort=-submittedAt" + mine));
        assertEquals(List.of(first, second), numbers("scope=all&sort=submittedAt" + mine));
        assertEquals(List.of(second, first), numbers("scope=queue&sort=-updatedAt" + mine));
        assertEquals(List.of(first, second), numbers("scope=queue&sort=updatedAt" + mine));
        assertEquals(List.of(second, first), numbers("scope=all&sort=newest" + mine));
        assertEquals(List.of(first, second), numbers("scope=all&sort=oldest" + mine));
        assertEquals(List.of(second, first), numbers("scope=all&sort=updated" + mine));
    }

    @Test
    void a_sort_by_due_puts_requests_without_due_last_by_number_and_an_unknown_sort_or_flag_is_a_clear_400() {
        String first = fileInTheQueue();
        String second = fileInTheQueue();
        assertEquals(List.of(first, second), numbers("scope=queue&sort=due&q=" + requester.id().value()));
        JsonNode unknown = agent.get("/api/v1/requests?scope=queue&sort=age").problem(400);
        assertTrue(unknown.get("errors").get("sort").asText().contains("due"), unknown.toString());
        assertTrue(agent.get("/api/v1/requests?scope=queue&unassigned=oui").problem(400).get("errors")
                .has("unassigned"));
    }

    @Test
    void staff_count_the_queue_with_the_lists_filters_and_requesters_may_not() {
        fileInTheQueue();
        String taken = fileInTheQueue();
        assertEquals(200, agent.post("/api/v1/requests/" + taken + "/take", "").status());
        String mine = "&q=" + requester.id().value();

        Api.Reply reply = agent.get("/api/v1/requests/counts?scope=queue" + mine);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.header("Cache-Control"));
        JsonNode counts = reply.json();
        assertEquals(List.of("byStatus", "unassigned", "awaitingStaff", "mine", "reopened", "exact"), fields(counts));
        assertEquals(List.of("byStatus", "unassigned", "awaitingStaff", "mine", "reopened"),
                fields(counts.get("exact")));
        assertTrue(counts.get("exact").get("byStatus").get("CLOSED").asBoolean());
        assertTrue(counts.get("exact").get("unassigned").asBoolean());
        assertEquals(List.of("NEW", "ASSIGNED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "RESOLVED", "CLOSED"),
                fields(counts.get("byStatus")));
        assertEquals(1, counts.get("byStatus").get("NEW").asLong());
        assertEquals(1, counts.get("byStatus").get("ASSIGNED").asLong());
        assertEquals(0, counts.get("byStatus").get("CLOSED").asLong());
        assertEquals(1, counts.get("unassigned").asLong());
        assertEquals(1, counts.get("awaitingStaff").asLong());
        assertEquals(1, counts.get("mine").asLong());

        JsonNode assigned = agent.get("/api/v1/requests/counts?scope=all&status=ASSIGNED&assignee=me" + mine).json();
        assertEquals(1, assigned.get("byStatus").get("ASSIGNED").asLong());
        assertEquals(0, assigned.get("byStatus").get("NEW").asLong());
        assertEquals(0, assigned.get("unassigned").asLong());

        assertEquals(403, teacher.get("/api/v1/requests/counts").status());
        assertTrue(agent.get("/api/v1/requests/counts?scope=mine").problem(400).get("errors").has("scope"));
    }

    private List<String> numbers(String query) {
        List<String> numbers = new ArrayList<>();
        agent.get("/api/v1/requests?" + query).json().get("items")
                .forEach(line -> numbers.add(line.get("number").asText()));
        return numbers;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
