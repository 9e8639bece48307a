package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Support groups administered over HTTP: list with members and etags, creation, renaming, members, If-Match. */
class AdminGroupsApiTest {

    private static final String GROUPS = "/api/v1/admin/groups";

    private final TestServer server = TestServer.shared();
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());
    private final String code = "G" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private JsonNode listed(String group) {
        for (JsonNode g : admin.get(GROUPS).json()) {
            if (g.get("code").asText().equals(group)) {
                return g;
            }
        }
        throw new AssertionError("not listed: " + group);
    }

    @Test
    void an_administrator_creates_a_group_renames_it_and_sets_its_members_by_identifier() {
        Api.Reply created = admin.post(GROUPS, Api.object("code", code, "label", "Équipe ENT"));
        assertEquals(201, created.status(), created.body());
        assertEquals("\"" + created.json().get("etag").asText() + "\"", created.header("ETag"));
        assertEquals(0, created.json().get("members").size());
        assertEquals(created.json().get("etag"), listed(code).get("etag"));

        Person one = server.newStaff();
        Person two = server.newStaff();
        Api.Reply changed = admin.patch(GROUPS + "/" + code, Api.object("label", "Équipe de l'ENT",
                "members", List.of(one.id().value(), two.id().value())), "If-Match", created.header("ETag"));

        assertEquals(200, changed.status(), changed.body());
        assertNotEquals(created.header("ETag"), changed.header("ETag"));
        JsonNode group = listed(code);
        assertEquals("Équipe de l'ENT", group.get("label").asText());
        assertEquals(2, group.get("members").size());
        assertEquals(one.name().display(), group.get("members").get(0).get("displayName").asText());
        JsonNode entry = admin.get("/api/v1/admin/audit?size=1").json().get("items").get(0);
        assertEquals("group.update", entry.get("action").asText());
        assertTrue(entry.get("after").get("members").asText().contains("(" + one.id().value() + ")"));
    }

    @Test
    void a_stale_if_match_is_412_and_a_faulty_field_400_on_that_field() {
        String tag = admin.post(GROUPS, Api.object("code", code, "label", "Groupe")).header("ETag");
        admin.patch(GROUPS + "/" + code, Api.object("label", "Renommé"), "If-Match", tag);

        JsonNode stale = admin.patch(GROUPS + "/" + code, Api.object("label", "Autre"), "If-Match", tag)
                .problem(412);
        assertEquals("admin.stale", stale.get("code").asText());
        assertTrue(admin.post(GROUPS, Api.object("code", "pas un code", "label", "x")).problem(400)
                .get("errors").has("code"));
        assertTrue(admin.post(GROUPS, Api.object("code", code, "label", "Doublon")).problem(400)
                .get("errors").has("code"));
        assertTrue(admin.patch(GROUPS + "/" + code, Api.object("members", List.of("personne-inconnue")))
                .problem(400).get("errors").has("members"));
        assertTrue(admin.patch(GROUPS + "/" + code, Api.object("members", "pas une liste")).problem(400)
                .get("errors").has("members"));
        admin.patch(GROUPS + "/NOPE" + code, Api.object("label", "x")).problem(404);
        assertEquals("Renommé", listed(code).get("label").asText());
    }

    @Test
    void teachers_and_agents_may_neither_read_nor_change_groups() {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());

        for (Api someone : List.of(teacher, agent)) {
            someone.get(GROUPS).problem(403);
            someone.post(GROUPS, Api.object("code", code, "label", "x")).problem(403);
            someone.patch(GROUPS + "/PLATEFORME", Api.object("label", "x")).problem(403);
        }
        assertTrue(admin.get(GROUPS).json().findValuesAsText("code").stream().noneMatch(code::equals));
    }
}
