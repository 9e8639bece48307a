package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record of processing ({@code docs/DONNEES-PERSONNELLES.md}) says of every column of the schema whether it holds
 * personal data: each column it names exists, and each column the migrations create is named in exactly one of its
 * two lists, so that a migration adding a column fails here until the record says what the column holds.
 */
class PersonalDataRecordTest {

    static final Path RECORD = Path.of("..", "docs", "DONNEES-PERSONNELLES.md");
    static final String PERSONAL = "donnees-personnelles";
    static final String NOT_PERSONAL = "colonnes-sans-donnee-personnelle";

    private static List<Row> personal;
    private static List<Row> notPersonal;
    private static SortedSet<String> schema;

    @BeforeAll
    static void read() throws IOException, SQLException {
        String record = Files.readString(RECORD);
        personal = rows(record, PERSONAL);
        notPersonal = rows(record, NOT_PERSONAL);
        TestDatabase database = TestDatabase.of(TestDatabase.Kind.H2);
        database.node().dataSource();
        try (Connection c = database.connect()) {
            schema = SchemaDescription.read(c).columns().stream()
                    .map(fact -> fact.substring(0, fact.indexOf(':')))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void both_lists_have_rows_each_with_what_the_column_holds() {
        assertFalse(personal.isEmpty(), "no row between the markers of " + PERSONAL);
        assertFalse(notPersonal.isEmpty(), "no row between the markers of " + NOT_PERSONAL);
        List<String> undescribed = new ArrayList<>();
        for (Row row : all()) {
            if (row.holds().isEmpty()) {
                undescribed.add(row.column());
            }
        }
        assertEquals(List.of(), undescribed, "rows that do not say what the column holds");
    }

    @Test
    void every_column_the_record_names_is_in_the_schema() {
        SortedSet<String> unknown = new TreeSet<>();
        for (Row row : all()) {
            if (!schema.contains(row.column())) {
                unknown.add(row.column());
            }
        }
        assertEquals(new TreeSet<>(), unknown, "columns named in " + RECORD + " that the migrations do not create");
    }

    @Test
    void every_column_of_the_schema_is_in_exactly_one_list_once() {
        SortedSet<String> named = new TreeSet<>();
        SortedSet<String> twice = new TreeSet<>();
        for (Row row : all()) {
            if (!named.add(row.column())) {
                twice.add(row.column());
            }
        }
        SortedSet<String> unnamed = new TreeSet<>(schema);
        unnamed.removeAll(named);
        assertEquals(new TreeSet<>(), twice, "columns named more than once in " + RECORD);
        assertEquals(new TreeSet<>(), unnamed, "columns that " + RECORD + " does not name: add each to the table "
                + "of personal data or to the table of columns without personal data");
    }

    private static List<Row> all() {
        List<Row> rows = new ArrayList<>(personal);
        rows.addAll(notPersonal);
        return rows;
    }

    /**
     * The rows of the Markdown table between {@code <!-- marker:debut -->} and {@code <!-- marker:fin -->}: cells
     * table, column, what it holds, names in backquotes; the header row and its rule are skipped.
     */
    private static List<Row> rows(String record, String marker) {
        String start = "<!-- " + marker + ":debut -->";
        String end = "<!-- " + marker + ":fin -->";
        int from = record.indexOf(start);
        int to = record.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError(RECORD + " has no " + start + " followed by " + end);
        }
        List<Row> rows = new ArrayList<>();
        List<String> lines = record.substring(from + start.length(), to).lines().map(String::strip)
                .filter(line -> line.startsWith("|")).toList();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|");
            if (cells.length != 3) {
                throw new AssertionError("not a row of three cells (table, column, what it holds): " + line);
            }
            rows.add(new Row(name(cells[0]) + "." + name(cells[1]), cells[2].strip()));
        }
        return rows;
    }

    private static String name(String cell) {
        String name = cell.strip();
        if (!name.matches("`[a-z0-9_]+`")) {
            throw new AssertionError("a table or column name is written in backquotes, in lower case: " + cell);
        }
        return name.substring(1, name.length() - 1);
    }

    /** One row of a list: {@code table.column} and what the column holds. */
    private record Row(String column, String holds) {
    }
}
