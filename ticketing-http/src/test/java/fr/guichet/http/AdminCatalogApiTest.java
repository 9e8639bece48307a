package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The catalog administered over HTTP: the whole tree and the request types with an etag per item, creations and
 * changes with If-Match, seen at once by the public catalog and by filing. Each test works in a root of its own, so
 * that the shared server's other tests keep the seed's catalog.
 */
class AdminCatalogApiTest {

    private static final String SUBJECTS = "/api/v1/admin/subjects";
    private static final String TYPES = "/api/v1/admin/request-types";

    private final TestServer server = TestServer.shared();
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());
    private final String prefix = "Z" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String root = prefix + "-1";

    private JsonNode addRoot() {
        Api.Reply created = admin.post(SUBJECTS, Api.object("code", root, "label", "Racine de test",
                "group", "PLATEFORME", "routing", "GROUP_QUEUE"));
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static JsonNode find(JsonNode nodes, String code) {
        List<JsonNode> all = new ArrayList<>();
        nodes.forEach(all::add);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).get("code").asText().equals(code)) {
                return all.get(i);
            }
            all.get(i).path("children").forEach(all::add);
        }
        return null;
    }

    @Test
    void the_whole_tree_shows_inactive_subjects_what_each_inherits_and_an_etag_per_node() {
        JsonNode tree = admin.get(SUBJECTS).json();

        JsonNode sesamath = find(tree, "EVE-4.1");
        assertFalse(sesamath.get("active").asBoolean());
        assertFalse(sesamath.get("offered").asBoolean());
        JsonNode mathenpoche = find(tree, "EVE-4.2");
        assertTrue(mathenpoche.get("group").isNull());
        assertEquals("PLATEFORME", mathenpoche.get("effectiveGroup").get("code").asText());
        assertTrue(mathenpoche.get("routing").isNull());
        assertEquals("FEWEST_OPEN", mathenpoche.get("effectiveRouting").asText());
        assertEquals("specialiste-mep", mathenpoche.get("specialists").get(0).get("identifier").asText());
        assertTrue(mathenpoche.get("etag").asText().matches("[0-9a-f]{16}"));
        assertEquals("GROUP_QUEUE", find(tree, "RES-5").get("routing").asText());
    }

    @Test
    void targets_set_on_a_subject_are_inherited_by_its_children_and_make_a_new_request_due() {
        addRoot();
        admin.post(SUBJECTS, Api.object("parent", root, "label", "Feuille"));
        Api.Reply set = admin.patch(SUBJECTS + "/" + root, Api.object("firstAnswerHours", 4, "resolutionHours", 40));
        assertEquals(200, set.status(), set.body());
        assertEquals(4, set.json().get("firstAnswerHours").asInt());
        JsonNode leaf = find(admin.get(SUBJECTS).json(), root + ".1");
        assertTrue(leaf.get("firstAnswerHours").isNull());
        assertEquals(40, leaf.get("effectiveResolutionHours").asInt());
        assertEquals("firstAnswerHours", admin.patch(SUBJECTS + "/" + root, Api.object("firstAnswerHours", "vite"))
                .problem(400).get("errors").fieldNames().next());
        assertEquals(400, admin.patch(SUBJECTS + "/" + root, Api.object("resolutionHours", 0)).status());

        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        JsonNode due = teacher.post("/api/v1/requests", Api.filing("subject", root + ".1")).json().get("due");
        assertFalse(due.get("breached").asBoolean());
        assertTrue(OffsetDateTime.parse(due.get("firstAnswerBy").asText())
                .isBefore(OffsetDateTime.parse(due.get("resolutionBy").asText())));
        JsonNode line = teacher.get("/api/v1/requests?scope=mine").json().get("items").get(0);
        assertFalse(line.get("late").asBoolean());

        admin.patch(SUBJECTS + "/" + root, Api.object("firstAnswerHours", null, "resolutionHours", null));
        assertTrue(teacher.post("/api/v1/requests", Api.filing("subject", root + ".1")).json().get("due").isNull());
    }

    @Test
    void a_subject_added_under_a_parent_is_offered_at_once_and_a_teacher_files_under_it() {
        addRoot();
        Person specialist = server.newStaff();
        Api.Reply child = admin.post(SUBJECTS, Api.object("parent", root, "label", "LaboMEP",
                "specialists", List.of(specialist.id().value()), "routing", "FEWEST_OPEN"));
        assertEquals(201, child.status(), child.body());
        assertEquals(root + ".1", child.json().get("code").asText());
        assertEquals("\"" + child.json().get("etag").asText() + "\"", child.header("ETag"));
        assertEquals(specialist.name().display(), child.json().get("specialists").get(0).get("displayName").asText());

        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        JsonNode offered = find(teacher.get("/api/v1/subjects").json(), root + ".1");
        assertEquals(prefix + " – 1.1 – LaboMEP", offered.get("display").asText());
        Api.Reply filed = teacher.post("/api/v1/requests", Api.filing("subject", root + ".1"));
        assertEquals(201, filed.status(), filed.body());
        assertEquals("ASSIGNED", filed.json().get("status").asText());
    }

    @Test
    void a_change_with_the_nodes_etag_is_made_a_stale_one_is_412_and_a_deactivated_subject_is_no_longer_offered() {
        addRoot();
        JsonNode first = admin.post(SUBJECTS, Api.object("parent", root, "label", "Premier")).json();
        admin.post(SUBJECTS, Api.object("parent", root, "label", "Second"));
        String tag = "\"" + find(admin.get(SUBJECTS).json(), root + ".1").get("etag").asText() + "\"";

        Api.Reply moved = admin.patch(SUBJECTS + "/" + root + ".1", Api.object("position", 2, "label", "Dernier",
                "group", "EVE", "routing", null), "If-Match", tag);
        assertEquals(200, moved.status(), moved.body());
        assertNotEquals(tag, moved.header("ETag"));
        assertEquals(2, moved.json().get("position").asInt());
        assertEquals("EVE", moved.json().get("group").get("code").asText());
        assertEquals("GROUP_QUEUE", moved.json().get("effectiveRouting").asText());
        assertEquals("admin.stale", admin.patch(SUBJECTS + "/" + root + ".1", Api.object("label", "x"),
                "If-Match", tag).problem(412).get("code").asText());

        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        JsonNode children = find(teacher.get("/api/v1/subjects").json(), root).get("children");
        assertEquals(List.of(root + ".2", root + ".1"), children.findValuesAsText("code"));
        admin.patch(SUBJECTS + "/" + first.get("code").asText(), Api.object("active", false));
        assertEquals(List.of(root + ".2"), find(teacher.get("/api/v1/subjects").json(), root).get("children")
                .findValuesAsText("code"));
        assertEquals("subject.inactive", teacher.post("/api/v1/requests", Api.filing("subject", root + ".1"))
                .problem(400).get("code").asText());
    }

    @Test
    void a_faulty_field_is_400_on_that_field_and_an_unknown_subject_404() {
        addRoot();

        assertTrue(admin.post(SUBJECTS, Api.object("parent", root, "label", "x", "routing", "AU_HASARD"))
                .problem(400).get("errors").has("routing"));
        assertTrue(admin.post(SUBJECTS, Api.object("parent", root, "label", "x", "group", "INCONNU"))
                .problem(400).get("errors").has("group"));
        assertTrue(admin.post(SUBJECTS, Api.object("parent", root, "label", "x", "code", "EVE-4.9"))
                .problem(400).get("errors").has("code"));
        assertTrue(admin.post(SUBJECTS, Api.object("parent", root, "label", ""))
                .problem(400).get("errors").has("label"));
        assertTrue(admin.patch(SUBJECTS + "/" + root, Api.object("group", 42)).problem(400)
                .get("errors").has("group"));
        assertTrue(admin.patch(SUBJECTS + "/" + root, Api.object("position", 0)).problem(400)
                .get("errors").has("position"));
        assertTrue(admin.patch(SUBJECTS + "/" + root, Api.object("specialists", List.of("personne-inconnue")))
                .problem(400).get("errors").has("specialists"));
        admin.patch(SUBJECTS + "/" + prefix + "-9", Api.object("label", "x")).problem(404);
        assertEquals(0, find(admin.get(SUBJECTS).json(), root).get("children").size());
    }

    @Test
    void request_types_are_added_changed_with_if_match_and_a_deactivated_one_is_no_longer_offered() {
        String code = prefix.replace('-', '_');
        Api.Reply added = admin.post(TYPES, Api.object("code", code, "label", "demande de formation"));
        assertEquals(201, added.status(), added.body());
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        assertTrue(teacher.get("/api/v1/request-types").json().findValuesAsText("code").contains(code));

        Api.Reply changed = admin.patch(TYPES + "/" + code, Api.object("active", false, "label", "formation"),
                "If-Match", added.header("ETag"));
        assertEquals(200, changed.status(), changed.body());
        assertFalse(teacher.get("/api/v1/request-types").json().findValuesAsText("code").contains(code));
        JsonNode listed = find(admin.get(TYPES).json(), code);
        assertFalse(listed.get("active").asBoolean());
        assertEquals("formation", listed.get("label").asText());
        admin.patch(TYPES + "/" + code, Api.object("label", "x"), "If-Match", added.header("ETag")).problem(412);
        assertTrue(admin.post(TYPES, Api.object("code", code, "label", "x")).problem(400).get("errors").has("code"));
        assertEquals("request_type.inactive", teacher.post("/api/v1/requests", Api.filing("type", code))
                .problem(400).get("code").asText());
    }

    @Test
    void teachers_and_agents_may_neither_read_nor_change_the_catalog() {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());

        for (Api someone : List.of(teacher, agent)) {
            someone.get(SUBJECTS).problem(403);
            someone.post(SUBJECTS, Api.object("code", root, "label", "x", "group", "PLATEFORME")).problem(403);
            someone.patch(SUBJECTS + "/EVE-4.2", Api.object("label", "x")).problem(403);
            someone.get(TYPES).problem(403);
            someone.post(TYPES, Api.object("code", "NOUVEAU", "label", "x")).problem(403);
            someone.patch(TYPES + "/USAGE", Api.object("label", "x")).problem(403);
        }
        assertEquals(null, find(admin.get(SUBJECTS).json(), root));
    }
}
