package fr.guichet.core.testing;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Requests kept in memory; the reference the JDBC adapter's behaviour is checked against by the same contract. */
public final class InMemoryRequestRepository implements RequestRepository {

    private final InMemoryDatabase db;

    public InMemoryRequestRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public RequestNumber nextNumber() {
        return db.read(s -> RequestNumber.of(++s.lastNumber));
    }

    @Override
    public void add(Request request) {
        db.write(s -> {
            if (s.requests.containsKey(request.number())) {
                throw new IllegalStateException("duplicate request number " + request.number());
            }
            request.idempotencyKey().ifPresent(key -> {
                boolean taken = s.requests.values().stream().anyMatch(r -> r.requester().id()
                        .equals(request.requester().id()) && r.idempotencyKey().filter(key::equals).isPresent());
                if (taken) {
                    throw DomainError.of(ErrorKind.CONFLICT, "request.idempotency_key.taken",
                            "Cette demande a déjà été déposée.").exception();
                }
            });
            s.requests.put(request.number(), request);
        });
    }

    @Override
    public Optional<Request> find(RequestNumber number) {
        return db.read(s -> Optional.ofNullable(s.requests.get(number)));
    }

    @Override
    public boolean update(RequestChange change) {
        return db.inTransaction(() -> {
            Optional<Request> stored = find(change.after().number());
            if (stored.isEmpty() || stored.get().version() != change.expectedVersion()) {
                return false;
            }
            db.write(s -> s.requests.put(change.after().number(), change.after()));
            return true;
        });
    }

    @Override
    public Page<RequestSummary> list(RequestQuery query, PageRequest page) {
        return db.read(s -> {
            List<RequestSummary> all = s.requests.values().stream().filter(matches(query))
                    .map(Request::summaryLine).sorted(order(query)).toList();
            List<RequestSummary> items = all.stream().skip(page.offset()).limit(page.size()).toList();
            return new Page<>(items, page.page(), page.size(), all.size());
        });
    }

    private static Predicate<Request> matches(RequestQuery q) {
        return r -> (q.requester() == null || r.requester().id().equals(q.requester()))
                && (q.submittedFrom() == null || !r.submittedAt().isBefore(q.submittedFrom()))
                && (q.submittedBefore() == null || r.submittedAt().isBefore(q.submittedBefore()))
                && (q.statuses().isEmpty() || q.statuses().contains(r.status()))
                && (q.subject() == null || r.subject().isWithin(q.subject()))
                && (q.group() == null || r.assignedGroup().equals(q.group()))
                && (q.assignee() == null || r.assignee().filter(q.assignee()::equals).isPresent())
                && (q.queueOf() == null || q.queueOf().groups().contains(r.assignedGroup())
                        || r.assignee().filter(q.queueOf().person()::equals).isPresent())
                && (q.words() == null || containsWords(r, q.words()));
    }

    private static boolean containsWords(Request r, String words) {
        String text = (r.summary() + "\n" + r.description()).toLowerCase(Locale.ROOT);
        return Arrays.stream(words.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(text::contains);
    }

    private static Comparator<RequestSummary> order(RequestQuery q) {
        Comparator<RequestSummary> byNumber = Comparator.comparing(RequestSummary::number);
        return switch (q.sort()) {
            case NEWEST -> Comparator.comparing(RequestSummary::submittedAt).thenComparing(byNumber).reversed();
            case OLDEST -> Comparator.comparing(RequestSummary::submittedAt).thenComparing(byNumber);
            case UPDATED -> Comparator.comparing(RequestSummary::updatedAt).thenComparing(byNumber).reversed();
        };
    }

    @Override
    public Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore) {
        return db.read(s -> s.requests.values().stream()
                .filter(r -> r.requester().id().equals(requester))
                .filter(r -> r.idempotencyKey().filter(key::equals).isPresent())
                .filter(r -> !r.submittedAt().isBefore(notBefore))
                .map(Request::number).findFirst());
    }

    @Override
    public void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore) {
        db.write(s -> s.requests.replaceAll((number, r) -> r.requester().id().equals(requester)
                && r.idempotencyKey().filter(key::equals).isPresent() && r.submittedAt().isBefore(filedBefore)
                        ? r.withoutIdempotencyKey() : r));
    }

    @Override
    public Map<PersonId, Long> openRequestCounts(Collection<PersonId> people) {
        return db.read(s -> {
            Map<PersonId, Long> counts = new HashMap<>();
            s.requests.values().stream().filter(r -> r.status().isOpen())
                    .map(r -> r.assignee().orElse(null)).filter(Objects::nonNull).filter(people::contains)
                    .forEach(p -> counts.merge(p, 1L, Long::sum));
            return counts;
        });
    }
}
