package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Version 1.1's canned answers: read by staff, written by the group's staff and administrators. */
class CannedAnswersApiTest {

    private static final String ANSWERS = "/api/v1/canned-answers";

    private final TestServer server = TestServer.shared();
    private final Api agent = Api.signIn(server.base, server.newStaff().id().value());
    private final Api specialist = Api.signIn(server.base, "specialiste-mep");
    private final Api teacher = Api.signIn(server.base, server.newRequester().id().value());
    private final String title = "Mot de passe " + UUID.randomUUID();

    private JsonNode added(Api as, String group) {
        Api.Reply reply = as.post(ANSWERS, Api.object("group", group, "title", title,
                "body", "Bonjour {demandeur},\nvotre demande {numero} : voici la procédure."));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> titles(Api.Reply list) {
        assertEquals(200, list.status(), list.body());
        return StreamSupport.stream(list.json().spliterator(), false).map(a -> a.get("title").asText()).toList();
    }

    @Test
    void staff_of_the_group_add_read_change_and_remove_an_answer_with_its_etag() {
        Api.Reply created = agent.post(ANSWERS, Api.object("group", "PLATEFORME", "title", title, "body", "Texte"));
        assertEquals(201, created.status(), created.body());
        assertEquals("\"1\"", created.header("ETag"));
        JsonNode answer = created.json();
        String path = ANSWERS + "/" + answer.get("id").asText();
        assertEquals(path, created.header("Location"));
        assertEquals("PLATEFORME", answer.get("group").asText());
        assertEquals("Texte", answer.get("body").asText());
        assertFalse(answer.has("filled"));
        assertTrue(titles(agent.get(ANSWERS + "?group=PLATEFORME")).contains(title));
        assertEquals("\"1\"", agent.get(path).header("ETag"));

        Api.Reply changed = agent.put(path, Api.object("title", title, "body", "Nouveau texte"), "If-Match", "\"1\"");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("\"2\"", changed.header("ETag"));
        assertEquals("Nouveau texte", changed.json().get("body").asText());
        assertEquals(2, changed.json().get("version").asLong());

        agent.put(path, Api.object("title", title, "body", "Périmé"), "If-Match", "\"1\"").problem(412);
        agent.delete(path, "If-Match", "\"1\"").problem(412);
        assertEquals("Nouveau texte", agent.get(path).json().get("body").asText());

        assertEquals(204, agent.delete(path, "If-Match", "\"2\"").status());
        agent.get(path).problem(404);
        assertFalse(titles(agent.get(ANSWERS + "?group=PLATEFORME")).contains(title));
    }

    @Test
    void staff_of_another_group_read_the_answers_but_may_not_write_them() {
        String path = ANSWERS + "/" + added(agent, "PLATEFORME").get("id").asText();
        specialist.post(ANSWERS, Api.object("group", "PLATEFORME", "title", "Intrus", "body", "Texte"))
                .problem(403);
        specialist.put(path, Api.object("title", "Intrus", "body", "Texte")).problem(403);
        specialist.delete(path).problem(403);
        assertTrue(titles(specialist.get(ANSWERS + "?group=PLATEFORME")).contains(title));
        assertEquals("Bonjour {demandeur},\nvotre demande {numero} : voici la procédure.",
                agent.get(path).json().get("body").asText());
    }

    @Test
    void requesters_may_neither_read_nor_write_answers() {
        String path = ANSWERS + "/" + added(agent, "PLATEFORME").get("id").asText();
        teacher.get(ANSWERS + "?group=PLATEFORME").problem(403);
        teacher.get(path).problem(403);
        teacher.post(ANSWERS, Api.object("group", "PLATEFORME", "title", "Élève", "body", "Texte")).problem(403);
        teacher.put(path, Api.object("title", "Élève", "body", "Texte")).problem(403);
        teacher.delete(path).problem(403);
    }

    @Test
    void an_administrator_writes_the_answers_of_any_group() {
        Api admin = Api.signIn(server.base, server.newAdmin().id().value());
        String path = ANSWERS + "/" + added(admin, "EVE").get("id").asText();
        assertEquals(200, admin.put(path, Api.object("title", title, "body", "Autre")).status());
        assertTrue(titles(agent.get(ANSWERS + "?group=EVE")).contains(title));
        assertEquals(204, admin.delete(path).status());
    }

    @Test
    void an_unknown_answer_is_not_found() {
        String unknown = ANSWERS + "/" + UUID.randomUUID();
        agent.get(unknown).problem(404);
        agent.put(unknown, Api.object("title", "Titre", "body", "Texte")).problem(404);
        agent.delete(unknown).problem(404);
        agent.get(ANSWERS + "/pas-un-identifiant").problem(404);
    }

    @Test
    void faulty_fields_are_refused_together_and_nothing_is_stored() {
        JsonNode problem = agent.post(ANSWERS, Api.object("group", "PLATEFORME", "title", title + "\u0007",
                "body", " ")).problem(400);
        assertEquals(List.of("body", "title"), fields(problem));
        assertFalse(titles(agent.get(ANSWERS + "?group=PLATEFORME")).stream().anyMatch(t -> t.startsWith(title)));

        String path = ANSWERS + "/" + added(agent, "PLATEFORME").get("id").asText();
        assertEquals(List.of("title"), fields(agent.put(path, Api.object("title", "x".repeat(101), "body", "Texte"))
                .problem(400)));
        assertEquals(List.of("group"), fields(agent.post(ANSWERS, Api.object("group", "INCONNU", "title", "Titre",
                "body", "Texte")).problem(400)));
        assertEquals(List.of("group"), fields(agent.get(ANSWERS).problem(400)));
        assertEquals(List.of("request"), fields(agent.get(ANSWERS + "?group=PLATEFORME&request=abc").problem(400)));
        agent.put(path, Api.object("title", "Titre", "body", "Texte", "group", "EVE")).problem(400);
        assertEquals(1, agent.get(path).json().get("version").asLong());
    }

    @Test
    void a_write_with_the_session_cookie_needs_the_csrf_token() {
        agent.withoutCsrf().post(ANSWERS, Api.object("group", "PLATEFORME", "title", title, "body", "Texte"))
                .problem(403);
        assertFalse(titles(agent.get(ANSWERS + "?group=PLATEFORME")).contains(title));
    }

    @Test
    void answers_asked_for_a_request_come_filled_with_its_requester_and_number() {
        added(agent, "PLATEFORME");
        Api.Reply filed = teacher.post("/api/v1/requests", Api.filing("subject", "RES-5.3"));
        assertEquals(201, filed.status(), filed.body());
        String number = filed.json().get("number").asText();

        Api.Reply list = agent.get(ANSWERS + "?group=PLATEFORME&request=" + Long.parseLong(number));

        JsonNode mine = StreamSupport.stream(list.json().spliterator(), false)
                .filter(a -> a.get("title").asText().equals(title)).findFirst().orElseThrow();
        assertEquals("Bonjour Élise Ñúñez,\nvotre demande " + number + " : voici la procédure.",
                mine.get("filled").asText());
        assertEquals("Bonjour {demandeur},\nvotre demande {numero} : voici la procédure.", mine.get("body").asText());
        agent.get(ANSWERS + "?group=PLATEFORME&request=9999999").problem(404);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> names = new java.util.ArrayList<>();
        problem.get("errors").fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
