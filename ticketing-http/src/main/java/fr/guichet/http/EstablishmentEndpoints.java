package fr.guichet.http;

import fr.guichet.core.application.EstablishmentRow;
import fr.guichet.core.application.ImportReport;
import fr.guichet.core.domain.establishment.DepartmentNames;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Person;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.Reader;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The handlers of the directory of establishments (HTTP-API.md, "The académie's figures"): its search and its
 * départements, for anyone signed in, and the import of the national directory's CSV export ("Annuaire de
 * l'éducation", {@link #COLUMNS} among its columns, the others ignored), for administrators, answered with its counts
 * and its refused lines.
 */
final class EstablishmentEndpoints {

    /** The largest file taken: the whole national directory with all its columns fits within it. */
    static final long MAX_CSV_BYTES = 64L * 1024 * 1024;
    static final String UAI = "Identifiant_de_l_etablissement";
    static final String NAME = "Nom_etablissement";
    static final String KIND = "Type_etablissement";
    static final String COMMUNE = "Nom_commune";
    static final String DEPARTMENT = "Code_departement";
    /** The columns the national directory's export must name. */
    static final List<String> COLUMNS = List.of(UAI, NAME, KIND, COMMUNE, DEPARTMENT);

    private final Endpoints.Shared shared;

    EstablishmentEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded, UnaryOperator<Handler> adminGuarded) {
        host.routes.get(GuichetHttpApi.BASE + "/establishments", guarded.apply(this::search));
        host.routes.get(GuichetHttpApi.BASE + "/establishments/departments", guarded.apply(this::departments));
        host.routes.post(GuichetHttpApi.BASE + "/admin/establishments/import", adminGuarded.apply(this::importFile));
    }

    void search(Context ctx) {
        Person who = shared.sessions().require(ctx);
        shared.exchange().write(ctx, 200, shared.ticketing().manageEstablishments().search(who, ctx.queryParam("q"))
                .stream().map(EstablishmentView::of).toList());
    }

    void departments(Context ctx) {
        shared.sessions().require(ctx);
        shared.exchange().write(ctx, 200, shared.ticketing().manageEstablishments().departments().stream()
                .map(d -> new DepartmentView(d.code(), DepartmentNames.label(d))).toList());
    }

    void importFile(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        List<EstablishmentRow> rows = rows(CsvRecords.body(ctx, MAX_CSV_BYTES));
        ImportReport report = shared.ticketing().manageEstablishments().importEstablishments(admin, rows);
        if (report.stopped().isPresent()) {
            throw report.stopped().get().exception();
        }
        shared.exchange().write(ctx, 200, ImportView.of(report));
    }

    /** The lines of the national directory's export, each with its number (the header is 1). */
    static List<EstablishmentRow> rows(Reader csv) {
        return CsvRecords.read(csv, COLUMNS, r -> new EstablishmentRow(r.number(), r.cell(UAI), r.cell(NAME),
                r.cell(KIND), r.cell(COMMUNE), r.cell(DEPARTMENT)));
    }

    /** An establishment as clients see it; {@code kind} and {@code commune} null when unknown. */
    record EstablishmentView(String uai, String name, String kind, String commune, String department) {

        static EstablishmentView of(Establishment e) {
            return new EstablishmentView(e.uai().value(), e.name(), e.kind(), e.commune(), e.department().code());
        }
    }

    /** A département of the directory: its code, which the lists' {@code department} filter takes, and its name. */
    record DepartmentView(String code, String label) {
    }

    /** What an import did: how many lines were added, updated, left unchanged and refused, and the refused lines. */
    record ImportView(long added, long updated, long unchanged, long refused, List<LineView> lines) {

        static ImportView of(ImportReport report) {
            return new ImportView(report.count(ImportReport.Outcome.CREATED),
                    report.count(ImportReport.Outcome.UPDATED), report.count(ImportReport.Outcome.UNCHANGED),
                    report.count(ImportReport.Outcome.REFUSED), report.lines().stream()
                            .filter(l -> l.outcome() == ImportReport.Outcome.REFUSED)
                            .map(l -> new LineView(l.number(), l.identifier(), l.errors().stream()
                                    .map(e -> new AdminPeopleEndpoints.ErrorView(e.field(), e.code(), e.message()))
                                    .toList())).toList());
        }
    }

    /** A refused line: its number (the header is 1), the UAI it gave and why it was refused, in French. */
    record LineView(int line, String uai, List<AdminPeopleEndpoints.ErrorView> errors) {
    }
}
