package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestApiTest {

    private final TestServer server = TestServer.shared();

    private Api requester() {
        return Api.signIn(server.base, server.newRequester().id().value());
    }

    private Api agent() {
        return Api.signIn(server.base, server.newStaff().id().value());
    }

    private static JsonNode file(Api who, Object... overrides) {
        Api.Reply reply = who.post("/api/v1/requests", Api.filing(overrides));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void filing_answers_201_with_location_etag_and_the_request_as_the_server_set_it() {
        Api me = requester();
        Api.Reply reply = me.post("/api/v1/requests", Api.filing());
        assertEquals(201, reply.status());
        JsonNode r = reply.json();
        assertTrue(r.get("number").asText().matches("[0-9]{7}"), r.get("number").asText());
        assertEquals("/api/v1/requests/" + r.get("number").asText(), reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals("EVE-4.2", r.get("subject").get("code").asText());
        assertEquals("EVE – 4.2 – Mathenpoche", r.get("subject").get("display").asText());
        assertEquals("difficulté d'utilisation/installation", r.get("type").get("label").asText());
        assertEquals("perte d'identifiant", r.get("summary").asText());
        assertEquals("Je ne me souviens plus de mon mot de passe", r.get("description").asText());
        assertEquals("PRIVATE", r.get("visibility").asText());
        assertEquals("PLATEFORME", r.get("assignedGroup").asText());
        assertEquals("0941295X", r.get("establishment").asText());
        assertEquals(me.session.get("person").get("identifier"), r.get("requester").get("identifier"));
        assertEquals("Élise Ñúñez", r.get("requester").get("displayName").asText());
        assertEquals(1, r.get("version").asLong());
        assertEquals("2008-09-01T10:00:00+02:00", r.get("submittedAt").asText());
        assertEquals(List.of("number", "summary", "subject", "type", "status", "visibility", "submittedAt",
                "establishment", "establishmentName", "requester", "description", "assignedGroup",
                "assignedGroupLabel", "assignee", "assigneeName", "updatedAt", "version", "messages", "attachments",
                "history", "allowedStatuses", "parent", "children", "due"),
                fields(r));
        assertEquals("FILED", r.get("history").get(0).get("event").asText());
    }

    @Test
    void a_body_setting_server_owned_fields_is_refused() {
        Api me = requester();
        Map<String, Object> owned = Map.of("status", "CLOSED", "assignee", "agent1", "number", "0000001",
                "requester", "jdupont", "establishment", "0930122C", "submittedAt", "2001-01-01T00:00:00Z",
                "version", 7, "assignedGroup", "EVE");
        owned.forEach((field, value) -> {
            JsonNode problem = me.post("/api/v1/requests", Api.filing(field, value)).problem(400);
            assertTrue(problem.get("errors").has(field), problem.toString());
        });
        assertEquals(0, me.get("/api/v1/requests?scope=mine").json().get("total").asLong());
    }

    @Test
    void malformed_json_unknown_fields_and_wrong_types_are_400() {
        Api me = requester();
        me.post("/api/v1/requests", "{\"subject\": \"EVE-4.2\",").problem(400);
        me.post("/api/v1/requests", "not json at all").problem(400);
        me.post("/api/v1/requests", Api.filing() + " {}").problem(400);
        me.post("/api/v1/requests", "").problem(400);
        assertTrue(me.post("/api/v1/requests", Api.filing("priority", "HIGH")).problem(400).get("errors")
                .has("priority"));
        assertTrue(me.post("/api/v1/requests", Api.filing("summary", 42)).problem(400).get("errors")
                .has("summary"));
        me.post("/api/v1/requests", "{\"subject\":\"EVE-4.2\",\"subject\":\"MES-1.1\"}").problem(400);
        me.post("/api/v1/requests", Api.filing(), "Content-Type", "application/xml").problem(415);
    }

    @Test
    void each_invalid_field_is_named_with_a_french_message() {
        Api me = requester();
        JsonNode all = me.post("/api/v1/requests", Api.object("subject", "pas un code", "type", "",
                "summary", "x".repeat(121), "description", " ", "visibility", "SECRET")).problem(400);
        JsonNode errors = all.get("errors");
        for (String field : List.of("subject", "type", "summary", "description", "visibility")) {
            assertTrue(errors.has(field), errors.toString());
        }
        assertTrue(errors.get("summary").asText().contains("120"), errors.toString());
        assertTrue(me.post("/api/v1/requests", Api.filing("summary", "ligne\u0000nulle")).problem(400)
                .get("errors").has("summary"));
        assertTrue(me.post("/api/v1/requests", Api.filing("subject", "EVE-4")).problem(400).get("errors")
                .has("subject"));
        assertTrue(me.post("/api/v1/requests", Api.filing("type", "INCONNU")).problem(400).get("errors")
                .has("type"));
        JsonNode key = me.post("/api/v1/requests", Api.filing(), "Idempotency-Key", "k".repeat(65)).problem(400);
        assertTrue(key.get("errors").has("Idempotency-Key"), key.toString());
    }

    @Test
    void the_same_idempotency_key_returns_the_request_already_filed() {
        Api me = requester();
        String key = UUID.randomUUID().toString();
        Api.Reply first = me.post("/api/v1/requests", Api.filing(), "Idempotency-Key", key);
        Api.Reply again = me.post("/api/v1/requests", Api.filing(), "Idempotency-Key", key);
        assertEquals(201, first.status());
        assertEquals(200, again.status());
        assertEquals(first.json(), again.json());
        assertEquals(1, me.get("/api/v1/requests").json().get("total").asLong());
    }

    @Test
    void a_request_is_found_with_or_without_leading_zeros_with_its_etag() {
        Api me = requester();
        String number = file(me).get("number").asText();
        Api.Reply padded = me.get("/api/v1/requests/" + number);
        Api.Reply bare = me.get("/api/v1/requests/" + Long.parseLong(number));
        assertEquals(200, padded.status());
        assertEquals(padded.json(), bare.json());
        assertEquals("\"1\"", padded.header("ETag"));
        assertEquals("no-store", padded.header("Cache-Control"));
        me.get("/api/v1/requests/abc").problem(404);
        me.get("/api/v1/requests/99999999").problem(404);
        Api.anonymous(server.base).get("/api/v1/requests/" + number).problem(401);
    }

    @Test
    void another_requesters_private_request_is_not_found_but_a_public_one_is_readable() {
        Api owner = requester();
        Api other = requester();
        String hidden = file(owner).get("number").asText();
        String shown = file(owner, "visibility", "PUBLIC").get("number").asText();
        JsonNode problem = other.get("/api/v1/requests/" + hidden).problem(404);
        assertEquals("urn:guichet:problem:not-found", problem.get("type").asText());
        assertEquals(200, other.get("/api/v1/requests/" + shown).status());
        assertEquals(0, other.get("/api/v1/requests").json().get("total").asLong());
        other.post("/api/v1/requests/" + hidden + "/messages", Api.object("body", "coucou")).problem(404);
        other.post("/api/v1/requests/" + shown + "/messages", Api.object("body", "coucou")).problem(403);
    }

    @Test
    void a_request_says_which_statuses_its_viewer_may_move_it_to() {
        Api owner = requester();
        String number = file(owner, "visibility", "PUBLIC").get("number").asText();
        JsonNode staffView = agent().get("/api/v1/requests/" + number).json();
        assertEquals("[\"IN_PROGRESS\"]", staffView.get("allowedStatuses").toString());
        assertEquals("[]", owner.get("/api/v1/requests/" + number).json().get("allowedStatuses").toString());
        assertEquals("[]", requester().get("/api/v1/requests/" + number).json().get("allowedStatuses").toString());
    }

    @Test
    void my_requests_are_listed_newest_first_a_page_at_a_time() {
        Api me = requester();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(file(me, "summary", "demande " + i).get("number").asText());
        }
        JsonNode page = me.get("/api/v1/requests?scope=mine&schoolYear=2008-2009&page=1&size=2").json();
        assertEquals(3, page.get("total").asLong());
        assertTrue(page.get("totalExact").asBoolean());
        assertEquals(1, page.get("page").asInt());
        assertEquals(2, page.get("size").asInt());
        assertEquals(numbers.get(2), page.get("items").get(0).get("number").asText());
        assertEquals(List.of("number", "summary", "subject", "type", "status", "visibility", "submittedAt",
                "establishment", "establishmentName", "requester", "assignee", "updatedAt", "lastActivity",
                "awaitingStaff", "reopened", "late"),
                fields(page.get("items").get(0)));
        JsonNode second = me.get("/api/v1/requests?page=2&size=2").json();
        assertEquals(numbers.get(0), second.get("items").get(0).get("number").asText());
        assertEquals(0, me.get("/api/v1/requests?schoolYear=2007-2008").json().get("total").asLong());
        assertTrue(me.get("/api/v1/requests?schoolYear=2008").problem(400).get("errors").has("schoolYear"));
    }

    @Test
    void staff_list_their_queue_and_all_with_filters_and_requesters_may_not() {
        Api me = requester();
        String word = "mot" + UUID.randomUUID().toString().substring(0, 8);
        String number = file(me, "summary", "souci " + word).get("number").asText();
        Api agent = agent();
        JsonNode found = agent.get("/api/v1/requests?scope=all&q=" + word + "&status=NEW,ASSIGNED&sort=oldest"
                + "&subject=EVE-4&group=PLATEFORME").json();
        assertEquals(1, found.get("total").asLong(), found.toString());
        assertEquals(number, found.get("items").get(0).get("number").asText());
        assertEquals(0, agent.get("/api/v1/requests?scope=all&q=" + word + "&status=CLOSED").json()
                .get("total").asLong());
        JsonNode queue = agent.get("/api/v1/requests?q=" + word).json();
        assertEquals(1, queue.get("total").asLong(), "an agent of PLATEFORME sees it in the default queue");
        me.get("/api/v1/requests?scope=queue").problem(403);
        me.get("/api/v1/requests?scope=all").problem(403);
    }

    @Test
    void q_finds_a_request_by_its_number_without_zeros_or_by_words_without_their_accents() {
        Api me = requester();
        String word = "réseau" + UUID.randomUUID().toString().substring(0, 8);
        String number = file(me, "summary", "Le " + word + " de l'école").get("number").asText();
        Api agent = agent();
        String bare = Long.toString(Long.parseLong(number));
        assertEquals(number, agent.get("/api/v1/requests?scope=all&q=" + bare).json().get("items").get(0)
                .get("number").asText());
        String plain = URLEncoder.encode("ECOLE " + word.replace("é", "e").toUpperCase(), StandardCharsets.UTF_8);
        assertEquals(1, agent.get("/api/v1/requests?scope=all&q=" + plain).json().get("total").asLong());
        assertEquals(1, me.get("/api/v1/requests?scope=mine&q=" + plain).json().get("total").asLong());
        assertEquals(0, requester().get("/api/v1/requests?scope=mine&q=" + plain).json().get("total").asLong(),
                "another requester's search never reaches this request");
    }

    @Test
    void messages_are_posted_and_internal_notes_are_for_staff_only() {
        Api me = requester();
        String number = file(me).get("number").asText();
        Api agent = agent();
        Api.Reply answer = agent.post("/api/v1/requests/" + number + "/messages",
                Api.object("body", "Avez-vous essayé « mot de passe oublié » ?", "internal", false));
        assertEquals(201, answer.status(), answer.body());
        assertEquals("\"2\"", answer.header("ETag"));
        assertEquals(List.of("id", "author", "body", "internal", "at", "attachments"), fields(answer.json()));
        assertEquals(201, agent.post("/api/v1/requests/" + number + "/messages",
                Api.object("body", "note interne", "internal", true)).status());
        me.post("/api/v1/requests/" + number + "/messages", Api.object("body", "note", "internal", true))
                .problem(403);
        assertEquals(201, me.post("/api/v1/requests/" + number + "/messages",
                Api.object("body", "Merci, ça marche.")).status());
        JsonNode seen = me.get("/api/v1/requests/" + number).json();
        assertEquals(2, seen.get("messages").size());
        seen.get("messages").forEach(m -> assertFalse(m.get("internal").asBoolean()));
        assertEquals(3, agent.get("/api/v1/requests/" + number).json().get("messages").size());
        assertTrue(me.post("/api/v1/requests/" + number + "/messages", Api.object("body", ""))
                .problem(400).get("errors").has("body"));
        me.post("/api/v1/requests/" + number + "/messages", Api.object("body", "x", "author", "agent1"))
                .problem(400);
    }

    @Test
    void staff_redirect_and_a_requester_may_not() {
        Api me = requester();
        String number = file(me).get("number").asText();
        me.post("/api/v1/requests/" + number + "/redirect", Api.object("group", "EVE")).problem(403);
        Api agent = agent();
        Api.Reply moved = agent.post("/api/v1/requests/" + number + "/redirect",
                Api.object("group", "EVE", "assignee", "specialiste-mep", "comment", "pour le spécialiste"));
        assertEquals(200, moved.status(), moved.body());
        assertEquals("EVE", moved.json().get("assignedGroup").asText());
        assertEquals("specialiste-mep", moved.json().get("assignee").asText());
        assertTrue(agent.post("/api/v1/requests/" + number + "/redirect", Api.object("group", "INCONNU"))
                .problem(400).get("errors").has("group"));
        assertTrue(agent.post("/api/v1/requests/" + number + "/redirect", Api.object("group", "eve!"))
                .problem(400).get("errors").has("group"));
        assertTrue(agent.post("/api/v1/requests/" + number + "/redirect",
                Api.object("group", "EVE", "assignee", "mmontanes")).problem(400).get("errors").has("assignee"));
        agent.post("/api/v1/requests/" + number + "/redirect", Api.object("group", "EVE", "status", "NEW"))
                .problem(400);
    }

    @Test
    void status_moves_follow_the_lifecycle_and_an_illegal_one_is_409() {
        Api me = requester();
        String number = file(me).get("number").asText();
        Api agent = agent();
        String path = "/api/v1/requests/" + number + "/status";
        assertEquals("IN_PROGRESS", agent.post(path, Api.object("status", "IN_PROGRESS")).json().get("status")
                .asText());
        Api.Reply resolved = agent.post(path, Api.object("status", "RESOLVED", "comment", "C'est réglé."));
        assertEquals(200, resolved.status());
        assertEquals("RESOLVED", resolved.json().get("status").asText());
        me.post(path, Api.object("status", "CLOSED")).problem(403);
        JsonNode noReason = me.post(path, Api.object("status", "IN_PROGRESS", "comment", " ")).problem(400);
        assertEquals("request.reopen.reason_required", noReason.get("code").asText());
        assertTrue(noReason.get("errors").has("comment"), noReason.toString());
        assertEquals("IN_PROGRESS", me.post(path, Api.object("status", "IN_PROGRESS", "comment",
                "Le problème est revenu.")).json().get("status").asText());
        assertEquals(200, agent.post(path, Api.object("status", "RESOLVED")).status());
        assertEquals(200, agent.post(path, Api.object("status", "CLOSED")).status());
        JsonNode conflict = agent.post(path, Api.object("status", "IN_PROGRESS")).problem(409);
        assertEquals("request.transition.not_allowed", conflict.get("code").asText());
        assertTrue(agent.post(path, Api.object("status", "DONE")).problem(400).get("errors").has("status"));
        assertTrue(agent.post(path, Api.object("status", "resolved")).problem(400).get("errors").has("status"));
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        Api me = requester();
        String number = file(me).get("number").asText();
        Api agent = agent();
        String path = "/api/v1/requests/" + number;
        String etag = agent.get(path).header("ETag");
        Api.Reply ok = agent.post(path + "/messages", Api.object("body", "première réponse"), "If-Match", etag);
        assertEquals(201, ok.status());
        agent.post(path + "/messages", Api.object("body", "seconde"), "If-Match", etag).problem(412);
        agent.post(path + "/status", Api.object("status", "IN_PROGRESS"), "If-Match", etag).problem(412);
        agent.post(path + "/redirect", Api.object("group", "EVE"), "If-Match", etag).problem(412);
        agent.post(path + "/status", Api.object("status", "IN_PROGRESS"), "If-Match", "W/" + ok.header("ETag"))
                .problem(412);
        agent.post(path + "/status", Api.object("status", "IN_PROGRESS"), "If-Match", "n'importe quoi")
                .problem(412);
        JsonNode now = agent.get(path).json();
        assertEquals(2, now.get("version").asLong());
        assertEquals(1, now.get("messages").size());
        assertEquals(200, agent.post(path + "/status", Api.object("status", "IN_PROGRESS"), "If-Match",
                ok.header("ETag")).status());
    }

    @Test
    void the_catalog_is_the_active_tree_and_the_request_types() {
        Api me = requester();
        JsonNode subjects = me.get("/api/v1/subjects").json();
        JsonNode eve = subjects.get(0);
        assertEquals("EVE-4", eve.get("code").asText());
        assertEquals("Applications Disciplinaires", eve.get("label").asText());
        assertEquals("EVE – 4 – Applications Disciplinaires", eve.get("display").asText());
        assertEquals("EVE-4.2", eve.get("children").get(0).get("code").asText());
        assertEquals("EVE – 4.2 – Mathenpoche", eve.get("children").get(0).get("display").asText());
        assertEquals(0, eve.get("children").get(0).get("children").size());
        eve.get("children").forEach(c -> assertFalse(c.get("code").asText().equals("EVE-4.1")));
        JsonNode types = me.get("/api/v1/request-types").json();
        assertEquals("USAGE", types.get(0).get("code").asText());
        assertEquals("difficulté d'utilisation/installation", types.get(0).get("label").asText());
        Api.anonymous(server.base).get("/api/v1/subjects").problem(401);
        Api.anonymous(server.base).get("/api/v1/request-types").problem(401);
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
