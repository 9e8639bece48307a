package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.guichet.core.application.EstablishmentRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever its cells hold (separators, quotes, line breaks, accents, a leading =), however its columns are ordered
 * among columns Guichet does not read, with or without a BOM, a national directory's export quoted as spreadsheets
 * quote gives back each line's five cells as typed, numbered as a spreadsheet numbers its rows.
 */
class EstablishmentCsvPropertiesTest {

    private static final String CHARACTERS = "=+-@;,\"\t\r\n aZéŒ1'";
    private static final List<String> EXTRA = List.of("Statut_public_prive", "Adresse_1", "Code_postal",
            "Code_academie", "Telephone");

    private static Gen<String> cells() {
        return lists().of(integers().between(0, CHARACTERS.length() - 1)).ofSizeBetween(0, 10)
                .map(indexes -> indexes.stream().map(i -> String.valueOf(CHARACTERS.charAt(i)))
                        .collect(Collectors.joining()));
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    @Test
    void every_line_gives_back_its_five_cells_as_typed_whatever_the_order_of_the_columns() {
        qt().withExamples(200).forAll(lists().of(lists().of(cells()).ofSize(5)).ofSizeBetween(1, 6),
                        integers().between(0, 1_000_000), booleans().all(), booleans().all())
                .checkAssert((lines, seed, bom, crlf) -> {
                    List<String> columns = new ArrayList<>(EstablishmentEndpoints.COLUMNS);
                    columns.addAll(EXTRA);
                    Collections.shuffle(columns, new Random(seed));
                    String end = crlf ? "\r\n" : "\n";
                    StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "");
                    csv.append(String.join(";", columns)).append(end);
                    for (List<String> line : lines) {
                        List<String> cells = new ArrayList<>(line);
                        cells.set(0, "x" + cells.get(0));
                        csv.append(columns.stream().map(c -> {
                            int i = EstablishmentEndpoints.COLUMNS.indexOf(c);
                            return quoted(i < 0 ? "ignoré;" + c : cells.get(i));
                        }).collect(Collectors.joining(";"))).append(end);
                    }

                    List<EstablishmentRow> rows = EstablishmentEndpoints.rows(CsvRecords.utf8(
                            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))));

                    assertEquals(lines.size(), rows.size(), csv::toString);
                    for (int r = 0; r < lines.size(); r++) {
                        List<String> line = lines.get(r);
                        EstablishmentRow row = rows.get(r);
                        assertEquals(r + 2, row.number());
                        assertEquals(List.of("x" + line.get(0), line.get(1), line.get(2), line.get(3), line.get(4)),
                                List.of(row.uai(), row.name(), row.kind(), row.commune(), row.department()),
                                csv::toString);
                    }
                });
    }
}
