package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.EstablishmentFixtures;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV export of lists (HTTP-API.md, "The académie's figures"): a spreadsheet's UTF-8 with a BOM and ';', French
 * headers, numbers written as text, schools named, formulas neutralised, and the list's access rules.
 */
class ExportApiTest {

    private final TestServer server = TestServer.shared();
    private final Person staff = server.newStaff();
    private final Person requester = server.newRequester();
    private final Person other = server.newRequester();
    private final Api agent = Api.signIn(server.base, staff.id().value());
    private final Api teacher = Api.signIn(server.base, requester.id().value());
    private final Api otherTeacher = Api.signIn(server.base, other.id().value());

    private String file(Api who, String summary) {
        Api.Reply reply = who.post("/api/v1/requests", Api.filing("subject", "RES-5.3", "summary", summary));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("number").asText();
    }

    private static List<String> lines(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals("text/csv; charset=UTF-8", reply.header("Content-Type"));
        assertTrue(reply.header("Content-Disposition").startsWith("attachment; filename=\""),
                reply.header("Content-Disposition"));
        byte[] bytes = reply.bytes();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), text);
        return Arrays.asList(text.split("\r\n"));
    }

    @Test
    void a_requester_exports_their_own_requests_only_under_french_headers() {
        String mine = file(teacher, "Imprimante de la salle 12");
        String theirs = file(otherTeacher, "Imprimante de la salle 14");

        List<String> lines = lines(teacher.get("/api/v1/requests.csv"));

        assertEquals("Numéro;Déposée le;Objet;Sujet;Type;Statut;Visibilité;Établissement;Nom de l'établissement;"
                + "Demandeur;Attribuée à;Dernière mise à jour", lines.get(0));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("n° " + mine + ";"), lines.get(1));
        assertTrue(lines.get(1).contains(";Imprimante de la salle 12;"), lines.get(1));
        assertTrue(lines.stream().noneMatch(l -> l.contains(theirs)), lines.toString());
        assertEquals(2, lines(teacher.get("/api/v1/requests.csv?scope=mine&q=" + mine)).size());
    }

    @Test
    void the_number_stays_text_the_school_is_named_beside_its_uai_and_the_file_is_dated_by_the_servers_clock() {
        Uai school = EstablishmentFixtures.newUai();
        String name = "Collège " + EstablishmentFixtures.newWord();
        server.injector.getInstance(UnitOfWork.class).run(() -> server.injector.getInstance(
                EstablishmentDirectory.class).saveAll(List.of(new Establishment(school, name, "Collège", "Torcy",
                        Department.parse("77")))));
        String teacherId = server.newRequester().id().value();
        Api admin = Api.signIn(server.base, server.newAdmin().id().value());
        assertEquals(200, admin.patch("/api/v1/admin/people/" + teacherId, Api.object("establishment",
                school.value())).status());
        Api schoolTeacher = Api.signIn(server.base, teacherId);
        String number = file(schoolTeacher, "Vidéoprojecteur muet");
        LocalDate today = LocalDate.ofInstant(server.clock.instant(), ZoneId.of("Europe/Paris"));

        Api.Reply reply = schoolTeacher.get("/api/v1/requests.csv");

        assertTrue(reply.header("Content-Disposition").contains("\"mes-demandes-" + today + ".csv\""),
                reply.header("Content-Disposition"));
        List<String> lines = lines(reply);
        assertTrue(number.startsWith("00"), number);
        assertTrue(lines.get(1).startsWith("n° " + number + ";"), lines.get(1));
        assertTrue(lines.get(1).contains(";" + school.value() + ";" + name + ";"), lines.get(1));
    }

    @Test
    void a_requester_may_not_export_the_queue_and_is_answered_a_problem() {
        teacher.get("/api/v1/requests.csv?scope=queue").problem(403);
        teacher.get("/api/v1/requests.csv?scope=all").problem(403);
        agent.get("/api/v1/requests.csv?scope=queue&sort=nowhere").problem(400);
    }

    @Test
    void staff_export_the_queue_with_its_filters_and_cells_looking_like_formulas_neutralised() {
        String formula = file(otherTeacher, "=HYPERLINK(\"http://example.org\";\"clic\")");
        String plain = file(otherTeacher, "@SOMME(A1:A2); -2");

        List<String> lines = lines(agent.get("/api/v1/requests.csv?scope=queue&q=" + other.id().value()
                + "&sort=submittedAt"));

        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("n° " + formula + ";"), lines.toString());
        assertTrue(lines.get(1).contains(";\"'=HYPERLINK(\"\"http://example.org\"\";\"\"clic\"\")\";"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("n° " + plain + ";"), lines.toString());
        assertTrue(lines.get(2).contains(";\"'@SOMME(A1:A2); -2\";"), lines.get(2));
        assertEquals(1, lines(agent.get("/api/v1/requests.csv?scope=queue&status=CLOSED&q=" + other.id().value()))
                .size());
    }
}
