package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.LastActivity;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSearch;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestSort;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.InMemoryRequestRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What every {@link RequestRepository} promises of its lists: read one page after the other, or one batch after the
 * last request read ({@link RequestRepository#listAfter}), a list holds exactly the requests its query matches, in its
 * order, each once, and every page's total is their number up to the repository's cap, beyond it the cap as a lower
 * bound; its counts likewise. Each example stores up to 40 requests under fresh
 * requesters, groups, staff and a fresh word, then reads lists as the use cases ask for them (a requester's school
 * year, a staff queue, every request) with any filter, sort and page size, from a repository counting up to a cap
 * small enough to be passed or {@link Count#CAP}; the expected list is recounted from the generated requests alone.
 */
public abstract class RequestListingContract {

    private static final int EXAMPLES = 50;
    private static final int SHRINK_CYCLES = 100;
    private static final int PEOPLE = 3;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The school years requests are filed in, and one after them that holds none. */
    private static final List<SchoolYear> YEARS = List.of(new SchoolYear(2029), new SchoolYear(2030),
            new SchoolYear(2031), new SchoolYear(2032));
    /** Filing instants, few so that many requests share one: the edges of each school year and a busy morning. */
    private static final List<Instant> FILED_AT = YEARS.subList(0, 3).stream().flatMap(y -> {
        Instant start = y.start(PARIS);
        Instant busy = start.plus(Duration.ofDays(30)).plus(Duration.ofHours(10));
        return Stream.of(start.minus(1, ChronoUnit.MICROS), start, start.plus(1, ChronoUnit.MICROS), busy,
                busy.plus(1, ChronoUnit.MICROS), busy.plusSeconds(1), y.end(PARIS).minus(1, ChronoUnit.MICROS));
    }).distinct().toList();
    /** Statuses of stored requests, the new and assigned ones more often, as in a real queue. */
    private static final List<Status> STATUSES = List.of(Status.NEW, Status.NEW, Status.NEW, Status.ASSIGNED,
            Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING_FOR_REQUESTER, Status.RESOLVED, Status.CLOSED);
    private static final List<Duration> UPDATED_AFTER = List.of(Duration.ZERO, Duration.ZERO,
            Duration.of(1, ChronoUnit.MICROS), Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofDays(400));
    private static final List<SubjectCode> SUBJECTS = Stream.of("EVE-4", "EVE-4.2", "EVE-4.20", "EVE-4.2.1",
            "EVE-40", "MES-1", "MES-1.1").map(SubjectCode::parse).toList();
    private static final List<String> SUMMARIES = List.of("Imprimante HS", "Réseau lent", "RÉSEAU coupé",
            "Quota à 100%", "tâche_en_cours bloquée", "Accès à l'ENT", "mot de passe oublié");
    private static final List<String> DESCRIPTIONS = List.of("", "L'imprimante affiche 'erreur'",
            "Le réseau de l'élève", "100% des tâches_en_cours", "plus rien ne marche");
    private static final List<String> SEARCHED = List.of("imprimante", "IMPRIMANTE", "réseau", "RÉSEAU", "100%",
            "1%0", "tâches_en", "t_che", "ent", "passe", "'erreur'", "l'élève", "introuvable");

    protected abstract UnitOfWork unitOfWork();

    protected abstract RequestRepository requests();

    /** The same requests, from a repository whose lists and counts count up to {@code cap} ({@link Count}). */
    protected abstract RequestRepository requestsCountingUpTo(long cap);

    protected <T> T tx(Supplier<T> work) {
        return unitOfWork().inTransaction(work);
    }

    @Test
    public void a_list_read_page_after_page_holds_each_matching_request_once_in_order_with_its_total() {
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(lists().of(filings()).ofSizeBetween(0, 40), lists().of(lookups()).ofSizeBetween(1, 5),
                        Generate.pick(List.of(1L, 3L, 8L, Count.CAP)))
                .checkAssert((filings, lookups, cap) -> assertLookups(filings, lookups, cap, true));
    }

    /**
     * A staff search by words and nothing else, newest first, in a queue or among every request: read apart from the
     * rows where the index of words holds its words, the holders of one kept by those of the others a few at a time.
     */
    @Test
    public void a_search_by_several_words_alone_pages_exactly_however_many_requests_hold_each_word() {
        List<Integer> lettered = List.of(0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12);
        Gen<Lookup> searches = Generate.pick(List.of(Scope.QUEUE, Scope.ALL)).zip(integers().between(0, PEOPLE - 1),
                lists().of(integers().between(0, PEOPLE - 1)).ofSizeBetween(0, PEOPLE), (scope, person, groups) ->
                        new Whose(scope, person, groups, 0))
                .zip(lists().of(Generate.pick(lettered)).ofSizeBetween(1, 3), integers().between(1, 12),
                        (whose, words, size) -> new Lookup(whose, new Filters(Set.of(), -1, -1, -1,
                                new Narrowing(words, Set.of())), RequestSort.NEWEST, size));
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(lists().of(filings()).ofSizeBetween(0, 40), lists().of(searches).ofSizeBetween(1, 4),
                        Generate.pick(List.of(1L, 3L, 8L)))
                .checkAssert((filings, lookups, cap) -> assertLookups(filings, lookups, cap, false));
    }

    @Test
    public void a_queue_read_page_after_page_with_nothing_written_between_holds_each_request_once() {
        GroupCode group = Fixtures.newGroup().code();
        GroupCode elsewhere = Fixtures.newGroup().code();
        Person staff = Fixtures.newStaff(group);
        Person requester = Fixtures.newRequester();
        Instant at = FILED_AT.get(0);
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean theirs = i % 3 == 0;
            RequestNumber number = tx(() -> requests().nextNumber());
            Request r = Request.file(number, requester, Fixtures.seedDraft(), theirs ? elsewhere : group,
                    theirs ? staff.id() : null, List.of(), null, at.plusSeconds(i / 2));
            tx(() -> {
                requests().add(r);
                return null;
            });
            stored.add(Stored.of(r));
        }
        RequestQuery queue = RequestQuery.all().withQueueOf(new RequestQuery.QueueOf(staff.id(), Set.of(group)));
        for (int size : List.of(2, 3, 2, 5, 1)) {
            assertReadsExactly(requests(), Count.CAP, queue, size, stored);
            assertReadsExactly(requests(), Count.CAP, queue.withSort(RequestSort.OLDEST), size, stored);
        }
    }

    @Test
    public void a_whole_queue_in_order_of_filing_pages_each_request_once_deep_into_it_in_several_groups_or_none() {
        Fresh fresh = new Fresh();
        List<Stored> stored = new ArrayList<>();
        int filed = 0;
        for (Status status : Status.values()) {
            for (int group = 0; group < PEOPLE; group++) {
                for (int assignee = -1; assignee < 2; assignee++) {
                    Filing filing = new Filing(new Routing(0, group, assignee, status),
                            new Text(0, 0, 0, Visibility.PUBLIC), new Dates(filed++ % 3, 0, false, false));
                    stored.add(store(filing, fresh));
                }
            }
        }
        List<RequestQuery> queues = List.of(
                RequestQuery.all().withQueueOf(new RequestQuery.QueueOf(fresh.staff.get(0),
                        Set.of(fresh.groups.get(0), fresh.groups.get(1)))),
                RequestQuery.all().withQueueOf(new RequestQuery.QueueOf(fresh.staff.get(1), Set.of())));
        for (RequestQuery queue : queues) {
            for (RequestSort sort : List.of(RequestSort.NEWEST, RequestSort.OLDEST)) {
                for (int size : List.of(1, 4, 7)) {
                    assertReadsExactly(requests(), Count.CAP, queue.withSort(sort), size, stored);
                }
            }
        }
    }

    /**
     * Stores {@code filings}, then reads each of {@code lookups} page after page, and its counts when {@code counted},
     * from a repository counting up to {@code cap}.
     */
    private void assertLookups(List<Filing> filings, List<Lookup> lookups, long cap, boolean counted) {
        Fresh fresh = new Fresh();
        List<Stored> stored = filings.stream().map(f -> store(f, fresh)).toList();
        RequestRepository capped = requestsCountingUpTo(cap);
        for (Lookup lookup : lookups) {
            assertReadsExactly(capped, cap, lookup.query(fresh), lookup.pageSize(), stored);
            if (counted) {
                assertCounts(capped, cap, lookup.query(fresh), fresh.staff.get(lookup.whose().person()), stored);
            }
        }
    }

    private Stored store(Filing filing, Fresh fresh) {
        return tx(() -> {
            Request r = filing.request(requests().nextNumber(), fresh);
            requests().add(r);
            return Stored.of(r);
        });
    }

    private void assertReadsExactly(RequestRepository requests, long cap, RequestQuery query, int pageSize,
            List<Stored> stored) {
        List<RequestSummary> expected = stored.stream().filter(s -> matches(query, s)).map(Stored::line)
                .sorted(order(query.sort())).toList();
        int size = new PageRequest(1, pageSize).size();
        int pages = (expected.size() + size - 1) / size;
        List<RequestSummary> read = new ArrayList<>();
        for (int p = 1; p <= pages + 1; p++) {
            PageRequest page = new PageRequest(p, pageSize);
            Page<RequestSummary> got = tx(() -> requests.list(query, page));
            assertEquals(Count.upTo(query.countedUpTo(cap), expected.size()),
                    new Count(got.total(), got.totalExact()), () -> "total with " + page + " of " + query);
            read.addAll(got.items());
        }
        assertEquals(numbers(expected), numbers(read), () -> "pages of " + size + " of " + query);
        assertEquals(expected, read, () -> "lines of " + query);
        assertEquals(expected, readAfter(requests, query, pageSize), () -> "batches of " + pageSize + " of " + query);
    }

    /** The whole list of {@code query} read {@code limit} requests at a time, each batch after the last one read. */
    private List<RequestSummary> readAfter(RequestRepository requests, RequestQuery query, int limit) {
        List<RequestSummary> read = new ArrayList<>();
        List<RequestSummary> batch;
        do {
            RequestSummary last = read.isEmpty() ? null : read.get(read.size() - 1);
            batch = tx(() -> requests.listAfter(query, last, limit));
            read.addAll(batch);
        } while (batch.size() == limit);
        return read;
    }

    /**
     * The counts of a query are those of the requests it matches, recounted, whoever the staff member asking: exact
     * where the recount is, and otherwise lower bounds no greater than the recount (a flag counted among a status's
     * first requests only).
     */
    private void assertCounts(RequestRepository requests, long cap, RequestQuery query, PersonId me,
            List<Stored> stored) {
        List<RequestSummary> matching = stored.stream().filter(s -> matches(query, s)).map(Stored::line).toList();
        RequestCounts expected = InMemoryRequestRepository.counts(matching, me, cap);
        RequestCounts got = tx(() -> requests.count(query, me));
        Supplier<String> what = () -> "counts of " + query + " for " + me + " up to " + cap + ": " + got;
        for (Status s : Status.values()) {
            assertCount(expected.byStatus().get(s), got.byStatus().get(s), what);
        }
        assertCount(expected.unassigned(), got.unassigned(), what);
        assertCount(expected.awaitingStaff(), got.awaitingStaff(), what);
        assertCount(expected.mine(), got.mine(), what);
        assertCount(expected.reopened(), got.reopened(), what);
    }

    private static void assertCount(Count expected, Count got, Supplier<String> what) {
        if (expected.exact()) {
            assertEquals(expected, got, what);
        } else {
            assertFalse(got.exact(), what);
            assertTrue(got.value() <= expected.value(), what);
        }
    }

    private static List<Long> numbers(List<RequestSummary> lines) {
        return lines.stream().map(s -> s.number().value()).toList();
    }

    /** The recount: what {@link RequestQuery} says it keeps, request by request. */
    private static boolean matches(RequestQuery q, Stored s) {
        RequestSummary r = s.line();
        return (q.requester() == null || r.requester().id().equals(q.requester()))
                && (q.submittedFrom() == null || !r.submittedAt().isBefore(q.submittedFrom()))
                && (q.submittedBefore() == null || r.submittedAt().isBefore(q.submittedBefore()))
                && (q.statuses().isEmpty() || q.statuses().contains(r.status()))
                && (q.subject() == null || r.subject().equals(q.subject())
                        || r.subject().value().startsWith(q.subject().value() + "."))
                && (q.group() == null || r.assignedGroup().equals(q.group()))
                && (q.assignee() == null || q.assignee().equals(r.assignee()))
                && (q.queueOf() == null || q.queueOf().groups().contains(r.assignedGroup())
                        || q.queueOf().person().equals(r.assignee()))
                && q.only().stream().allMatch(only -> only.keeps(r))
                && RequestSearch.parse(q.words()).matches(s.request());
    }

    /** A stored request, and the line a list shows of it. */
    private record Stored(Request request) {
        static Stored of(Request r) {
            return new Stored(r);
        }

        RequestSummary line() {
            return request.summaryLine();
        }
    }

    /** Each order of {@link RequestSort}, total: equal dates are ordered by number. */
    private static Comparator<RequestSummary> order(RequestSort sort) {
        Comparator<RequestSummary> byNumber = Comparator.comparingLong(s -> s.number().value());
        return switch (sort) {
            case NEWEST -> Comparator.comparing(RequestSummary::submittedAt).thenComparing(byNumber).reversed();
            case OLDEST -> Comparator.comparing(RequestSummary::submittedAt).thenComparing(byNumber);
            case UPDATED -> Comparator.comparing(RequestSummary::updatedAt).thenComparing(byNumber).reversed();
            case UPDATED_LONGEST_AGO -> Comparator.comparing(RequestSummary::updatedAt).thenComparing(byNumber);
            case DUE -> Comparator.comparing((RequestSummary s) -> s.serviceLevel().nextDue(s.status()))
                    .thenComparing(byNumber);
        };
    }

    /** One example's requesters, groups, staff and word, which no other test or example uses. */
    private static final class Fresh {
        final List<Person> requesters = Stream.generate(Fixtures::newRequester).limit(PEOPLE).toList();
        final List<GroupCode> groups = Stream.generate(() -> Fixtures.newGroup().code()).limit(PEOPLE).toList();
        final List<PersonId> staff = groups.stream().map(g -> Fixtures.newStaff(g).id()).toList();
        final String word = "lot" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A request to store: its people, group, subject, texts and dates named by position among the example's fresh ones
     * and the constants above.
     */
    private record Filing(Routing routing, Text text, Dates dates) {

        Request request(RequestNumber number, Fresh fresh) {
            Person by = fresh.requesters.get(routing.requester());
            Instant submitted = FILED_AT.get(dates.filedAt());
            Instant updated = submitted.plus(UPDATED_AFTER.get(dates.updatedAfter()));
            RequestSummary line = new RequestSummary(number, new Summary(SUMMARIES.get(text.summary())),
                    SUBJECTS.get(text.subject()), "USAGE", routing.status(), text.visibility(), submitted, updated,
                    routing.requester() == PEOPLE - 1 ? null : by.establishment(), by.ref(),
                    fresh.groups.get(routing.group()),
                    routing.assignee() < 0 ? null : fresh.staff.get(routing.assignee()),
                    dates.staffActedLast() ? LastActivity.ofStaff(fresh.staff.get(routing.group()), updated)
                            : LastActivity.ofRequester(by.id(), updated), dates.reopened());
            return Request.restore(line, new Description(DESCRIPTIONS.get(text.description()) + "\n" + fresh.word),
                    routing.status().isOpen() ? null : updated, 1, null, null, List.of(), List.of(), List.of());
        }
    }

    /** Who filed it (the last requester has no establishment), where it is, with whom (none when negative). */
    private record Routing(int requester, int group, int assignee, Status status) {
    }

    private record Text(int subject, int summary, int description, Visibility visibility) {
    }

    /**
     * When it was filed and last updated, whether a staff member or its requester acted then, and whether it came back
     * from RESOLVED before.
     */
    private record Dates(int filedAt, int updatedAfter, boolean staffActedLast, boolean reopened) {
    }

    private static Gen<Filing> filings() {
        Gen<Routing> routings = Generate.pick(List.of(0, 0, 1, 2)).zip(Generate.pick(List.of(0, 0, 1, 2)),
                integers().between(-PEOPLE, PEOPLE - 1), Generate.pick(STATUSES), Routing::new);
        Gen<Text> texts = integers().between(0, SUBJECTS.size() - 1).zip(integers().between(0, SUMMARIES.size() - 1),
                integers().between(0, DESCRIPTIONS.size() - 1), Generate.enumValues(Visibility.class), Text::new);
        Gen<Dates> dates = integers().between(0, FILED_AT.size() - 1).zip(
                integers().between(0, UPDATED_AFTER.size() - 1), Generate.booleans(), sometimes(), Dates::new);
        return routings.zip(texts, dates, Filing::new);
    }

    /** Whose list: a requester's own of one school year, a staff member's queue, or every request. */
    private enum Scope { MINE, QUEUE, ALL }

    /**
     * A list to read as a use case asks for it, in any of the orders, and its page size (above the maximum, the
     * maximum). Every request's list is narrowed to the example's word, other tests' requests being in the same store.
     */
    private record Lookup(Whose whose, Filters filters, RequestSort sort, int pageSize) {

        RequestQuery query(Fresh fresh) {
            RequestQuery sorted = RequestQuery.all().withSort(sort);
            if (whose.scope() == Scope.MINE) {
                SchoolYear y = YEARS.get(whose.year());
                return sorted.withRequester(fresh.requesters.get(whose.person()).id())
                        .withSubmittedBetween(y.start(PARIS), y.end(PARIS));
            }
            List<String> words = new ArrayList<>(filters.narrowing().words().stream().map(SEARCHED::get).toList());
            if (whose.scope() == Scope.ALL) {
                words.add(0, fresh.word);
            }
            RequestQuery filtered = sorted.withStatuses(filters.statuses())
                    .withSubject(filters.subject() < 0 ? null : SUBJECTS.get(filters.subject()))
                    .withGroup(filters.group() < 0 ? null : fresh.groups.get(filters.group()))
                    .withAssignee(filters.assignee() < 0 ? null : fresh.staff.get(filters.assignee()))
                    .withWords(String.join(" ", words)).withOnly(filters.narrowing().only());
            return whose.scope() == Scope.ALL ? filtered : filtered.withQueueOf(new RequestQuery.QueueOf(
                    fresh.staff.get(whose.person()),
                    whose.queueGroups().stream().map(fresh.groups::get).collect(Collectors.toSet())));
        }
    }

    /**
     * The requester whose requests of {@code year} they are, or the staff member whose queue it is, with their
     * {@code queueGroups}.
     */
    private record Whose(Scope scope, int person, List<Integer> queueGroups, int year) {
    }

    /** A staff list's filters; subject, group and assignee named by position, none when negative. */
    private record Filters(Set<Status> statuses, int subject, int group, int assignee, Narrowing narrowing) {
    }

    /** The words searched, and what else the list is kept to. */
    private record Narrowing(List<Integer> words, Set<RequestQuery.Only> only) {
    }

    /** Lists to read; each filter is most often left out, so that lists are often long enough to page. */
    private static Gen<Lookup> lookups() {
        Gen<Whose> whose = Generate.pick(List.of(Scope.QUEUE, Scope.QUEUE, Scope.MINE, Scope.ALL))
                .zip(integers().between(0, PEOPLE - 1),
                        lists().of(integers().between(0, PEOPLE - 1)).ofSizeBetween(0, PEOPLE),
                        integers().between(0, YEARS.size() - 1), Whose::new);
        Gen<Set<Status>> statuses = lists().of(Generate.enumValues(Status.class)).ofSizeBetween(1, 3)
                .map(l -> (Set<Status>) EnumSet.copyOf(l)).toOptionals(65).map(o -> o.orElse(Set.of()));
        Gen<List<Integer>> words = lists().of(integers().between(0, SEARCHED.size() - 1)).ofSizeBetween(1, 2)
                .toOptionals(75).map(o -> o.orElse(List.of()));
        Gen<Set<RequestQuery.Only>> only = sometimes().zip(sometimes(), sometimes(), (unassigned, awaiting, reopened) -> {
            Set<RequestQuery.Only> kept = EnumSet.noneOf(RequestQuery.Only.class);
            if (unassigned) {
                kept.add(RequestQuery.Only.UNASSIGNED);
            }
            if (awaiting) {
                kept.add(RequestQuery.Only.AWAITING_STAFF);
            }
            if (reopened) {
                kept.add(RequestQuery.Only.REOPENED);
            }
            return kept;
        });
        Gen<Narrowing> narrowings = words.zip(only, Narrowing::new);
        Gen<Filters> filters = statuses.zip(oneOrNone(SUBJECTS.size()), oneOrNone(PEOPLE), oneOrNone(PEOPLE),
                narrowings, Filters::new);
        Gen<Integer> pageSizes = Generate.frequency(List.of(Pair.of(4, integers().between(1, 4)),
                Pair.of(3, integers().between(5, 12)), Pair.of(1, integers().between(13, 120))));
        return whose.zip(filters, Generate.enumValues(RequestSort.class), pageSizes, Lookup::new);
    }

    /** True once in four. */
    private static Gen<Boolean> sometimes() {
        return Generate.frequency(List.of(Pair.of(3, Generate.constant(false)), Pair.of(1, Generate.constant(true))));
    }

    /** A position below {@code count}, or -1 (none) three times in four. */
    private static Gen<Integer> oneOrNone(int count) {
        return Generate.frequency(List.of(Pair.of(3, Generate.constant(-1)),
                Pair.of(1, integers().between(0, count - 1))));
    }
}
