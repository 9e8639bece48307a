package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever a user typed in a cell (separators, quotes, line breaks, tabs, a leading =, +, - or @), the CSV
 * {@link CsvWriter} writes reads back, with ';' as separator after its byte order mark, as the same lines of the same
 * cells, each exactly as typed but for an apostrophe before what a spreadsheet would take for a formula; no cell read
 * back starts as a formula does.
 */
class CsvWriterPropertiesTest {

    private static final String CHARACTERS = "=+-@;,\"|\t\r\n aZéŒ1'";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static Gen<String> cells() {
        return lists().of(integers().between(0, CHARACTERS.length() - 1)).ofSizeBetween(0, 10)
                .map(indexes -> indexes.stream().map(i -> String.valueOf(CHARACTERS.charAt(i)))
                        .collect(Collectors.joining()));
    }

    @Test
    void every_cell_reads_back_as_typed_on_its_line_with_formulas_neutralised() {
        qt().withExamples(500).forAll(lists().of(lists().of(cells()).ofSizeBetween(2, 5)).ofSizeBetween(1, 4))
                .checkAssert(rows -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    CsvWriter writer = new CsvWriter(bytes);
                    rows.forEach(writer::row);
                    writer.flush();
                    byte[] written = bytes.toByteArray();

                    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                            Arrays.copyOf(written, 3));
                    List<List<String>> read = read(new String(written, 3, written.length - 3,
                            StandardCharsets.UTF_8));
                    assertEquals(rows.stream().map(r -> r.stream().map(CsvWriterPropertiesTest::neutralised)
                            .toList()).toList(), read);
                    read.stream().flatMap(List::stream).forEach(cell -> assertFalse(
                            !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0, cell));
                });
    }

    @Test
    void a_cell_is_quoted_only_when_it_must_be() {
        assertEquals("Imprimante HS", CsvWriter.cell("Imprimante HS"));
        assertEquals("\"a;b\"", CsvWriter.cell("a;b"));
        assertEquals("\"dit \"\"bonjour\"\"\"", CsvWriter.cell("dit \"bonjour\""));
        assertEquals("'=1+1", CsvWriter.cell("=1+1"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvWriter.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'\rx\"", CsvWriter.cell("\rx"));
        assertEquals("", CsvWriter.cell(null));
    }

    private static String neutralised(String typed) {
        return !typed.isEmpty() && FORMULA_STARTS.indexOf(typed.charAt(0)) >= 0 ? "'" + typed : typed;
    }

    private static List<List<String>> read(String text) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';');
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class).with(schema)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(List.of(it.nextValue()));
            }
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
        return rows;
    }
}
