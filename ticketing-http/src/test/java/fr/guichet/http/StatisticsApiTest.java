package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The académie's figures over HTTP: staff and administrators only, as JSON and as CSV, parameters checked. */
class StatisticsApiTest {

    private final TestServer server = TestServer.shared();
    private final Person staff = server.newStaff();
    private final Person requester = server.newRequester();
    private final Api agent = Api.signIn(server.base, staff.id().value());
    private final Api teacher = Api.signIn(server.base, requester.id().value());
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());

    @Test
    void a_requester_may_read_no_figures() {
        teacher.get("/api/v1/stats").problem(403);
        teacher.get("/api/v1/stats.csv?by=subject").problem(403);
    }

    @Test
    void staff_read_the_months_of_the_school_year_with_every_field_named() {
        teacher.fileInTheQueue();

        JsonNode figures = agent.get("/api/v1/stats?from=2008-09-01&to=2009-08-31").json();

        assertEquals("2008-09-01", figures.get("from").asText());
        assertEquals("2009-08-31", figures.get("to").asText());
        assertEquals("month", figures.get("by").asText());
        JsonNode september = figures.get("rows").get(0);
        assertEquals(List.of("key", "label", "filed", "resolved", "open", "medianFirstAnswerHours",
                "medianResolutionHours", "satisfaction", "breaches"), fields(september));
        assertEquals("2008-09", september.get("key").asText());
        assertEquals("septembre 2008", september.get("label").asText());
        assertTrue(september.get("filed").asLong() >= 1, september.toString());
        assertEquals(september.get("filed").asLong(), september.get("resolved").asLong()
                + september.get("open").asLong());
        assertEquals(List.of("answers", "average"), fields(september.get("satisfaction")));
    }

    @Test
    void subjects_are_rolled_up_to_the_roots_or_to_the_children_of_the_subject_asked() {
        teacher.fileInTheQueue();

        JsonNode roots = admin.get("/api/v1/stats?by=subject&from=2008-09-01&to=2009-08-31").json().get("rows");
        JsonNode network = agent.get("/api/v1/stats?by=subject&subject=RES-5&from=2008-09-01&to=2009-08-31").json();

        assertTrue(keys(roots).contains("RES-5"), roots.toString());
        assertTrue(keys(network.get("rows")).contains("RES-5.3"), network.toString());
        assertTrue(keys(network.get("rows")).stream().allMatch(k -> k.startsWith("RES-5")), network.toString());
        assertEquals("RES-5", network.get("subject").asText());
    }

    @Test
    void faulty_parameters_are_refused_each_naming_its_field() {
        JsonNode errors = agent.get("/api/v1/stats?from=2008-13-01&by=year&subject=nope").problem(400).get("errors");
        assertTrue(errors.has("from") && errors.has("by") && errors.has("subject"), errors.toString());
        assertTrue(agent.get("/api/v1/stats?from=2008-09-01&to=2010-09-02").problem(400).get("errors").has("to"));
        assertTrue(agent.get("/api/v1/stats?from=2009-09-01&to=2008-09-02").problem(400).get("errors").has("to"));
    }

    @Test
    void the_figures_download_as_a_french_spreadsheet() {
        teacher.fileInTheQueue();

        Api.Reply reply = agent.get("/api/v1/stats.csv?by=group&from=2008-09-01&to=2009-08-31");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("text/csv; charset=UTF-8", reply.header("Content-Type"));
        assertTrue(reply.header("Content-Disposition")
                .contains("statistiques-par-groupe-du-2008-09-01-au-2009-08-31.csv"), reply.header("Content-Disposition"));
        byte[] bytes = reply.bytes();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals("Groupe de support;Demandes déposées;Résolues;En cours;Délai médian de première réponse "
                + "(heures);Délai médian de résolution (heures);Réponses à l'enquête de satisfaction;"
                + "Satisfaction moyenne (sur 5);Hors délai", lines[0]);
        assertTrue(lines.length >= 2, String.join("\n", lines));
    }

    private static List<String> keys(JsonNode rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(r.get("key").asText()));
        return keys;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
