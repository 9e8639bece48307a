package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.LastActivity;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.request.ServiceLevel;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.port.StatisticsQuery;
import fr.guichet.core.port.StatisticsRow;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.EstablishmentFixtures;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.InMemoryRequestStatistics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RequestStatistics} promises: its figures are those a recount in Java finds on the same requests,
 * whatever the grouping. Each example stores about 60 requests generated from a seed under a subject tree of its own
 * (the query keeps to it, other tests' requests being in the same store): filed in and around one school year, near
 * month ends in Paris time too, in any status, resolved, answered and due at any time or not, from establishments in
 * the directory, outside it or none, some with a satisfaction answer. All but one of its subjects are in the store's
 * catalog while it is counted ({@link #whileCatalogued}), so that a store may look keys up in its catalog but must
 * count a subject the catalog lacks as well.
 */
public abstract class RequestStatisticsContract {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SchoolYear YEAR = new SchoolYear(2041);
    private static final Instant NOW = YEAR.end(PARIS).plus(Duration.ofDays(20));
    private static final double SECONDS_TOLERANCE = 1e-3;

    protected abstract UnitOfWork unitOfWork();

    protected abstract RequestRepository requests();

    protected abstract RequestStatistics statistics();

    protected abstract EstablishmentDirectory establishments();

    /** Records that the requester of {@code number} answered the satisfaction survey with {@code score}. */
    protected abstract void answerSurvey(RequestNumber number, int score);

    /**
     * Runs {@code check} while {@code subjects} (each with its parent) are in the store's subject catalog, if it has one
     * of its own, and takes them out after.
     */
    protected void whileCatalogued(List<SubjectCode> subjects, Runnable check) {
        check.run();
    }

    protected <T> T tx(Supplier<T> work) {
        return unitOfWork().inTransaction(work);
    }

    @Test
    public void the_figures_are_those_of_a_recount_in_java_whatever_the_grouping() {
        qt().withExamples(6).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            Example example = store(new Random(seed));
            whileCatalogued(example.catalogued(), () -> {
                for (StatisticsGrouping by : StatisticsGrouping.values()) {
                    for (int limit : List.of(100, 2)) {
                        StatisticsQuery query = example.query(by, limit);
                        assertSameFigures(example.recount(query), tx(() -> statistics().figures(query)),
                                () -> "seed " + seed + ", by " + by + ", limit " + limit);
                    }
                }
            });
        });
    }

    @Test
    public void a_period_without_requests_has_no_rows() {
        SubjectCode nowhere = SubjectCode.parse(freshPrefix() + "-1");
        StatisticsQuery query = new StatisticsQuery(YEAR.start(PARIS), YEAR.end(PARIS), PARIS,
                StatisticsGrouping.SUBJECT, nowhere, List.of(), NOW, 100);
        assertTrue(tx(() -> statistics().figures(query)).isEmpty());
    }

    private static void assertSameFigures(List<StatisticsRow> expected, List<StatisticsRow> got,
            Supplier<String> what) {
        assertEquals(expected.stream().map(StatisticsRow::key).toList(), got.stream().map(StatisticsRow::key).toList(),
                what);
        for (int i = 0; i < expected.size(); i++) {
            StatisticsRow e = expected.get(i);
            StatisticsRow g = got.get(i);
            Supplier<String> row = () -> what.get() + ", row " + e.key() + ": " + g;
            assertEquals(List.of(e.filed(), e.resolved(), e.open(), e.satisfactionAnswers(), e.satisfactionScoreSum(),
                    e.breaches()), List.of(g.filed(), g.resolved(), g.open(), g.satisfactionAnswers(),
                    g.satisfactionScoreSum(), g.breaches()), row);
            assertClose(e.medianFirstAnswerSeconds(), g.medianFirstAnswerSeconds(), row);
            assertClose(e.medianResolutionSeconds(), g.medianResolutionSeconds(), row);
        }
    }

    private static void assertClose(Double expected, Double got, Supplier<String> what) {
        if (expected == null || got == null) {
            assertEquals(expected, got, what);
        } else {
            assertEquals(expected, got, SECONDS_TOLERANCE, what);
        }
    }

    private static String freshPrefix() {
        return "S" + Long.toString(Math.abs(new Random().nextLong() % 1_000_000_000_000L), 36).toUpperCase();
    }

    /** One example's requests, the establishments they name and the scores of those answered. */
    private record Example(SubjectCode root, List<SubjectCode> subjects, List<SubjectCode> rollUps,
            List<Request> stored, Map<Uai, Establishment> directory, Map<RequestNumber, Integer> scores) {

        /** Its subjects but the last, a leaf. */
        List<SubjectCode> catalogued() {
            return subjects.subList(0, subjects.size() - 1);
        }

        StatisticsQuery query(StatisticsGrouping by, int limit) {
            return new StatisticsQuery(YEAR.start(PARIS), YEAR.end(PARIS), PARIS, by, root, rollUps, NOW, limit);
        }

        List<StatisticsRow> recount(StatisticsQuery query) {
            return InMemoryRequestStatistics.recount(query, stored, directory,
                    n -> Optional.ofNullable(scores.get(n)));
        }
    }

    private Example store(Random random) {
        String prefix = freshPrefix();
        SubjectCode root = SubjectCode.parse(prefix + "-1");
        List<SubjectCode> subjects = List.of(root, SubjectCode.parse(prefix + "-1.1"),
                SubjectCode.parse(prefix + "-1.2"), SubjectCode.parse(prefix + "-1.2.3"),
                SubjectCode.parse(prefix + "-1.3"));
        List<Establishment> known = List.of(EstablishmentFixtures.establishment("Collège A", "Collège", "Melun", "77"),
                EstablishmentFixtures.establishment("Lycée B", "Lycée", "Bobigny", "93"),
                EstablishmentFixtures.establishment("École C", "École", "Créteil", "94"),
                EstablishmentFixtures.establishment("Collège D", "Collège", "Meaux", "77"));
        tx(() -> {
            establishments().saveAll(known);
            return null;
        });
        Map<Uai, Establishment> directory = new HashMap<>();
        known.forEach(e -> directory.put(e.uai(), e));
        List<Uai> uais = new ArrayList<>(directory.keySet());
        uais.add(EstablishmentFixtures.newUai());
        List<GroupCode> groups = List.of(Fixtures.newGroup().code(), Fixtures.newGroup().code());
        Person requester = Fixtures.newRequester();
        List<Request> stored = new ArrayList<>();
        Map<RequestNumber, Integer> scores = new HashMap<>();
        int count = 40 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            Request r = tx(() -> {
                Request request = request(random, requests().nextNumber(), requester,
                        subjects.get(random.nextInt(subjects.size())),
                        random.nextInt(6) == 0 ? null : uais.get(random.nextInt(uais.size())),
                        groups.get(random.nextInt(groups.size())));
                requests().add(request);
                return request;
            });
            stored.add(r);
            if (!r.summaryLine().status().isOpen() && random.nextInt(3) > 0) {
                int score = 1 + random.nextInt(5);
                tx(() -> {
                    answerSurvey(r.summaryLine().number(), score);
                    return null;
                });
                scores.put(r.summaryLine().number(), score);
            }
        }
        return new Example(root, subjects, subjects.subList(1, 3), stored, directory, scores);
    }

    private static Request request(Random random, RequestNumber number, Person requester, SubjectCode subject,
            Uai establishment, GroupCode group) {
        Instant filed = filedAt(random);
        Status status = Status.values()[random.nextInt(Status.values().length)];
        Instant resolved = status.isOpen() ? null : later(random, filed);
        ServiceLevel level = new ServiceLevel(random.nextBoolean() ? later(random, filed) : null,
                random.nextBoolean() ? later(random, filed) : null, random.nextBoolean() ? later(random, filed) : null);
        Instant updated = resolved != null ? resolved : filed;
        RequestSummary line = new RequestSummary(number, new Summary("Chiffres " + number.display()), subject, "USAGE",
                status, Visibility.PRIVATE, filed, updated, establishment, requester.ref(), group, null,
                LastActivity.ofRequester(requester.id(), updated), false, level);
        return Request.restore(line, new Description("Pour les chiffres"), resolved, 1, null, null, List.of(),
                List.of(), List.of());
    }

    /** An instant in or around the school year, often within an hour of a month's end in Paris time. */
    private static Instant filedAt(Random random) {
        Instant start = YEAR.start(PARIS).minus(Duration.ofDays(20));
        if (random.nextInt(3) == 0) {
            Instant monthEnd = YEAR.firstDay().plusMonths(random.nextInt(12)).atStartOfDay(PARIS).toInstant();
            return monthEnd.plus(random.nextInt(7_200) - 3_600, ChronoUnit.SECONDS)
                    .plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
        }
        long span = Duration.ofDays(405).toSeconds();
        return start.plusSeconds((long) (random.nextDouble() * span)).plus(random.nextInt(1_000_000),
                ChronoUnit.MICROS);
    }

    /** An instant from a few minutes to about 40 days after {@code at}, to the microsecond. */
    private static Instant later(Random random, Instant at) {
        return at.plusSeconds(60 + (long) (random.nextDouble() * Duration.ofDays(40).toSeconds()))
                .plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
    }
}
