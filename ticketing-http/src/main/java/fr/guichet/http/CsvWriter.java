package fr.guichet.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV as French spreadsheet software opens it as is (HTTP-API.md, "The académie's figures"): UTF-8 after a byte
 * order mark, cells separated by ';', lines ended by CRLF; a cell holding ';', '"', CR or LF is quoted, its quotes
 * doubled; a cell a spreadsheet would take for a formula (first character '=', '+', '-', '@', tab or CR) starts with
 * an apostrophe; a null cell is empty. Writes through a buffer straight to the stream; not thread-safe.
 */
final class CsvWriter {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final char BOM = '\uFEFF';
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;

    /** A writer of {@code stream}, the byte order mark already written. */
    CsvWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        write(String.valueOf(BOM));
    }

    /** Writes one line of {@code cells}. */
    void row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(';');
            }
            line.append(cell(cells.get(i)));
        }
        write(line.append("\r\n").toString());
    }

    /** Sends what is buffered on to the stream, leaving the stream open. */
    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as one cell: neutralised when it looks like a formula, quoted when it must be. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quoted = text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
