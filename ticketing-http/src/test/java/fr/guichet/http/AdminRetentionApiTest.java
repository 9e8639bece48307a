package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retention of personal data over HTTP: a dry run or a run now, for administrators only, recorded when run. */
class AdminRetentionApiTest {

    private static final String RUN = "/api/v1/admin/retention/run";

    private final TestServer server = TestServer.shared();
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());

    @Test
    void a_dry_run_reports_what_would_change_and_the_first_school_year_kept() {
        Api.Reply reply = admin.post(RUN + "?dryRun=true", "");

        assertEquals(200, reply.status(), reply.body());
        JsonNode report = reply.json();
        assertTrue(report.get("dryRun").asBoolean());
        String kept = report.get("keptFrom").asText();
        assertTrue(kept.matches("[0-9]{4}-[0-9]{4}"), kept);
        assertEquals(kept.substring(0, 4) + "-09-01", report.get("closedBefore").asText());
        for (String count : List.of("requests", "files", "people", "outboxRows", "sessions", "passwordResets")) {
            assertTrue(report.get(count).asLong() >= 0, report::toString);
        }
    }

    @Test
    void a_run_is_recorded_in_the_audit_under_the_administrators_name() {
        Api.Reply reply = admin.post(RUN, "");

        assertEquals(200, reply.status(), reply.body());
        assertFalse(reply.json().get("dryRun").asBoolean());
        JsonNode entry = admin.get("/api/v1/admin/audit").json().get("items").get(0);
        assertEquals("retention.run", entry.get("action").asText(), entry::toString);
    }

    @Test
    void only_administrators_run_it_and_dry_run_is_true_or_false() {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        assertEquals(403, teacher.post(RUN + "?dryRun=true", "").status());
        assertTrue(admin.post(RUN + "?dryRun=oui", "").problem(400).get("errors").has("dryRun"));
    }
}
