package fr.guichet.http;

import fr.guichet.core.application.NamedPerson;
import fr.guichet.core.application.RequestLine;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.StatusLabels;
import fr.guichet.core.domain.request.Visibility;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The CSV exports of lists (HTTP-API.md, "The académie's figures"): {@code GET /api/v1/requests.csv} takes the list's
 * parameters and access rules (a requester exports only their own requests, staff their queue or every request) and
 * writes each batch the core reads straight to the response, so that no export sits whole in memory.
 */
final class ExportEndpoints {

    /** The columns of a list's export, in French. */
    static final List<String> REQUEST_COLUMNS = List.of("Numéro", "Déposée le", "Objet", "Sujet", "Type", "Statut",
            "Visibilité", "Établissement", "Nom de l'établissement", "Demandeur", "Attribuée à",
            "Dernière mise à jour");

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Endpoints.Shared shared;
    private final ZoneId zone;

    ExportEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
        this.zone = shared.ticketing().settings().zone();
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/requests.csv", guarded.apply(this::requests));
    }

    void requests(Context ctx) {
        Person person = shared.sessions().require(ctx);
        ListParameters p = ListParameters.parse(ctx);
        ListParameters.Scope scope = p.scope() != null ? p.scope()
                : person.isStaff() ? ListParameters.Scope.QUEUE : ListParameters.Scope.MINE;
        LocalDate today = LocalDate.ofInstant(shared.ticketing().clock().instant(), zone);
        CsvResponse csv = new CsvResponse(ctx, switch (scope) {
            case MINE -> "mes-demandes-" + today + ".csv";
            case QUEUE -> "file-des-demandes-" + today + ".csv";
            case ALL -> "demandes-" + today + ".csv";
        }, REQUEST_COLUMNS);
        Actor reader = person.isStaff() ? Actor.STAFF : Actor.REQUESTER;
        if (scope == ListParameters.Scope.MINE) {
            shared.ticketing().listMyRequests().export(person, p.schoolYear(), p.words(),
                    lines -> csv.rows(lines.stream().map(l -> row(l, reader)).toList()));
        } else {
            shared.ticketing().listQueue().export(person, p.filter(scope == ListParameters.Scope.QUEUE, person),
                    lines -> csv.rows(lines.stream().map(l -> row(l, reader)).toList()));
        }
        csv.finish();
    }

    private List<String> row(RequestLine line, Actor reader) {
        RequestSummary r = line.request();
        NamedPerson assignee = line.assignee();
        return List.of(number(r.number()), time(r.submittedAt()), r.summary().value(), line.subjectDisplay(),
                line.typeLabel(), StatusLabels.french(r.status(), reader),
                r.visibility() == Visibility.PUBLIC ? "publique" : "privée",
                r.establishment() == null ? "" : r.establishment().value(),
                line.establishmentName() == null ? "" : line.establishmentName(), r.requester().name().display(),
                assignee == null ? "" : assignee.displayName(), time(r.updatedAt()));
    }

    /**
     * A request's number as the front writes it in a sentence, « n° 0022928 »: a spreadsheet reads it as text and keeps
     * its zeros, where it would turn 0022928 into the number 22928.
     */
    private static String number(RequestNumber number) {
        return "n° " + number.display();
    }

    private String time(Instant instant) {
        return DAY_AND_TIME.format(instant.atZone(zone));
    }

    /**
     * A CSV answer begun at its first line: until then a refusal (a requester asking for the queue, say) is still
     * answered as a problem, since nothing of the response has been sent.
     */
    static final class CsvResponse {

        private final Context ctx;
        private final String fileName;
        private final List<String> columns;
        private CsvWriter writer;

        CsvResponse(Context ctx, String fileName, List<String> columns) {
            this.ctx = ctx;
            this.fileName = fileName;
            this.columns = columns;
        }

        /** Writes {@code rows} and sends them on. */
        void rows(List<List<String>> rows) {
            CsvWriter out = started();
            rows.forEach(out::row);
            out.flush();
        }

        /** Ends the answer, which holds the column headers at least. */
        void finish() {
            started().flush();
        }

        private CsvWriter started() {
            if (writer == null) {
                ctx.disableCompression();
                ctx.status(200);
                ctx.contentType(CsvWriter.MEDIA_TYPE);
                ctx.header("Content-Disposition", ContentDisposition.attachment(fileName));
                writer = new CsvWriter(ctx.outputStream());
                writer.row(columns);
            }
            return writer;
        }
    }
}
