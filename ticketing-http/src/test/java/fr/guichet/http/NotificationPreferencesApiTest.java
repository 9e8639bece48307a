package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import org.junit.jupiter.api.Test;

/** A staff member reads and replaces what they are mailed over HTTP; requesters may not. */
class NotificationPreferencesApiTest {

    private static final String PATH = "/api/v1/me/notifications";

    private final TestServer server = TestServer.shared();
    private final Person teacher = server.newRequester();
    private final Api agent = Api.signIn(server.base, server.newStaff().id().value());

    @Test
    void staff_read_the_default_and_replace_it_whole() {
        JsonNode initial = agent.get(PATH).json();
        assertEquals("EACH", initial.get("newInGroups").asText());
        assertEquals("EACH", initial.get("assignedToMe").asText());
        assertEquals(8, initial.get("digestHour").asInt());
        assertEquals("Europe/Paris", initial.get("timeZone").asText());

        Api.Reply chosen = agent.put(PATH, Api.object("newInGroups", "DIGEST", "assignedToMe", "EACH",
                "digestHour", 17));

        assertEquals(200, chosen.status(), chosen.body());
        assertEquals("DIGEST", chosen.json().get("newInGroups").asText());
        assertEquals(17, agent.get(PATH).json().get("digestHour").asInt());
    }

    @Test
    void a_faulty_choice_is_refused_on_its_field_and_changes_nothing() {
        JsonNode refused = agent.put(PATH, Api.object("newInGroups", "EACH", "assignedToMe", "NONE",
                "digestHour", 8)).problem(400);
        assertEquals(1, refused.get("errors").size());
        assertEquals(true, refused.get("errors").has("assignedToMe"));
        agent.put(PATH, Api.object("newInGroups", "EACH", "assignedToMe", "EACH", "digestHour", 25)).problem(400);
        agent.put(PATH, Api.object("newInGroups", "EACH", "assignedToMe", "EACH")).problem(400);
        agent.put(PATH, Api.object("newInGroups", "EACH", "assignedToMe", "EACH", "digestHour", 8, "extra", 1))
                .problem(400);
        assertEquals("EACH", agent.get(PATH).json().get("assignedToMe").asText());
    }

    @Test
    void requesters_have_no_notification_choices_and_a_cookie_call_needs_its_csrf_token() {
        Api requester = Api.signIn(server.base, teacher.id().value());
        requester.get(PATH).problem(403);
        requester.put(PATH, Api.object("newInGroups", "EACH", "assignedToMe", "EACH", "digestHour", 8))
                .problem(403);
        agent.withoutCsrf().put(PATH, Api.object("newInGroups", "NONE", "assignedToMe", "EACH", "digestHour", 8))
                .problem(403);
        Api.anonymous(server.base).get(PATH).problem(401);
    }
}
