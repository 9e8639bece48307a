package fr.guichet.core.port;

import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which figures to compute: those of the requests filed from {@code from} (inclusive) to {@code before} (exclusive),
 * only those on {@code within} or below it when not null, grouped {@code by}; a breach is counted as it stands at
 * {@code now}. Grouped by subject, a request counts under the first of {@code rollUps} it lies within (itself or
 * below), or under its own code when none holds it. At most {@code limit} rows. Immutable.
 */
public record StatisticsQuery(Instant from, Instant before, ZoneId zone, StatisticsGrouping by, SubjectCode within,
        List<SubjectCode> rollUps, Instant now, int limit) {

    public StatisticsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(now, "now");
        if (!from.isBefore(before)) {
            throw new IllegalArgumentException("an empty period: " + from + " to " + before);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("at least one row: " + limit);
        }
        rollUps = List.copyOf(rollUps);
    }

    /** The months the period meets, in order, each with its key and where its part of the period starts. */
    public List<Month> months() {
        List<Month> months = new ArrayList<>();
        YearMonth last = YearMonth.from(before.minusNanos(1).atZone(zone));
        for (YearMonth m = YearMonth.from(from.atZone(zone)); !m.isAfter(last); m = m.plusMonths(1)) {
            Instant start = m.atDay(1).atStartOfDay(zone).toInstant();
            months.add(new Month(m.toString(), start.isBefore(from) ? from : start));
        }
        return months;
    }

    /** The key of the month a request filed at {@code submittedAt} is counted in. */
    public String monthKey(Instant submittedAt) {
        return YearMonth.from(submittedAt.atZone(zone)).toString();
    }

    /** The key a request on {@code subject} is counted under when grouped by subject. */
    public String subjectKey(SubjectCode subject) {
        return rollUps.stream().filter(subject::isWithin).findFirst().orElse(subject).value();
    }

    /** One month of the period: its key ({@code yyyy-MM}) and the instant its part of the period starts. */
    public record Month(String key, Instant start) {
    }
}
