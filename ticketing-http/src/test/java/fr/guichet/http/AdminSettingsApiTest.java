package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The settings an administrator reads and changes at run time, with ETag and If-Match, and their audit. */
class AdminSettingsApiTest {

    private static final String SETTINGS = "/api/v1/admin/settings";

    private final TestServer server = TestServer.shared();
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());

    /** Puts back the deployment's values, so that the other tests on the shared server see them. */
    @AfterEach
    void restoreTheSettings() {
        Api.Reply restored = admin.patch(SETTINGS, Api.object("reopenWindowDays", 15, "autoCloseWaitingDays", 15,
                "retentionSchoolYears", 2, "mailDomains", List.of("ac-creteil.fr")));
        assertEquals(200, restored.status(), restored.body());
    }

    private static int value(Api.Reply reply, String setting) {
        return reply.json().get(setting).get("value").asInt();
    }

    @Test
    void an_administrator_reads_each_setting_with_whether_it_is_read_only_and_an_etag() {
        Api.Reply reply = admin.get(SETTINGS);

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("ETag").matches("\"[0-9a-f]{16}\""), reply.header("ETag"));
        JsonNode settings = reply.json();
        assertEquals(15, value(reply, "reopenWindowDays"));
        assertEquals(15, value(reply, "autoCloseWaitingDays"));
        assertEquals(2, value(reply, "retentionSchoolYears"));
        assertEquals("[\"ac-creteil.fr\"]", settings.get("mailDomains").get("value").toString());
        settings.forEach(setting -> assertFalse(setting.get("readOnly").asBoolean(), settings::toString));
    }

    @Test
    void a_change_with_the_current_etag_is_made_and_one_with_a_stale_etag_is_refused() {
        String seen = admin.get(SETTINGS).header("ETag");

        Api.Reply changed = admin.patch(SETTINGS, Api.object("reopenWindowDays", 30,
                "mailDomains", List.of("AC-Paris.fr", "ac-creteil.fr")), "If-Match", seen);
        assertEquals(200, changed.status(), changed.body());
        assertNotEquals(seen, changed.header("ETag"));
        assertEquals(30, value(changed, "reopenWindowDays"));
        assertEquals("[\"ac-creteil.fr\",\"ac-paris.fr\"]", changed.json().get("mailDomains").get("value").toString());
        assertEquals(changed.header("ETag"), admin.get(SETTINGS).header("ETag"));

        JsonNode stale = admin.patch(SETTINGS, Api.object("reopenWindowDays", 40), "If-Match", seen).problem(412);
        assertEquals("admin.stale", stale.get("code").asText());
        assertEquals(30, value(admin.get(SETTINGS), "reopenWindowDays"));
    }

    @Test
    void an_invalid_value_is_refused_on_its_field_and_nothing_changes() {
        String seen = admin.get(SETTINGS).header("ETag");

        JsonNode refused = admin.patch(SETTINGS, Api.object("reopenWindowDays", 0, "retentionSchoolYears", 11,
                "mailDomains", List.of("pas un domaine"))).problem(400);
        JsonNode notANumber = admin.patch(SETTINGS, Api.object("autoCloseWaitingDays", "quinze")).problem(400);
        JsonNode notWhole = admin.patch(SETTINGS, "{\"reopenWindowDays\": 1.5}").problem(400);
        JsonNode none = admin.patch(SETTINGS, Api.object("mailDomains", List.of())).problem(400);

        Set<String> fields = new TreeSet<>();
        refused.get("errors").fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("mailDomains", "reopenWindowDays", "retentionSchoolYears"), fields);
        assertTrue(refused.get("errors").get("reopenWindowDays").asText().contains("entre 1 et 365"));
        assertTrue(notANumber.get("errors").has("autoCloseWaitingDays"), notANumber.toString());
        assertTrue(none.get("errors").has("mailDomains"), none.toString());
        assertTrue(notWhole.get("errors").has("reopenWindowDays"), notWhole.toString());
        assertEquals(seen, admin.get(SETTINGS).header("ETag"));
    }

    @Test
    void teachers_agents_and_callers_without_session_may_neither_read_nor_change_the_settings() {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        String seen = admin.get(SETTINGS).header("ETag");

        for (Api someone : List.of(teacher, agent)) {
            assertEquals("admin.only", someone.get(SETTINGS).problem(403).get("code").asText());
            assertEquals("admin.only", someone.patch(SETTINGS, Api.object("reopenWindowDays", 99)).problem(403)
                    .get("code").asText());
        }
        Api.anonymous(server.base).get(SETTINGS).problem(401);
        Api.anonymous(server.base).patch(SETTINGS, Api.object("reopenWindowDays", 99)).problem(401);
        assertEquals(seen, admin.get(SETTINGS).header("ETag"));
    }

    @Test
    void a_change_without_the_csrf_token_is_refused() {
        String seen = admin.get(SETTINGS).header("ETag");

        admin.withoutCsrf().patch(SETTINGS, Api.object("reopenWindowDays", 99)).problem(403);

        assertEquals(seen, admin.get(SETTINGS).header("ETag"));
    }

    @Test
    void the_audit_shows_the_change_first_with_its_values_before_and_after() {
        admin.patch(SETTINGS, Api.object("reopenWindowDays", 15));
        assertEquals(200, admin.patch(SETTINGS, Api.object("reopenWindowDays", 21, "retentionSchoolYears", 3))
                .status());

        JsonNode entry = admin.get("/api/v1/admin/audit?size=5").json().get("items").get(0);

        assertEquals("settings.update", entry.get("action").asText());
        assertEquals(admin.session.get("person").get("identifier").asText(),
                entry.get("by").get("identifier").asText());
        assertEquals("settings", entry.get("target").get("kind").asText());
        assertEquals("Paramètres", entry.get("target").get("label").asText());
        assertEquals("15 jours", entry.get("before").get("reopenWindowDays").asText());
        assertEquals("21 jours", entry.get("after").get("reopenWindowDays").asText());
        assertEquals("2 années scolaires", entry.get("before").get("retentionSchoolYears").asText());
        assertEquals("3 années scolaires", entry.get("after").get("retentionSchoolYears").asText());
    }
}
