package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.guichet.core.application.ImportReport;
import fr.guichet.core.application.PersonForm;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever a cell holds (separators, quotes, line breaks, tabs, a leading =, +, - or @), a CSV file that quotes it as
 * spreadsheets do gives it back exactly as typed, on its line, with either separator.
 */
class CsvImportPropertiesTest {

    private static final String CHARACTERS = "=+-@;,\"|\t\r\n aZéŒ1'";

    private static Gen<String> cells() {
        return lists().of(integers().between(0, CHARACTERS.length() - 1)).ofSizeBetween(0, 12)
                .map(indexes -> indexes.stream().map(i -> String.valueOf(CHARACTERS.charAt(i)))
                        .collect(Collectors.joining()));
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    @Test
    void every_cell_but_roles_and_groups_comes_back_as_typed() {
        qt().withExamples(300).forAll(lists().of(cells()).ofSize(5), cells(), integers().between(0, 1))
                .checkAssert((cells, second, comma) -> {
                    String separator = comma == 1 ? "," : ";";
                    String header = String.join(separator, AdminPeopleEndpoints.COLUMNS);
                    List<String> line = new ArrayList<>(List.of("x" + cells.get(0)));
                    line.addAll(cells.subList(1, 5));
                    line.addAll(List.of("Agent", "PLATEFORME"));
                    String text = header + "\r\n" + line.stream().map(CsvImportPropertiesTest::quoted)
                            .collect(Collectors.joining(separator)) + "\n" + quoted("y" + second) + "\n";

                    List<ImportReport.Row> rows = AdminPeopleEndpoints.rows(text);

                    assertEquals(2, rows.size(), text);
                    PersonForm form = rows.get(0).form();
                    assertEquals(line.subList(0, 5), List.of(form.identifier(), form.email(), form.givenName(),
                            form.familyName(), form.establishment()));
                    assertEquals(List.of("Agent"), form.roles());
                    assertEquals(2, rows.get(0).number());
                    assertEquals("y" + second, rows.get(1).form().identifier());
                    assertEquals(3, rows.get(1).number());
                });
    }
}
