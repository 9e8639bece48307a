package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Version 1.1's "Working the queue": taking a request in one call, the pick-lists of groups, names instead of codes. */
class WorkingTheQueueApiTest {

    private static final String PLATFORM = "Plateforme d'assistance du rectorat";

    private final TestServer server = TestServer.shared();
    private final Person staff = server.newStaff();
    private final Api agent = Api.signIn(server.base, staff.id().value());
    private final Api teacher = Api.signIn(server.base, server.newRequester().id().value());

    /** A request about printers, a subject whose requests wait NEW in the platform's queue. */
    private String fileInTheQueue() {
        JsonNode filed = teacher.fileInTheQueue();
        assertEquals("NEW", filed.get("status").asText());
        assertTrue(filed.get("assignee").isNull());
        assertEquals(PLATFORM, filed.get("assignedGroupLabel").asText());
        return filed.get("number").asText();
    }

    @Test
    void a_member_of_the_group_takes_a_new_request_with_its_etag_and_nobody_is_mailed() throws SQLException {
        String number = fileInTheQueue();
        String path = "/api/v1/requests/" + number;
        long mails = mailsAbout(number);

        Api.Reply taken = agent.post(path + "/take", "", "If-Match", "\"1\"");

        assertEquals(200, taken.status(), taken.body());
        assertEquals("\"2\"", taken.header("ETag"));
        JsonNode request = taken.json();
        assertEquals("ASSIGNED", request.get("status").asText());
        assertEquals(staff.id().value(), request.get("assignee").asText());
        assertEquals("Paul Agent", request.get("assigneeName").asText());
        JsonNode took = request.get("history").get(1);
        assertEquals("TAKEN", took.get("event").asText());
        assertEquals("Paul Agent", took.get("byName").asText());
        assertEquals("Paul Agent", took.get("toLabel").asText());
        assertTrue(took.get("from").isNull());
        JsonNode status = request.get("history").get(2);
        assertEquals("STATUS_CHANGED", status.get("event").asText());
        assertEquals("nouvelle", status.get("fromLabel").asText());
        assertEquals("attribuée", status.get("toLabel").asText());
        assertEquals(mails, mailsAbout(number), "nobody is mailed");
        assertEquals(1, agent.get("/api/v1/requests?scope=queue&assignee=" + staff.id().value() + "&status=ASSIGNED")
                .json().get("items").findValues("number").stream().filter(n -> n.asText().equals(number)).count());
    }

    @Test
    void the_teacher_reads_who_took_the_request_and_the_groups_label_never_a_staff_identifier_or_group_code() {
        String number = fileInTheQueue();
        agent.post("/api/v1/requests/" + number + "/take", "");

        JsonNode seen = teacher.get("/api/v1/requests/" + number).json();

        assertEquals("Paul Agent", seen.get("assigneeName").asText());
        assertEquals(PLATFORM, seen.get("assignedGroupLabel").asText());
        List<String> labels = new ArrayList<>();
        for (JsonNode h : seen.get("history")) {
            for (String field : List.of("byName", "fromLabel", "toLabel")) {
                if (!h.get(field).isNull()) {
                    labels.add(h.get(field).asText());
                }
            }
        }
        assertTrue(labels.contains("Paul Agent"), labels::toString);
        assertTrue(labels.contains(PLATFORM), labels::toString);
        for (String label : labels) {
            assertFalse(label.contains(staff.id().value()) || label.contains("PLATEFORME"), label);
        }
    }

    @Test
    void staff_outside_the_group_get_403_and_a_requester_too() {
        String number = fileInTheQueue();
        Api specialist = Api.signIn(server.base, "specialiste-mep");

        JsonNode refused = specialist.post("/api/v1/requests/" + number + "/take", "").problem(403);
        assertTrue(refused.get("detail").asText().contains(PLATFORM), refused.toString());
        teacher.post("/api/v1/requests/" + number + "/take", "").problem(403);
        assertEquals("NEW", teacher.get("/api/v1/requests/" + number).json().get("status").asText());
    }

    @Test
    void a_stale_etag_is_412_ones_own_request_409_an_unknown_one_404_and_a_body_with_fields_400() {
        String number = fileInTheQueue();
        String take = "/api/v1/requests/" + number + "/take";

        agent.post(take, "", "If-Match", "\"7\"").problem(412);
        agent.post(take, Api.object("assignee", "agent1")).problem(400);
        assertEquals(200, agent.post(take, "{}").status());
        agent.post(take, "").problem(409);
        agent.post("/api/v1/requests/99999999/take", "").problem(404);
        agent.withoutCsrf().post(take, "").problem(403);
    }

    @Test
    void staff_list_every_group_with_its_members_to_choose_from() {
        JsonNode groups = agent.get("/api/v1/groups").json();

        JsonNode platform = null;
        for (JsonNode g : groups) {
            if (g.get("code").asText().equals("PLATEFORME")) {
                platform = g;
            }
        }
        assertTrue(platform != null, groups::toString);
        assertEquals(PLATFORM, platform.get("label").asText());
        List<String> members = platform.get("members").findValues("identifier").stream().map(JsonNode::asText)
                .toList();
        assertTrue(members.contains(staff.id().value()) && members.contains("agent1"), members::toString);
        assertEquals(List.of("identifier", "email", "displayName", "establishment", "roles", "groups"),
                RequestApiTest.fields(platform.get("members").get(0)));
        teacher.get("/api/v1/groups").problem(403);
        Api.anonymous(server.base).get("/api/v1/groups").problem(401);
    }

    private long mailsAbout(String number) throws SQLException {
        try (Connection c = server.injector.getInstance(DataSource.class).getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE request_number = ?")) {
            s.setLong(1, Long.parseLong(number));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
