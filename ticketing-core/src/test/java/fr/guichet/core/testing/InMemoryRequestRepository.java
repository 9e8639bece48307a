package fr.guichet.core.testing;

import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSearch;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.StatusAge;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Requests kept in memory; the reference the JDBC adapter's behaviour is checked against by the same contract. */
public final class InMemoryRequestRepository implements RequestRepository {

    private final InMemoryDatabase db;
    private final long cap;

    public InMemoryRequestRepository(InMemoryDatabase db) {
        this(db, Count.CAP);
    }

    /** Requests whose lists and counts count up to {@code cap} ({@link Count}). */
    public InMemoryRequestRepository(InMemoryDatabase db, long cap) {
        this.db = db;
        this.cap = cap;
    }

    @Override
    public RequestNumber nextNumber() {
        return db.read(s -> RequestNumber.of(++s.lastNumber));
    }

    @Override
    public Addition add(Request request) {
        RequestNumber number = request.summaryLine().number();
        String key = request.idempotencyKey();
        PersonId requester = request.summaryLine().requester().id();
        return db.inTransaction(() -> {
            if (key != null && db.read(s -> s.requests.values().stream().anyMatch(r -> holds(r, requester, key)))) {
                return Addition.ALREADY_FILED;
            }
            db.write(s -> {
                if (s.requests.putIfAbsent(number, request) != null) {
                    throw new IllegalStateException("duplicate request number " + number);
                }
            });
            return Addition.ADDED;
        });
    }

    @Override
    public Optional<Request> find(RequestNumber number) {
        return db.read(s -> Optional.ofNullable(s.requests.get(number)));
    }

    @Override
    public boolean update(RequestChange change) {
        return db.inTransaction(() -> {
            RequestNumber number = change.after().summaryLine().number();
            Optional<Request> stored = find(number);
            if (stored.isEmpty() || stored.get().version() != change.expectedVersion()) {
                return false;
            }
            db.write(s -> s.requests.put(number, change.after()));
            return true;
        });
    }

    @Override
    public List<RequestNumber> children(RequestNumber parent) {
        return db.read(s -> s.requests.values().stream().filter(r -> parent.equals(r.parent()))
                .map(r -> r.summaryLine().number()).sorted().toList());
    }

    @Override
    public Page<RequestSummary> list(RequestQuery query, PageRequest page) {
        return db.read(s -> {
            List<RequestSummary> all = s.requests.values().stream().filter(matches(query, s.establishments))
                    .map(Request::summaryLine).sorted(order(query)).toList();
            List<RequestSummary> items = all.stream().skip(page.offset()).limit(page.size()).toList();
            return new Page<>(items, page.page(), page.size(), Count.upTo(query.countedUpTo(cap), all.size()));
        });
    }

    @Override
    public List<RequestSummary> listAfter(RequestQuery query, RequestSummary after, int limit) {
        Comparator<RequestSummary> order = order(query);
        return db.read(s -> s.requests.values().stream().filter(matches(query, s.establishments))
                .map(Request::summaryLine)
                .filter(r -> after == null || order.compare(r, after) > 0).sorted(order).limit(limit).toList());
    }

    @Override
    public RequestCounts count(RequestQuery query, PersonId me) {
        return db.read(s -> counts(s.requests.values().stream().filter(matches(query, s.establishments))
                .map(Request::summaryLine)
                .toList(), me, cap));
    }

    /**
     * The counts of {@code lines} up to {@code cap}: the recount the JDBC adapter's counts are checked against, its
     * flags counted among all the requests of a status where the adapter reads at most a cap of them.
     */
    public static RequestCounts counts(List<RequestSummary> lines, PersonId me, long cap) {
        Map<Status, Long> byStatus = lines.stream()
                .collect(Collectors.groupingBy(RequestSummary::status, Collectors.counting()));
        List<RequestSummary> open = lines.stream().filter(r -> r.status().isOpen()).toList();
        return RequestCounts.upTo(cap, byStatus, open.stream().filter(r -> r.assignee() == null).count(),
                lines.stream().filter(r -> r.status() != Status.CLOSED && r.awaitingStaff()).count(),
                open.stream().filter(r -> me.equals(r.assignee())).count(),
                open.stream().filter(RequestSummary::reopened).count());
    }

    private static Predicate<Request> matches(RequestQuery q, Map<Uai, Establishment> establishments) {
        RequestSearch search = RequestSearch.parse(q.words());
        return r -> {
            Establishment school = r.summaryLine().establishment() == null ? null
                    : establishments.get(r.summaryLine().establishment());
            return matches(q, r.summaryLine(), school) && search.matches(r, school == null ? "" : school.searchText());
        };
    }

    private static boolean matches(RequestQuery q, RequestSummary r, Establishment school) {
        return (q.requester() == null || r.requester().id().equals(q.requester()))
                && (q.submittedFrom() == null || !r.submittedAt().isBefore(q.submittedFrom()))
                && (q.submittedBefore() == null || r.submittedAt().isBefore(q.submittedBefore()))
                && (q.statuses().isEmpty() || q.statuses().contains(r.status()))
                && (q.subject() == null || r.subject().isWithin(q.subject()))
                && (q.group() == null || r.assignedGroup().equals(q.group()))
                && (q.assignee() == null || q.assignee().equals(r.assignee()))
                && (q.queueOf() == null || q.queueOf().groups().contains(r.assignedGroup())
                        || q.queueOf().person().equals(r.assignee()))
                && q.only().stream().allMatch(only -> only.keeps(r))
                && (q.establishment() == null || q.establishment().equals(r.establishment()))
                && (q.department() == null || school != null && school.department().equals(q.department()));
    }

    private static Comparator<RequestSummary> order(RequestQuery q) {
        Comparator<RequestSummary> byNumber = Comparator.comparing(RequestSummary::number);
        return switch (q.sort()) {
            case NEWEST -> Comparator.comparing(RequestSummary::submittedAt).thenComparing(byNumber).reversed();
            case OLDEST -> Comparator.comparing(RequestSummary::submittedAt).thenComparing(byNumber);
            case UPDATED -> Comparator.comparing(RequestSummary::updatedAt).thenComparing(byNumber).reversed();
            case UPDATED_LONGEST_AGO -> Comparator.comparing(RequestSummary::updatedAt).thenComparing(byNumber);
            case DUE -> Comparator.comparing((RequestSummary s) -> s.serviceLevel().nextDue(s.status()))
                    .thenComparing(byNumber);
        };
    }

    @Override
    public Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore) {
        return db.read(s -> s.requests.values().stream()
                .filter(r -> holds(r, requester, key))
                .map(Request::summaryLine)
                .filter(r -> !r.submittedAt().isBefore(notBefore))
                .map(RequestSummary::number).findFirst());
    }

    @Override
    public void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore) {
        db.write(s -> s.requests.replaceAll((number, r) -> holds(r, requester, key)
                && r.summaryLine().submittedAt().isBefore(filedBefore) ? r.withoutIdempotencyKey() : r));
    }

    private static boolean holds(Request r, PersonId requester, String key) {
        return r.isRequester(requester) && key.equals(r.idempotencyKey());
    }

    @Override
    public List<StatusAge> inStatusBefore(Status status, Instant before, StatusAge after, int limit) {
        Comparator<StatusAge> order = Comparator.comparing(StatusAge::since).thenComparing(StatusAge::number);
        return db.read(s -> s.requests.values().stream().filter(r -> r.summaryLine().status() == status)
                .map(r -> new StatusAge(r.summaryLine().number(), r.statusSince()))
                .filter(a -> a.since().isBefore(before) && (after == null || order.compare(a, after) > 0))
                .sorted(order).limit(limit).toList());
    }

    @Override
    public List<StatusAge> closedBefore(Instant before, StatusAge after, int limit) {
        Comparator<StatusAge> order = Comparator.comparing(StatusAge::since).thenComparing(StatusAge::number);
        return db.read(s -> s.requests.values().stream()
                .filter(r -> r.summaryLine().status() == Status.CLOSED
                        && !s.anonymised.containsKey(r.summaryLine().number()))
                .map(r -> new StatusAge(r.summaryLine().number(), r.statusSince()))
                .filter(a -> a.since().isBefore(before) && (after == null || order.compare(a, after) > 0))
                .sorted(order).limit(limit).toList());
    }

    @Override
    public List<AttachmentId> files(Collection<RequestNumber> numbers) {
        return db.read(s -> numbers.stream().map(s.requests::get).filter(Objects::nonNull)
                .flatMap(r -> r.allAttachments().stream()).map(Attachment::id).toList());
    }

    @Override
    public int anonymise(Collection<RequestNumber> numbers, Instant at) {
        return db.read(s -> {
            int done = 0;
            for (RequestNumber number : numbers) {
                Request r = s.requests.get(number);
                if (r != null && !s.anonymised.containsKey(number)) {
                    s.requests.put(number, r.anonymised());
                    s.satisfaction.computeIfPresent(number, (n, a) -> new SatisfactionAnswer(n, a.score(), null,
                            a.answeredAt()));
                    s.anonymised.put(number, at);
                    done++;
                }
            }
            return done;
        });
    }

    @Override
    public boolean addSatisfaction(SatisfactionAnswer answer) {
        return db.inTransaction(() -> db.read(s -> {
            if (!s.requests.containsKey(answer.request())) {
                throw new IllegalStateException("no request " + answer.request());
            }
            return s.satisfaction.putIfAbsent(answer.request(), answer) == null;
        }));
    }

    @Override
    public Optional<SatisfactionAnswer> satisfaction(RequestNumber number) {
        return db.read(s -> Optional.ofNullable(s.satisfaction.get(number)));
    }

    @Override
    public boolean refersTo(PersonId person) {
        return db.read(s -> s.requests.values().stream()
                .filter(r -> !s.anonymised.containsKey(r.summaryLine().number()))
                .anyMatch(r -> r.isRequester(person) || person.equals(r.summaryLine().assignee())
                        || r.messages().stream().anyMatch(m -> m.author().id().equals(person))));
    }

    @Override
    public void replacePerson(PersonId person, PersonRef by) {
        db.write(s -> s.requests.replaceAll((number, r) -> r.naming(person, by)));
    }

    @Override
    public Map<PersonId, Long> openRequestCounts(Collection<PersonId> people) {
        return db.read(s -> {
            Map<PersonId, Long> counts = new HashMap<>();
            s.requests.values().stream().map(Request::summaryLine).filter(r -> r.status().isOpen())
                    .map(RequestSummary::assignee).filter(Objects::nonNull).filter(people::contains)
                    .forEach(p -> counts.merge(p, 1L, Long::sum));
            return counts;
        });
    }
}
