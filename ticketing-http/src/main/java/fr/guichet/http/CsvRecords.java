package fr.guichet.http;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV files administrators import, read one record at a time: UTF-8 (a leading BOM skipped, any other encoding
 * refused), the separator {@code ;} or {@code ,} as the header row uses most, cells quoted as spreadsheets quote them
 * (separators, quotes and line breaks inside), the header naming the columns in any order, letter case ignored, other
 * columns ignored; blank records are skipped. Every cell is data, never evaluated. Errors are French domain errors on
 * the field {@code file}.
 */
final class CsvRecords {

    private static final CsvMapper CSV = new CsvMapper();
    /** How much of a file's start is looked at to find its separator. */
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    private CsvRecords() {
    }

    /** One data record: its number as a spreadsheet numbers it (the header is 1) and its cells. */
    record Record(int number, String[] cells, Map<String, Integer> index) {

        /** The cell of {@code column} (a column the header names), empty when the record is shorter. */
        String cell(String column) {
            int i = index.get(column.toLowerCase(Locale.ROOT));
            return i < cells.length ? cells[i] : "";
        }
    }

    /** The body of {@code ctx} as UTF-8 text without its BOM, refused unless text/csv or past {@code limit} bytes. */
    static Reader body(Context ctx, long limit) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("text/csv")) {
            throw new DomainError(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "body.media_type", "body",
                    "Le fichier doit être au format CSV (text/csv).").exception();
        }
        if (ctx.req().getContentLengthLong() > limit) {
            throw Problems.tooLarge(limit);
        }
        try {
            return utf8(new Bounded(ctx.req().getInputStream(), limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code in} decoded as strict UTF-8 (malformed input is an error), a leading BOM skipped. */
    static Reader utf8(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        } catch (IOException e) {
            throw failure(e, 1);
        }
        return reader;
    }

    /** The records of {@code text}, a file held whole. */
    static <T> List<T> read(String text, List<String> columns, Function<Record, T> mapping) {
        return read(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), columns, mapping);
    }

    /**
     * Each data record of {@code in} through {@code mapping}, in order; the header must name every one of
     * {@code columns}. Only what {@code mapping} keeps stays in memory.
     */
    static <T> List<T> read(Reader in, List<String> columns, Function<Record, T> mapping) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        char separator = separator(reader);
        List<T> rows = new ArrayList<>();
        int number = 0;
        Map<String, Integer> index = null;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                number++;
                if (index == null) {
                    index = header(cells, columns);
                } else if (!Arrays.stream(cells).allMatch(String::isBlank)) {
                    rows.add(mapping.apply(new Record(number, cells, index)));
                }
            }
        } catch (TicketingException refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw failure(e, number + 1);
        }
        if (index == null) {
            throw DomainError.invalid("file", "import.empty", "Le fichier est vide : il faut au moins la ligne "
                    + "d'en-tête " + String.join(";", columns) + ".").exception();
        }
        return rows;
    }

    /** {@code ;} unless the first line holds more commas than semicolons. */
    private static char separator(BufferedReader reader) {
        try {
            reader.mark(HEADER_LOOKAHEAD);
            char[] start = new char[HEADER_LOOKAHEAD];
            int read = reader.read(start, 0, start.length);
            reader.reset();
            String head = read <= 0 ? "" : new String(start, 0, read).lines().findFirst().orElse("");
            return head.chars().filter(c -> c == ';').count() >= head.chars().filter(c -> c == ',').count() ? ';'
                    : ',';
        } catch (IOException e) {
            throw failure(e, 1);
        }
    }

    private static Map<String, Integer> header(String[] names, List<String> columns) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = columns.stream().filter(c -> !index.containsKey(c.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw DomainError.invalid("file", "import.header", "La première ligne doit nommer les colonnes "
                    + String.join(";", columns) + " ; il manque : " + String.join(", ", missing) + ".")
                    .exception();
        }
        return index;
    }

    /** What went wrong at record {@code number}: a body too large, text not in UTF-8, or unreadable CSV. */
    private static RuntimeException failure(Exception e, int number) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Bounded.TooLarge tooLarge) {
                return Problems.tooLarge(tooLarge.limit);
            }
            if (cause instanceof CharacterCodingException) {
                return DomainError.invalid("file", "import.encoding",
                        "Le fichier doit être encodé en UTF-8 (enregistrez-le en « CSV UTF-8 »).").exception();
            }
        }
        return DomainError.invalid("file", "import.unreadable",
                "Le fichier CSV est illisible (guillemets mal fermés ?) à partir de la ligne " + number + ".")
                .exception();
    }

    /** A stream that fails once more than {@code limit} bytes have been read from it. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        /** The body went past its limit. */
        private static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;
            private final long limit;

            TooLarge(long limit) {
                super("more than " + limit + " bytes");
                this.limit = limit;
            }
        }
    }
}
