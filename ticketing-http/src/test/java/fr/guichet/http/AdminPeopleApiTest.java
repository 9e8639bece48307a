package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** People's administration over HTTP: search, creation, change with If-Match, deactivation and the CSV import. */
class AdminPeopleApiTest {

    private static final String PEOPLE = "/api/v1/admin/people";

    private final TestServer server = TestServer.shared();
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());

    /** Lower-case letters no other test uses. */
    private static String unique() {
        StringBuilder out = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            out.append((char) ('a' + Character.digit(c, 16)));
        }
        return out.toString();
    }

    private Api.Reply importCsv(Api caller, String csv) {
        return caller.post(PEOPLE + "/import", HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8),
                "text/csv; charset=utf-8");
    }

    @Test
    void an_administrator_removed_on_another_node_cannot_act_on_this_one_though_their_session_is_cached_here() {
        Person removed = server.newAdmin();
        Person teacher = server.newRequester();
        Api here = Api.signIn(server.base, removed.id().value());
        assertEquals(200, here.get(PEOPLE + "/" + teacher.id().value()).status());
        try (TestServer.Node elsewhere = server.elsewhere()) {
            Api other = Api.signIn(elsewhere.base(), server.newAdmin().id().value());
            Api.Reply demoted = other.patch(PEOPLE + "/" + removed.id().value(), Api.object("roles",
                    List.of("AGENT")));
            assertEquals(200, demoted.status(), demoted.body());
        }

        JsonNode refused = here.patch(PEOPLE + "/" + teacher.id().value(), Api.object("givenName", "Paul"))
                .problem(403);
        assertEquals("person.admin.removed", refused.get("code").asText());
        assertEquals(teacher.name().given(), admin.get(PEOPLE + "/" + teacher.id().value()).json().get("givenName")
                .asText());
    }

    @Test
    void an_administrator_creates_finds_reads_and_changes_a_person_with_etags() {
        String name = unique();
        Api.Reply created = admin.post(PEOPLE, Api.object("identifier", name, "email", name + "@ac-creteil.fr",
                "givenName", "Hélène", "familyName", "Zèbre" + name, "establishment", "0941295x",
                "roles", List.of("AGENT"), "groups", List.of("PLATEFORME")));

        assertEquals(201, created.status(), created.body());
        assertEquals(PEOPLE + "/" + name, created.header("Location"));
        String etag = created.header("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{16}\""), etag);
        assertEquals("0941295X", created.json().get("establishment").asText());
        assertEquals("[\"AGENT\"]", created.json().get("roles").toString());

        JsonNode found = admin.get(PEOPLE + "?q=HELENE+zebre" + name + "&page=1&size=5").json();
        assertEquals(1, found.get("total").asInt());
        assertEquals(name, found.get("items").get(0).get("identifier").asText());

        Api.Reply read = admin.get(PEOPLE + "/" + name);
        assertEquals(200, read.status(), read.body());
        assertEquals(etag, read.header("ETag"));
        assertEquals(0, read.json().get("readOnly").size());

        Api.Reply changed = admin.patch(PEOPLE + "/" + name, Api.object("roles", List.of("AGENT", "SPECIALIST"),
                "groups", List.of("EVE")), "If-Match", etag);
        assertEquals(200, changed.status(), changed.body());
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals("[\"EVE\"]", changed.json().get("groups").toString());
        assertEquals("Hélène", changed.json().get("givenName").asText(), "a field left out is unchanged");

        JsonNode stale = admin.patch(PEOPLE + "/" + name, Api.object("givenName", "Léa"), "If-Match", etag)
                .problem(412);
        assertEquals("admin.stale", stale.get("code").asText());
        JsonNode bad = admin.patch(PEOPLE + "/" + name, Api.object("establishment", "1234567A")).problem(400);
        assertTrue(bad.get("errors").has("establishment"), bad.toString());
        JsonNode taken = admin.post(PEOPLE, Api.object("identifier", name, "email", name + "@ac-creteil.fr",
                "givenName", "A", "familyName", "B")).problem(400);
        assertTrue(taken.get("errors").get("identifier").asText().contains("déjà"), taken.toString());
        JsonNode outside = admin.post(PEOPLE, Api.object("identifier", name + "x", "email", "x@gmail.com",
                "givenName", "A", "familyName", "B")).problem(400);
        assertTrue(outside.get("errors").has("email"), outside.toString());
        admin.get(PEOPLE + "/personne-" + name).problem(404);

        JsonNode audit = admin.get("/api/v1/admin/audit?size=5").json().get("items");
        assertEquals("person.update", audit.get(0).get("action").asText());
        assertEquals(name, audit.get(0).get("target").get("key").asText());
    }

    @Test
    void teachers_and_agents_are_refused_every_people_route() {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        for (Api caller : List.of(teacher, agent)) {
            caller.get(PEOPLE).problem(403);
            caller.get(PEOPLE + "/mmontanes").problem(403);
            caller.post(PEOPLE, Api.object("identifier", "x")).problem(403);
            caller.patch(PEOPLE + "/mmontanes", Api.object("active", false)).problem(403);
            importCsv(caller, "identifier;email\n").problem(403);
        }
    }

    @Test
    void deactivating_ends_the_session_at_once_and_the_open_requests_wait_unassigned_in_their_group() {
        Person staff = server.newStaff();
        Api agent = Api.signIn(server.base, staff.id().value());
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        String number = teacher.fileInTheQueue().get("number").asText();
        assertEquals(200, agent.post("/api/v1/requests/" + number + "/take", "").status());
        assertEquals(200, agent.get("/api/v1/me").status());

        Api.Reply off = admin.patch(PEOPLE + "/" + staff.id().value(), Api.object("active", false));

        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().get("active").asBoolean());
        agent.get("/api/v1/me").problem(401);
        JsonNode request = admin.get("/api/v1/requests/" + number).json();
        assertTrue(request.get("assignee").isNull(), request.toString());
        assertEquals("PLATEFORME", request.get("assignedGroup").asText());
        assertEquals("NEW", request.get("status").asText());
        assertEquals("person.deactivate", admin.get("/api/v1/admin/audit?size=1").json().get("items").get(0)
                .get("action").asText());

        Api.Reply on = admin.patch(PEOPLE + "/" + staff.id().value(), Api.object("active", true));
        assertTrue(on.json().get("active").asBoolean());
        assertEquals(200, Api.signIn(server.base, staff.id().value()).get("/api/v1/me").status());
    }

    @Test
    void an_import_reports_each_line_and_keeps_formula_cells_as_data() {
        String name = unique();
        String csv = "\uFEFFidentifier,email,givenName,familyName,establishment,roles,groups\n"
                + name + "a," + name + "a@ac-creteil.fr,Anne,Durand,0941295X,Agent|Administrateur,PLATEFORME\n"
                + name + "b," + name + "b@gmail.com,Bob,Martin,,,\n"
                + name + "c," + name + "c@ac-creteil.fr,\"=HYPERLINK(\"\"http://x\"\")\",\"@SUM(A1)\",,,\n"
                + "\n"
                + name + "d," + name + "d@ac-creteil.fr,Dora,Petit,12,Chef,NULLE-PART\n";

        Api.Reply reply = importCsv(admin, csv);

        assertEquals(200, reply.status(), reply.body());
        JsonNode report = reply.json();
        assertEquals(2, report.get("created").asInt(), report.toString());
        assertEquals(2, report.get("refused").asInt(), report.toString());
        JsonNode lines = report.get("lines");
        assertEquals("CREATED", lines.get(0).get("outcome").asText());
        assertEquals(2, lines.get(0).get("line").asInt());
        assertEquals("REFUSED", lines.get(1).get("outcome").asText());
        assertEquals("email", lines.get(1).get("errors").get(0).get("field").asText());
        assertEquals("CREATED", lines.get(2).get("outcome").asText());
        assertEquals(6, lines.get(3).get("line").asInt());
        assertEquals(3, lines.get(3).get("errors").size(), lines.get(3).toString());
        JsonNode formula = admin.get(PEOPLE + "/" + name + "c").json();
        assertEquals("=HYPERLINK(\"http://x\")", formula.get("givenName").asText());
        assertEquals("@SUM(A1)", formula.get("familyName").asText());
        assertEquals("[\"ADMIN\",\"AGENT\"]", admin.get(PEOPLE + "/" + name + "a").json().get("roles").toString());

        Api.Reply again = importCsv(admin, "identifier;email;givenName;familyName;establishment;roles;groups\n"
                + name + "a;" + name + "a@ac-creteil.fr;Anne;Durand;0941295X;Agent Administrateur;PLATEFORME\n");
        assertEquals("UNCHANGED", again.json().get("lines").get(0).get("outcome").asText(), again.body());
    }

    @Test
    void an_import_refuses_a_file_it_cannot_read_before_changing_anything() {
        JsonNode header = importCsv(admin, "identifier;email\nx;y\n").problem(400);
        assertTrue(header.get("errors").get("file").asText().contains("givenName"), header.toString());
        admin.post(PEOPLE + "/import", HttpRequest.BodyPublishers.ofString("identifier"), "application/json")
                .problem(415);
        byte[] latin1 = "identifier;email;givenName;familyName;establishment;roles;groups\nx;x@ac-creteil.fr;Zoé;A;;;\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        admin.post(PEOPLE + "/import", HttpRequest.BodyPublishers.ofByteArray(latin1), "text/csv").problem(400);
        byte[] huge = new byte[(int) AdminPeopleEndpoints.MAX_CSV_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        // Sent without a length, the body is read up to the limit before the refusal: a body refused from its
        // Content-Length alone leaves bytes unread, and HTTP/1.1 may then close before the client reads the 413.
        JsonNode tooLarge = admin.post(PEOPLE + "/import",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), "text/csv")
                .problem(413);
        assertTrue(tooLarge.get("detail").asText().contains("taille"), tooLarge.toString());
    }

    @Test
    void an_import_past_ten_thousand_lines_is_refused_on_the_file_before_changing_anything() {
        String name = unique();
        StringBuilder csv = new StringBuilder("identifier;email;givenName;familyName;establishment;roles;groups\n");
        for (int i = 0; i <= 10_000; i++) {
            csv.append(name).append(i).append(';').append(name).append(i).append("@ac-creteil.fr;A;B;;;\n");
        }

        JsonNode tooMany = importCsv(admin, csv.toString()).problem(400);

        assertTrue(tooMany.get("errors").get("file").asText().contains("10000"), tooMany.toString());
        assertEquals(404, admin.get(PEOPLE + "/" + name + "0").status());
    }
}
