package fr.guichet.http;

import fr.guichet.core.application.ImportReport;
import fr.guichet.core.application.PersonForm;
import fr.guichet.core.application.PersonSheet;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
        List<ImportReport.Row> rows = CsvRecords.read(CsvRecords.body(ctx, MAX_CSV_BYTES), COLUMNS,
                AdminPeopleEndpoints::row);
        ImportReport report = shared.ticketing().administerPeople().importPeople(admin, rows);
        if (report.stopped().isPresent()) {
            throw report.stopped().get().exception();
        }
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

    /** The rows of a CSV file with its header, numbered as a spreadsheet numbers them (the header is row 1). */
    static List<ImportReport.Row> rows(String text) {
        return CsvRecords.read(text, COLUMNS, AdminPeopleEndpoints::row);
    }

    private static ImportReport.Row row(CsvRecords.Record r) {
        return new ImportReport.Row(r.number(), new PersonForm(r.cell("identifier"), r.cell("email"),
                r.cell("givenName"), r.cell("familyName"), r.cell("establishment"), values(r.cell("roles")),
                values(r.cell("groups")), null));
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
