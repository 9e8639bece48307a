package fr.guichet.http;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.guichet.core.application.ImportReport;
import fr.guichet.core.application.PersonForm;
import fr.guichet.core.application.PersonSheet;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.port.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The handlers of people's administration (HTTP-API.md, "Administration"): search, one person with their ETag,
 * creation, change with If-Match (deactivation and reactivation among them) and the CSV import; administrators only.
 *
 * <p>The import reads a UTF-8 file (a leading BOM is skipped) of at most {@link #MAX_CSV_BYTES}, its separator
 * {@code ;} or {@code ,} as the header row uses, the header naming the columns {@link #COLUMNS} in any order; roles
 * and groups hold several values separated by {@code |} or spaces. Every cell is data: one that starts like a
 * spreadsheet formula ({@code =}, {@code +}, {@code -}, {@code @}) is stored as typed, never evaluated.
 */
final class AdminPeopleEndpoints {

    /** The largest CSV file taken (about 10,000 people). */
    static final long MAX_CSV_BYTES = 2L * 1024 * 1024;
    /** The columns the header of a CSV import must name. */
    static final List<String> COLUMNS = List.of("identifier", "email", "givenName", "familyName", "establishment",
            "roles", "groups");

    private static final Pattern VALUES = Pattern.compile("[|\\s]+");
    private static final CsvMapper CSV = new CsvMapper();

    private final Endpoints.Shared shared;

    AdminPeopleEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/admin/people", guarded.apply(this::search));
        host.routes.post(GuichetHttpApi.BASE + "/admin/people", guarded.apply(this::create));
        host.routes.post(GuichetHttpApi.BASE + "/admin/people/import", guarded.apply(this::importPeople));
        host.routes.get(GuichetHttpApi.BASE + "/admin/people/{identifier}", guarded.apply(this::view));
        host.routes.patch(GuichetHttpApi.BASE + "/admin/people/{identifier}", guarded.apply(this::change));
    }

    void search(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        Page<PersonView> page = shared.ticketing().administerPeople()
                .search(admin, ctx.queryParam("q"), ListParameters.pageRequest(ctx)).map(p -> view(p, Map.of()));
        shared.exchange().write(ctx, 200, new Views.PageView<>(page.items(), page.page(), page.size(),
                page.total(), page.totalExact()));
    }

    void view(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        write(ctx, 200, shared.ticketing().administerPeople().view(admin, identifier(ctx)));
    }

    void create(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        PersonBody body = shared.exchange().json(ctx, PersonBody.class);
        PersonSheet sheet = shared.ticketing().administerPeople().create(admin, body.form());
        ctx.header("Location", GuichetHttpApi.BASE + "/admin/people/"
                + URLEncoder.encode(sheet.person().id().value(), StandardCharsets.UTF_8).replace("+", "%20"));
        write(ctx, 201, sheet);
    }

    void change(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        PersonId id = identifier(ctx);
        PersonBody body = shared.exchange().json(ctx, PersonBody.class);
        write(ctx, 200, shared.ticketing().administerPeople().update(admin, id, body.form(),
                Exchange.ifMatchFingerprint(ctx)));
    }

    void importPeople(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("text/csv")) {
            throw new DomainError(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "body.media_type", "body",
                    "Le fichier doit être au format CSV (text/csv).").exception();
        }
        List<ImportReport.Row> rows = rows(text(ctx));
        ImportReport report = shared.ticketing().administerPeople().importPeople(admin, rows);
        shared.exchange().write(ctx, 200, ImportView.of(report));
    }

    private void write(Context ctx, int status, PersonSheet sheet) {
        Map<String, String> readOnly = new LinkedHashMap<>();
        sheet.readOnly().forEach((field, reason) -> readOnly.put(field.fieldName(), reason));
        shared.exchange().writeTagged(ctx, status, sheet.snapshot(), view(sheet.person(), readOnly));
    }

    private static PersonView view(Person p, Map<String, String> readOnly) {
        return new PersonView(p.id().value(), p.email().value(), p.name().given(), p.name().family(),
                p.name().display(), p.establishmentCode().map(Uai::value).orElse(null),
                p.roles().stream().map(Role::name).sorted().toList(),
                p.groups().stream().map(GroupCode::value).sorted().toList(), p.active(), readOnly);
    }

    static PersonId identifier(Context ctx) {
        try {
            return PersonId.of(ctx.pathParam("identifier"));
        } catch (TicketingException notAnIdentifier) {
            throw TicketingException.notFound("person.not_found", "Cette personne est introuvable.");
        }
    }

    /** The body as UTF-8 text without its BOM, refused past {@link #MAX_CSV_BYTES} or when not UTF-8. */
    private static String text(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_CSV_BYTES) {
            throw Problems.tooLarge(MAX_CSV_BYTES);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) MAX_CSV_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_CSV_BYTES) {
            throw Problems.tooLarge(MAX_CSV_BYTES);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw DomainError.invalid("file", "import.encoding",
                    "Le fichier doit être encodé en UTF-8 (enregistrez-le en « CSV UTF-8 »).").exception();
        }
    }

    /** The rows of a CSV file with its header, numbered as a spreadsheet numbers them (the header is row 1). */
    static List<ImportReport.Row> rows(String text) {
        String header = text.lines().findFirst().orElse("");
        char separator = header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw DomainError.invalid("file", "import.unreadable",
                    "Le fichier CSV est illisible (guillemets mal fermés ?) à partir de la ligne "
                            + (records.size() + 1) + ".").exception();
        }
        if (records.isEmpty()) {
            throw DomainError.invalid("file", "import.empty", "Le fichier est vide : il faut au moins la ligne "
                    + "d'en-tête " + String.join(";", COLUMNS) + ".").exception();
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        String[] names = records.get(0);
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            throw DomainError.invalid("file", "import.header", "La première ligne doit nommer les colonnes "
                    + String.join(";", COLUMNS) + " ; il manque : " + String.join(", ", missing) + ".")
                    .exception();
        }
        List<ImportReport.Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            String[] cells = records.get(r);
            if (Arrays.stream(cells).allMatch(String::isBlank)) {
                continue;
            }
            rows.add(new ImportReport.Row(r + 1, new PersonForm(cell(cells, index, "identifier"),
                    cell(cells, index, "email"), cell(cells, index, "givenName"), cell(cells, index, "familyName"),
                    cell(cells, index, "establishment"), values(cell(cells, index, "roles")),
                    values(cell(cells, index, "groups")), null)));
        }
        return rows;
    }

    private static String cell(String[] cells, Map<String, Integer> index, String column) {
        int i = index.get(column.toLowerCase(Locale.ROOT));
        return i < cells.length ? cells[i] : "";
    }

    private static List<String> values(String cell) {
        return VALUES.splitAsStream(cell.strip()).filter(v -> !v.isEmpty()).toList();
    }

    /**
     * A person to create (every field but {@code active}) or the fields to change (a missing one is left as it is;
     * an empty establishment removes it).
     */
    record PersonBody(String identifier, String email, String givenName, String familyName, String establishment,
            List<String> roles, List<String> groups, Boolean active) {

        PersonForm form() {
            return new PersonForm(identifier, email, givenName, familyName, establishment, roles, groups, active);
        }
    }

    /**
     * A person as administrators see them: roles by name (REQUESTER, AGENT, SPECIALIST, ADMIN), groups by code, and
     * the fields Guichet cannot change with the French reason (empty in lists).
     */
    record PersonView(String identifier, String email, String givenName, String familyName, String displayName,
            String establishment, List<String> roles, List<String> groups, boolean active,
            Map<String, String> readOnly) {
    }

    /** What an import did: how many lines of each outcome, and each line. */
    record ImportView(long created, long updated, long unchanged, long refused, List<LineView> lines) {

        static ImportView of(ImportReport report) {
            return new ImportView(report.count(ImportReport.Outcome.CREATED),
                    report.count(ImportReport.Outcome.UPDATED), report.count(ImportReport.Outcome.UNCHANGED),
                    report.count(ImportReport.Outcome.REFUSED), report.lines().stream().map(l -> new LineView(
                            l.number(), l.identifier(), l.outcome().name(), l.errors().stream()
                                    .map(e -> new ErrorView(e.field(), e.code(), e.message())).toList())).toList());
        }
    }

    /** One line of an import: its row number (the header is 1), identifier, outcome and refusals. */
    record LineView(int line, String identifier, String outcome, List<ErrorView> errors) {
    }

    /** One refusal of a line: the field, a stable code and the French message. */
    record ErrorView(String field, String code, String message) {
    }
}
