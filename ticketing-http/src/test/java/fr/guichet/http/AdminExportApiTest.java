package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The export of one person's data over HTTP: a ZIP of JSON files and their files, for administrators only. */
class AdminExportApiTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final TestServer server = TestServer.shared();
    private final Person teacherPerson = server.newRequester();
    private final Api teacher = Api.signIn(server.base, teacherPerson.id().value());
    private final Api agent = Api.signIn(server.base, server.newStaff().id().value());
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());

    private String export(Person person) {
        return "/api/v1/admin/people/" + person.id().value() + "/export";
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void an_administrator_downloads_a_persons_requests_messages_and_files_as_a_zip() throws IOException {
        Multiparts withFile = new Multiparts().request(Api.filing()).file("compte rendu.pdf", "application/pdf", PDF);
        Api.Reply filed = teacher.post("/api/v1/requests", withFile.build(), withFile.contentType());
        assertEquals(201, filed.status(), filed.body());
        String number = filed.json().get("number").asText();
        Multiparts again = new Multiparts().request(Api.filing()).file("../../etc/passwd", "text/plain",
                "pas un vrai fichier".getBytes(StandardCharsets.UTF_8));
        Api.Reply second = teacher.post("/api/v1/requests", again.build(), again.contentType());
        assertEquals(201, second.status(), second.body());
        assertEquals(201, agent.post("/api/v1/requests/" + number + "/messages",
                Api.object("body", "Nous regardons.", "internal", false)).status());
        assertEquals(201, agent.post("/api/v1/requests/" + number + "/messages",
                Api.object("body", "Note de l'équipe.", "internal", true)).status());

        Api.Reply reply = admin.get(export(teacherPerson));

        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/zip", reply.header("Content-Type"));
        assertTrue(reply.header("Content-Disposition").startsWith("attachment; filename=\"guichet-"
                + teacherPerson.id().value() + ".zip\""), reply.header("Content-Disposition"));
        Map<String, byte[]> entries = unzip(reply.bytes());
        JsonNode person = Api.JSON.readTree(entries.get("personne.json"));
        assertEquals(teacherPerson.id().value(), person.get("identifier").asText());
        assertEquals(teacherPerson.email().value(), person.get("email").asText());
        assertEquals(teacherPerson.name().family(), person.get("familyName").asText());
        assertTrue(person.get("active").asBoolean());
        JsonNode requests = Api.JSON.readTree(entries.get("demandes.json"));
        assertEquals(List.of(number, second.json().get("number").asText()),
                List.of(requests.get("requests").get(0).get("number").asText(),
                        requests.get("requests").get(1).get("number").asText()));
        JsonNode messages = requests.get("requests").get(0).get("messages");
        assertEquals(1, messages.size(), "internal notes stay the staff's");
        assertEquals("Nous regardons.", messages.get(0).get("body").asText());
        String pdfPath = "fichiers/" + number + "/compte rendu.pdf";
        assertArrayEquals(PDF, entries.get(pdfPath));
        assertEquals(pdfPath, requests.get("files").get(0).get("path").asText());
        String otherPath = requests.get("files").get(1).get("path").asText();
        assertTrue(otherPath.startsWith("fichiers/" + second.json().get("number").asText() + "/")
                && !otherPath.substring("fichiers/".length()).contains("..")
                && otherPath.chars().filter(c -> c == '/').count() == 2, otherPath);
        assertEquals("pas un vrai fichier", new String(entries.get(otherPath), StandardCharsets.UTF_8));
        assertEquals(List.of("personne.json", pdfPath, otherPath, "demandes.json"), List.copyOf(entries.keySet()));

        JsonNode audit = admin.get("/api/v1/admin/audit?page=1&size=100").json().get("items");
        JsonNode entry = null;
        for (JsonNode e : audit) {
            if ("person.export".equals(e.get("action").asText())
                    && teacherPerson.id().value().equals(e.get("target").get("key").asText())) {
                entry = e;
            }
        }
        assertNotNull(entry, audit.toString());
        assertTrue(entry.get("before").isNull() && entry.get("after").isNull(), entry.toString());
    }

    @Test
    void only_an_administrator_exports_and_an_unknown_person_is_not_found() {
        assertEquals("admin.only", agent.get(export(teacherPerson)).problem(403).get("code").asText());
        assertEquals("admin.only", teacher.get(export(teacherPerson)).problem(403).get("code").asText());
        Api.anonymous(server.base).get(export(teacherPerson)).problem(401);
        assertEquals("person.not_found", admin.get("/api/v1/admin/people/personne-inconnue/export").problem(404)
                .get("code").asText());
    }

    @Test
    void a_file_name_in_the_zip_stays_one_entry_of_its_requests_folder() {
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 40)).check(name -> {
            String entry = AdminExportEndpoints.entryName(name);
            return !entry.isEmpty() && !entry.startsWith(".") && entry.chars().noneMatch(c -> c == '/' || c == '\\'
                    || c < 0x20);
        });
        assertEquals("__etc_passwd", AdminExportEndpoints.entryName("../etc/passwd"));
    }
}
