package fr.guichet.benchmarks;

import fr.guichet.core.application.ImportReport;
import fr.guichet.core.application.PersonForm;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.examples.DemoData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Workload 8, the CSV import of people (issue 16): on a fresh database, the time of importing people through
 * {@code AdministerPeople.importPeople} (each line its own audited change, a new person's password link and mail
 * queued with it), of importing the same lines again (each UNCHANGED), and of a plain JDBC batch insert of the same
 * rows into {@code people}, {@code person_roles} and {@code person_groups} in one transaction.
 */
final class PeopleImportWorkload {

    static final String NAME = "8 people import";
    private static final String[] GIVEN = {"Anne", "Hélène", "Marc", "Jean-Luc", "Zoé", "Léo", "Inès", "Noël"};
    private static final String[] FAMILY = {"Durand", "Lefèvre", "Martin", "Bernard", "Petit", "Moreau", "Roux",
        "Fournier", "Girard", "Lambert", "Faure", "Rousseau"};

    private PeopleImportWorkload() {
    }

    static void run(RunSettings settings, Results results) throws SQLException {
        int count = settings.smoke() ? 100 : 5_000;
        results.note(NAME, "One fresh database per database kind with the demo catalog and people; " + count
                + " lines (identifier, academic address, names, a UAI; one in ten an Agent of PLATEFORME, the others "
                + "Demandeur), built in memory as the HTTP adapter hands them over after parsing the CSV. \"import\": "
                + "one AdministerPeople.importPeople call, each line its own transaction through AdminWrites (hold "
                + "of the administration row, look-up, insert of the person, roles and groups, password link, "
                + "ACCOUNT_CREATED mail, audit entry and fields). \"import again\": the same lines, each UNCHANGED "
                + "(look-up, nothing written). \"plain JDBC\": the same rows, other identifiers, inserted by three "
                + "batched INSERTs (people with the search columns, person_roles, person_groups) in one "
                + "transaction: the floor of writing these rows, without audit, mail or any check.");
        Person admin = DemoData.people().stream().filter(p -> p.id().value().equals("admin")).findFirst()
                .orElseThrow();
        for (String kind : settings.databases()) {
            FilingBenchmark bench = new FilingBenchmark();
            bench.database = kind;
            bench.setUp();
            try {
                Ticketing ticketing = bench.stack().ticketing();
                List<ImportReport.Row> rows = rows("imp", count);
                ImportReport[] report = new ImportReport[1];
                measure(results, kind, "import", count,
                        () -> report[0] = ticketing.administerPeople().importPeople(admin, rows));
                long created = report[0].count(ImportReport.Outcome.CREATED);
                results.check(NAME, kind + " import: every line created", created == count, created + " of "
                        + count);
                measure(results, kind, "import again", count,
                        () -> report[0] = ticketing.administerPeople().importPeople(admin, rows));
                long unchanged = report[0].count(ImportReport.Outcome.UNCHANGED);
                results.check(NAME, kind + " import again: every line unchanged", unchanged == count, unchanged
                        + " of " + count);
                DataSource data = bench.dataSource();
                List<ImportReport.Row> raw = rows("raw", count);
                measure(results, kind, "plain JDBC", count, () -> insert(data, raw));
            } finally {
                bench.tearDown();
            }
        }
    }

    private static List<ImportReport.Row> rows(String prefix, int count) {
        List<ImportReport.Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%s%05d", prefix, i);
            boolean agent = i % 10 == 0;
            rows.add(new ImportReport.Row(i + 2, new PersonForm(id, id + "@ac-creteil.fr", GIVEN[i % GIVEN.length],
                    FAMILY[i % FAMILY.length], "0941295X", List.of(agent ? "Agent" : "Demandeur"),
                    agent ? List.of("PLATEFORME") : List.of(), null)));
        }
        return rows;
    }

    private static void measure(Results results, String kind, String label, int units, Runnable work) {
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        String scenario = kind + ", " + label + " (" + units + ")";
        results.add(NAME, scenario, "total time", seconds, "s");
        results.add(NAME, scenario, "time per person", seconds * 1000 / units, "ms");
    }

    private static void insert(DataSource data, List<ImportReport.Row> rows) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement people = c.prepareStatement("INSERT INTO people (id, email, given_name, "
                    + "family_name, establishment, active, search_text, family_key, given_key) "
                    + "VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)");
                    PreparedStatement roles = c.prepareStatement(
                            "INSERT INTO person_roles (person_id, role) VALUES (?, ?)");
                    PreparedStatement groups = c.prepareStatement(
                            "INSERT INTO person_groups (person_id, group_code) VALUES (?, ?)")) {
                int n = 0;
                for (ImportReport.Row row : rows) {
                    PersonForm f = row.form();
                    people.setString(1, f.identifier());
                    people.setString(2, f.email());
                    people.setString(3, f.givenName());
                    people.setString(4, f.familyName());
                    people.setString(5, f.establishment());
                    people.setString(6, SearchText.of(f.identifier(), f.givenName(), f.familyName(), f.email()));
                    people.setString(7, SearchText.normalize(f.familyName()));
                    people.setString(8, SearchText.normalize(f.givenName()));
                    people.addBatch();
                    roles.setString(1, f.identifier());
                    roles.setString(2, f.roles().get(0).equals("Agent") ? "AGENT" : "REQUESTER");
                    roles.addBatch();
                    for (String group : f.groups()) {
                        groups.setString(1, f.identifier());
                        groups.setString(2, group);
                        groups.addBatch();
                    }
                    if (++n % 500 == 0) {
                        people.executeBatch();
                        roles.executeBatch();
                        groups.executeBatch();
                    }
                }
                people.executeBatch();
                roles.executeBatch();
                groups.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
