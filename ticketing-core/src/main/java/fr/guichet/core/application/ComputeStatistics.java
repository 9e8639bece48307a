package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.DepartmentNames;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.port.StatisticsQuery;
import fr.guichet.core.port.StatisticsRow;
import fr.guichet.core.port.SubjectCatalogSource;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The académie's figures for staff and administrators: requests filed in a period of at most two school years (the
 * current school year by default), grouped by month, subject, establishment, département or support group, counted by
 * the store and named as people read them. Grouped by subject, each child of {@code within} (each root of the catalog
 * when null) counts with everything below it.
 */
public final class ComputeStatistics {

    /** The most lines one view of the figures holds. */
    public static final int MAX_ROWS = 500;
    /** The longest period, in days: two school years, a leap day included. */
    public static final long MAX_DAYS = 731;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private final UnitOfWork unitOfWork;
    private final RequestStatistics statistics;
    private final SubjectCatalogSource catalog;
    private final PersonDirectory people;
    private final EstablishmentDirectory establishments;
    private final Clock clock;
    private final ZoneId zone;

    ComputeStatistics(UnitOfWork unitOfWork, RequestStatistics statistics, SubjectCatalogSource catalog,
            PersonDirectory people, EstablishmentDirectory establishments, Clock clock, ZoneId zone) {
        this.unitOfWork = unitOfWork;
        this.statistics = statistics;
        this.catalog = catalog;
        this.people = people;
        this.establishments = establishments;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The figures {@code staff} asked for; {@code from} and {@code to} (days included) may be null for the current
     * school year's, {@code within} null for every subject. Refused to requesters; a period ending before it starts or
     * longer than {@link #MAX_DAYS} is refused naming the field {@code to}.
     */
    public Figures compute(Person staff, LocalDate from, LocalDate to, StatisticsGrouping by, SubjectCode within) {
        Access.requireStaff(staff);
        Objects.requireNonNull(by, "by");
        SchoolYear current = SchoolYear.of(clock.instant(), zone);
        LocalDate first = from != null ? from : current.firstDay();
        LocalDate last = to != null ? to : current.lastDay();
        if (last.isBefore(first)) {
            throw DomainError.invalid("to", "stats.period.reversed",
                    "La fin de la période doit suivre son début.").exception();
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw DomainError.invalid("to", "stats.period.too_long",
                    "La période est limitée à deux années scolaires (" + MAX_DAYS + " jours).").exception();
        }
        SubjectCatalog subjects = catalog.catalog();
        List<SubjectCode> rollUps = (within == null ? subjects.roots() : subjects.children(within)).stream()
                .map(Subject::code).toList();
        StatisticsQuery query = new StatisticsQuery(first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), zone, by, within, rollUps, clock.instant(),
                MAX_ROWS + 1);
        List<StatisticsRow> rows = unitOfWork.inTransaction(() -> statistics.figures(query));
        List<StatisticsRow> kept = rows.subList(0, Math.min(rows.size(), MAX_ROWS));
        Function<String, String> label = labels(by, kept, subjects);
        return new Figures(first, last, by, within, kept.stream().map(r -> line(r, label.apply(r.key()))).toList(),
                rows.size() > MAX_ROWS);
    }

    /**
     * How people read each key: names and labels, never a code alone; a subject the catalog no longer holds and a group
     * the directory no longer knows are said to be so, a school the directory lacks is named by its UAI in words.
     */
    private Function<String, String> labels(StatisticsGrouping by, List<StatisticsRow> rows, SubjectCatalog subjects) {
        return switch (by) {
            case MONTH -> key -> YearMonth.parse(key).format(MONTH);
            case SUBJECT -> key -> subjects.find(SubjectCode.parse(key)).map(Subject::label)
                    .orElse(Fallbacks.SUBJECT);
            case ESTABLISHMENT -> establishmentNames(rows);
            case DEPARTMENT -> key -> key.isEmpty() ? "Département inconnu"
                    : DepartmentNames.label(Department.parse(key));
            case GROUP -> {
                Map<String, String> groups = unitOfWork.inTransaction(() -> people.groups()).stream()
                        .collect(Collectors.toMap(g -> g.code().value(), SupportGroup::label, (a, b) -> a));
                yield key -> groups.getOrDefault(key, Fallbacks.GROUP);
            }
        };
    }

    private Function<String, String> establishmentNames(List<StatisticsRow> rows) {
        List<Uai> uais = rows.stream().map(StatisticsRow::key).filter(k -> !k.isEmpty()).map(Uai::new).toList();
        Map<Uai, Establishment> known = unitOfWork.inTransaction(() -> establishments.findAll(uais));
        return key -> key.isEmpty() ? "Sans établissement"
                : Optional.ofNullable(known.get(new Uai(key))).map(Establishment::name)
                        .orElse("Établissement non répertorié (UAI " + key + ")");
    }

    private static Figures.Line line(StatisticsRow r, String label) {
        return new Figures.Line(r.key(), label, r.filed(), r.resolved(), r.open(), hours(r.medianFirstAnswerSeconds()),
                hours(r.medianResolutionSeconds()), r.satisfactionAnswers(),
                r.satisfactionAnswers() == 0 ? null
                        : Math.round(10.0 * r.satisfactionScoreSum() / r.satisfactionAnswers()) / 10.0,
                r.breaches());
    }

    /** {@code seconds} in hours to a tenth, null when null. */
    private static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 360.0) / 10.0;
    }
}
