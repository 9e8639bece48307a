package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.testing.EstablishmentFixtures;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The directory of establishments over HTTP: the national directory's CSV import and the search. */
class EstablishmentApiTest {

    private static final String IMPORT = "/api/v1/admin/establishments/import";
    /** The national directory's header: more columns than Guichet reads, in its own order. */
    private static final String HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;"
            + "Statut_public_prive;Adresse_1;Code_postal;Nom_commune;Code_departement;Code_academie\n";

    private final TestServer server = TestServer.shared();
    private final Api admin = Api.signIn(server.base, server.newAdmin().id().value());

    private static Api.Reply importCsv(Api caller, String csv) {
        return caller.post(IMPORT, HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8),
                "text/csv; charset=utf-8");
    }

    private static String line(Uai uai, String name, String kind, String commune, String department) {
        return uai.value() + ";" + name + ";" + kind + ";Public;1 rue de la Paix;94000;" + commune + ";"
                + department + ";24\n";
    }

    /** {@code count} distinct fresh UAIs. */
    private static List<Uai> newUais(int count) {
        Set<Uai> uais = new LinkedHashSet<>();
        while (uais.size() < count) {
            uais.add(EstablishmentFixtures.newUai());
        }
        return List.copyOf(uais);
    }

    /** The directory's export of a school for each of {@code uais}, named "École {@code word} 1" on. */
    private static String schools(List<Uai> uais, String word) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < uais.size(); i++) {
            csv.append(line(uais.get(i), "École " + word + " " + (i + 1), "Ecole", "Meaux", "077"));
        }
        return csv.toString();
    }

    @Test
    void an_administrator_imports_the_national_export_and_anyone_signed_in_finds_its_schools() {
        String word = EstablishmentFixtures.newWord();
        Uai college = EstablishmentFixtures.newUai();
        Uai lycee = EstablishmentFixtures.newUai();
        String wrongLetter = college.value().substring(0, 7) + (college.value().endsWith("A") ? "B" : "A");
        String csv = "\uFEFF" + HEADER
                + line(college, "\"Collège " + word + " \"\"Les Tilleuls\"\"; annexe\"", "Collège", "Créteil", "094")
                + line(lycee, "Lycée " + word, "Lycée", "\"Noisy-le-Grand\"", "93")
                + line(college, "École fausse", "Ecole", "Créteil", "94").replace(college.value(), wrongLetter)
                + "\n"
                + line(lycee, "Lycée " + word + " en double", "Lycée", "Noisy-le-Grand", "93");

        Api.Reply reply = importCsv(admin, csv);

        assertEquals(200, reply.status(), reply.body());
        JsonNode report = reply.json();
        assertEquals(2, report.get("added").asInt(), report.toString());
        assertEquals(0, report.get("updated").asInt());
        assertEquals(2, report.get("refused").asInt());
        assertEquals(4, report.get("lines").get(0).get("line").asInt(), "numbered as a spreadsheet numbers rows");
        assertEquals(wrongLetter, report.get("lines").get(0).get("uai").asText());
        assertTrue(report.get("lines").get(0).get("errors").get(0).get("message").asText()
                .contains("lettre de contrôle"), report.toString());
        assertEquals(6, report.get("lines").get(1).get("line").asInt());
        assertTrue(report.get("lines").get(1).get("errors").get(0).get("message").asText().contains("ligne 3"));

        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        JsonNode found = teacher.get("/api/v1/establishments?q=" + word + "+tilleuls").json();
        assertEquals(1, found.size(), found.toString());
        assertEquals(college.value(), found.get(0).get("uai").asText());
        assertEquals("Collège " + word + " \"Les Tilleuls\"; annexe", found.get(0).get("name").asText());
        assertEquals("Collège", found.get(0).get("kind").asText());
        assertEquals("Créteil", found.get(0).get("commune").asText());
        assertEquals("94", found.get(0).get("department").asText());
        assertEquals(2, teacher.get("/api/v1/establishments?q=" + word.toUpperCase()).json().size());

        JsonNode again = importCsv(admin, csv).json();
        assertEquals(0, again.get("added").asInt());
        assertEquals(0, again.get("updated").asInt());
        assertEquals(2, again.get("unchanged").asInt());
    }

    @Test
    void staff_keep_a_list_to_an_establishment_or_a_department_and_find_requests_by_school_name() {
        String word = EstablishmentFixtures.newWord();
        Uai school = EstablishmentFixtures.newUai();
        String teacherId = server.newRequester().id().value();
        admin.patch("/api/v1/admin/people/" + teacherId, Api.object("establishment", school.value()));
        Api teacher = Api.signIn(server.base, teacherId);
        String number = teacher.post("/api/v1/requests", Api.filing()).json().get("number").asText();
        assertEquals(200, importCsv(admin, HEADER + line(school, "Collège " + word, "Collège", "Torcy", "77"))
                .status());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());

        JsonNode byName = agent.get("/api/v1/requests?scope=all&q=college+" + word).json();
        assertEquals(List.of(number), byName.get("items").findValuesAsText("number"));
        assertEquals("Collège " + word, byName.get("items").get(0).get("establishmentName").asText());
        assertEquals(List.of(number), agent.get("/api/v1/requests?scope=all&establishment=" + school.value()
                .toLowerCase()).json().get("items").findValuesAsText("number"));
        assertTrue(agent.get("/api/v1/requests?scope=all&department=077&size=100").json().get("items")
                .findValuesAsText("number").contains(number));
        assertEquals(List.of(), agent.get("/api/v1/requests?scope=all&department=93&establishment=" + school.value())
                .json().get("items").findValuesAsText("number"));
        assertEquals("Collège " + word, teacher.get("/api/v1/requests/" + number).json().get("establishmentName")
                .asText());
        JsonNode bad = agent.get("/api/v1/requests?scope=all&department=7&establishment=0941295A").problem(400);
        assertTrue(bad.get("errors").has("department") && bad.get("errors").has("establishment"), bad.toString());
    }

    @Test
    void anyone_signed_in_reads_the_departements_of_the_directory_by_code_and_name() {
        assertEquals(200, importCsv(admin, HEADER
                + line(EstablishmentFixtures.newUai(), "Collège de Bastia", "Collège", "Bastia", "02B")
                + line(EstablishmentFixtures.newUai(), "Lycée de l'Iroise", "Lycée", "Brest", "029")
                + line(EstablishmentFixtures.newUai(), "Lycée de Mamoudzou", "Lycée", "Mamoudzou", "976")).status());
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());

        List<JsonNode> departments = new ArrayList<>();
        teacher.get("/api/v1/establishments/departments").json().forEach(departments::add);

        assertTrue(departments.stream().anyMatch(d -> d.get("code").asText().equals("2B")
                && d.get("label").asText().equals("Haute-Corse (2B)")), departments.toString());
        assertTrue(departments.stream().anyMatch(d -> d.get("code").asText().equals("976")
                && d.get("label").asText().equals("Mayotte (976)")), departments.toString());
        List<String> codes = departments.stream().map(d -> d.get("code").asText()).toList();
        assertEquals(codes.stream().distinct().map(Department::new).sorted().map(Department::code).toList(), codes);
        Api.anonymous(server.base).get("/api/v1/establishments/departments").problem(401);
    }

    @Test
    void ten_thousand_lines_are_imported_in_one_call() {
        JsonNode report = importCsv(admin, schools(newUais(10_000), EstablishmentFixtures.newWord())).json();

        assertEquals(10_000, report.get("added").asInt() + report.get("updated").asInt(), report.toString());
        assertEquals(0, report.get("refused").asInt());
        assertEquals(List.of(), List.copyOf(report.get("lines").findValuesAsText("uai")));
    }

    @Test
    void an_import_whose_administrator_is_removed_part_way_answers_a_problem_saying_what_it_kept() throws Exception {
        try (Connection c = server.injector.getInstance(DataSource.class).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER IF NOT EXISTS removes_importer AFTER INSERT ON audit_entries FOR EACH ROW CALL '"
                    + RemovesImporter.class.getName() + "'");
        }
        Person removed = server.newAdmin();
        Api importer = Api.signIn(server.base, removed.id().value());
        RemovesImporter.ADMINS.add(removed.id().value());
        String word = EstablishmentFixtures.newWord();
        List<Uai> uais = newUais(1_500);

        JsonNode stopped = importCsv(importer, schools(uais, word)).problem(403);

        assertEquals("import.stopped", stopped.get("code").asText(), stopped.toString());
        String detail = stopped.get("detail").asText();
        assertTrue(detail.contains("plus administrateur") && detail.contains("ligne 1002")
                && detail.contains("refusées : 0"), detail);
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        assertEquals(1, teacher.get("/api/v1/establishments?q=" + word + "+" + uais.get(999).value()).json().size(),
                "line 1001 kept");
        assertEquals(0, teacher.get("/api/v1/establishments?q=" + word + "+" + uais.get(1_000).value()).json()
                .size(), "line 1002 not imported");
    }

    @Test
    void only_administrators_import_and_only_people_signed_in_search() {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        for (Api caller : List.of(teacher, agent)) {
            importCsv(caller, HEADER).problem(403);
        }
        Api.anonymous(server.base).get("/api/v1/establishments?q=college").problem(401);
        teacher.get("/api/v1/establishments?q=" + "x".repeat(201)).problem(400);
    }

    @Test
    void a_file_without_the_directory_columns_is_refused_before_anything_changes() {
        JsonNode header = importCsv(admin, "uai;name\n0941295X;Collège\n").problem(400);
        assertTrue(header.get("errors").get("file").asText().contains("Nom_etablissement"), header.toString());
        admin.post(IMPORT, HttpRequest.BodyPublishers.ofString(HEADER), "application/json").problem(415);
    }
}
