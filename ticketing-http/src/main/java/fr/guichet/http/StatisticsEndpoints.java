package fr.guichet.http;

import fr.guichet.core.application.Figures;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.StatisticsGrouping;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The académie's figures (HTTP-API.md, "The académie's figures"), staff and administrators only:
 * {@code GET /api/v1/stats?from=&to=&by=&subject=} as JSON and {@code GET /api/v1/stats.csv} with the same parameters
 * as a spreadsheet. {@code from} and {@code to} are days ({@code 2026-09-01}), both included, the current school year
 * when absent; {@code by} is {@code month} (default), {@code subject}, {@code establishment}, {@code department} or
 * {@code group}; {@code subject} keeps the requests on that subject and below, and grouped by subject gives one line
 * per child of it, everything below each child counted with it (one line per root of the catalog without it).
 */
final class StatisticsEndpoints {

    /** The name of each grouping's column in the CSV, by grouping. */
    private static final Map<StatisticsGrouping, String> KEY_COLUMNS = Map.of(StatisticsGrouping.MONTH, "Mois",
            StatisticsGrouping.SUBJECT, "Sujet", StatisticsGrouping.ESTABLISHMENT, "Établissement",
            StatisticsGrouping.DEPARTMENT, "Département", StatisticsGrouping.GROUP, "Groupe de support");
    /** The words of the file names, by grouping. */
    private static final Map<StatisticsGrouping, String> FILE_WORDS = Map.of(StatisticsGrouping.MONTH, "mois",
            StatisticsGrouping.SUBJECT, "sujet", StatisticsGrouping.ESTABLISHMENT, "etablissement",
            StatisticsGrouping.DEPARTMENT, "departement", StatisticsGrouping.GROUP, "groupe");

    private final Endpoints.Shared shared;

    StatisticsEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/stats", guarded.apply(this::json));
        host.routes.get(GuichetHttpApi.BASE + "/stats.csv", guarded.apply(this::csv));
    }

    void json(Context ctx) {
        shared.exchange().write(ctx, 200, view(figures(ctx)));
    }

    void csv(Context ctx) {
        Figures f = figures(ctx);
        List<String> columns = List.of(KEY_COLUMNS.get(f.by()), "Demandes déposées", "Résolues", "En cours",
                "Délai médian de première réponse (heures)", "Délai médian de résolution (heures)",
                "Réponses à l'enquête de satisfaction", "Satisfaction moyenne (sur 5)", "Hors délai");
        ExportEndpoints.CsvResponse csv = new ExportEndpoints.CsvResponse(ctx, "statistiques-par-"
                + FILE_WORDS.get(f.by()) + "-du-" + f.from() + "-au-" + f.to() + ".csv", columns);
        csv.rows(f.rows().stream().map(StatisticsEndpoints::cells).toList());
        csv.finish();
    }

    private Figures figures(Context ctx) {
        Person person = shared.sessions().require(ctx);
        Validation v = new Validation();
        LocalDate from = v.check(() -> day(ctx.queryParam("from"), "from"));
        LocalDate to = v.check(() -> day(ctx.queryParam("to"), "to"));
        StatisticsGrouping by = v.check(() -> grouping(ctx.queryParam("by")));
        SubjectCode subject = v.check(() -> blank(ctx.queryParam("subject")) ? null
                : SubjectCode.parse(ctx.queryParam("subject")));
        v.throwIfInvalid();
        return shared.ticketing().computeStatistics().compute(person, from, to, by, subject);
    }

    private static List<String> cells(Figures.Line l) {
        List<String> cells = new ArrayList<>(List.of(l.label(), Long.toString(l.filed()), Long.toString(l.resolved()),
                Long.toString(l.open())));
        cells.add(decimal(l.medianFirstAnswerHours()));
        cells.add(decimal(l.medianResolutionHours()));
        cells.add(Long.toString(l.satisfactionAnswers()));
        cells.add(decimal(l.satisfactionAverage()));
        cells.add(Long.toString(l.breaches()));
        return cells;
    }

    /** A decimal as French spreadsheets read it, « 12,5 »; empty for none. */
    private static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.FRENCH, "%.1f", value);
    }

    private static FiguresView view(Figures f) {
        return new FiguresView(f.from().toString(), f.to().toString(), f.by().name().toLowerCase(Locale.ROOT),
                f.within() == null ? null : f.within().value(), f.truncated(), f.rows().stream()
                        .map(l -> new LineView(l.key(), l.label(), l.filed(), l.resolved(), l.open(),
                                l.medianFirstAnswerHours(), l.medianResolutionHours(),
                                new SatisfactionView(l.satisfactionAnswers(), l.satisfactionAverage()), l.breaches()))
                        .toList());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate day(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainError.invalid(field, field + ".invalid", "La date doit s'écrire AAAA-MM-JJ (par exemple "
                    + "2026-09-01).").exception();
        }
    }

    private static StatisticsGrouping grouping(String value) {
        if (blank(value)) {
            return StatisticsGrouping.MONTH;
        }
        for (StatisticsGrouping g : StatisticsGrouping.values()) {
            if (g.name().equalsIgnoreCase(value.strip())) {
                return g;
            }
        }
        throw DomainError.invalid("by", "by.unknown",
                "Le regroupement doit être month, subject, establishment, department ou group.").exception();
    }

    /**
     * The figures of a period: its days, grouping, the subject it keeps to (null: all), whether lines were left out
     * beyond the most filed, and its lines.
     */
    record FiguresView(String from, String to, String by, String subject, boolean truncated, List<LineView> rows) {
    }

    /** One line of the figures; medians in hours, null when nothing was measured. */
    record LineView(String key, String label, long filed, long resolved, long open, Double medianFirstAnswerHours,
            Double medianResolutionHours, SatisfactionView satisfaction, long breaches) {
    }

    /** How many answered the satisfaction survey, and their average score out of 5 (null when none did). */
    record SatisfactionView(long answers, Double average) {
    }
}
