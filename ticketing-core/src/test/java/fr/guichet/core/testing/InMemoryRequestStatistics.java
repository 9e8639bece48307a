package fr.guichet.core.testing;

import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.port.StatisticsQuery;
import fr.guichet.core.port.StatisticsRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Figures computed in Java from the requests in memory: the recount the databases' figures are checked against.
 * Satisfaction scores come from {@code scores} (empty: no answer).
 */
public final class InMemoryRequestStatistics implements RequestStatistics {

    private final InMemoryDatabase db;
    private final Function<RequestNumber, Optional<Integer>> scores;

    public InMemoryRequestStatistics(InMemoryDatabase db, Function<RequestNumber, Optional<Integer>> scores) {
        this.db = db;
        this.scores = scores;
    }

    @Override
    public List<StatisticsRow> figures(StatisticsQuery query) {
        return db.read(s -> recount(query, s.requests.values(), s.establishments, scores));
    }

    /**
     * The figures of {@code query} over {@code requests}, the départements read from {@code establishments} and the
     * satisfaction scores from {@code scores}.
     */
    public static List<StatisticsRow> recount(StatisticsQuery query, Collection<Request> requests,
            Map<Uai, Establishment> establishments, Function<RequestNumber, Optional<Integer>> scores) {
        Map<String, List<Request>> byKey = requests.stream().filter(r -> counts(query, r.summaryLine()))
                .collect(Collectors.groupingBy(r -> key(query, r.summaryLine(), establishments), LinkedHashMap::new,
                        Collectors.toList()));
        Comparator<StatisticsRow> order = query.by() == StatisticsGrouping.MONTH
                ? Comparator.comparing(StatisticsRow::key)
                : Comparator.comparingLong(StatisticsRow::filed).reversed().thenComparing(StatisticsRow::key);
        return byKey.entrySet().stream().map(e -> row(query, e.getKey(), e.getValue(), scores)).sorted(order)
                .limit(query.limit()).toList();
    }

    private static boolean counts(StatisticsQuery q, RequestSummary r) {
        return !r.submittedAt().isBefore(q.from()) && r.submittedAt().isBefore(q.before())
                && (q.within() == null || r.subject().isWithin(q.within()));
    }

    private static String key(StatisticsQuery q, RequestSummary r, Map<Uai, Establishment> establishments) {
        return switch (q.by()) {
            case MONTH -> q.monthKey(r.submittedAt());
            case SUBJECT -> q.subjectKey(r.subject());
            case ESTABLISHMENT -> r.establishment() == null ? "" : r.establishment().value();
            case DEPARTMENT -> Optional.ofNullable(r.establishment()).map(establishments::get)
                    .map(e -> e.department().code()).orElse("");
            case GROUP -> r.assignedGroup().value();
        };
    }

    private static StatisticsRow row(StatisticsQuery q, String key, List<Request> requests,
            Function<RequestNumber, Optional<Integer>> scores) {
        long open = requests.stream().filter(r -> r.summaryLine().status().isOpen()).count();
        List<Integer> answers = requests.stream().map(r -> scores.apply(r.summaryLine().number()))
                .flatMap(Optional::stream).toList();
        return new StatisticsRow(key, requests.size(), requests.size() - open, open,
                median(requests.stream().map(r -> seconds(r.summaryLine().submittedAt(),
                        r.summaryLine().serviceLevel().firstAnswerAt())).filter(Objects::nonNull).toList()),
                median(requests.stream().filter(r -> !r.summaryLine().status().isOpen())
                        .map(r -> seconds(r.summaryLine().submittedAt(), r.resolvedAt())).filter(Objects::nonNull)
                        .toList()),
                answers.size(), answers.stream().mapToLong(Integer::longValue).sum(),
                requests.stream().filter(r -> r.breached(q.now())).count());
    }

    private static Double seconds(Instant from, Instant to) {
        if (to == null) {
            return null;
        }
        Duration d = Duration.between(from, to);
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** The median of {@code values}, halfway between the two middle ones for an even count; null for none. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
