package fr.guichet.core.application;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.StatusAge;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A repository that passes every call to another; a test overrides the call around which someone else acts. */
abstract class ForwardingRequestRepository implements RequestRepository {

    private final RequestRepository stored;

    ForwardingRequestRepository(RequestRepository stored) {
        this.stored = stored;
    }

    @Override
    public RequestNumber nextNumber() {
        return stored.nextNumber();
    }

    @Override
    public Addition add(Request request) {
        return stored.add(request);
    }

    @Override
    public Optional<Request> find(RequestNumber number) {
        return stored.find(number);
    }

    @Override
    public boolean update(RequestChange change) {
        return stored.update(change);
    }

    @Override
    public List<RequestNumber> children(RequestNumber parent) {
        return stored.children(parent);
    }

    @Override
    public Page<RequestSummary> list(RequestQuery query, PageRequest page) {
        return stored.list(query, page);
    }

    @Override
    public List<RequestSummary> listAfter(RequestQuery query, RequestSummary after, int limit) {
        return stored.listAfter(query, after, limit);
    }

    @Override
    public Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore) {
        return stored.findByIdempotencyKey(requester, key, notBefore);
    }

    @Override
    public void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore) {
        stored.releaseIdempotencyKey(requester, key, filedBefore);
    }

    @Override
    public RequestCounts count(RequestQuery query, PersonId me) {
        return stored.count(query, me);
    }

    @Override
    public List<StatusAge> inStatusBefore(Status status, Instant before, StatusAge after, int limit) {
        return stored.inStatusBefore(status, before, after, limit);
    }

    @Override
    public List<StatusAge> closedBefore(Instant before, StatusAge after, int limit) {
        return stored.closedBefore(before, after, limit);
    }

    @Override
    public List<AttachmentId> files(Collection<RequestNumber> numbers) {
        return stored.files(numbers);
    }

    @Override
    public int anonymise(Collection<RequestNumber> numbers, Instant at) {
        return stored.anonymise(numbers, at);
    }

    @Override
    public boolean addSatisfaction(SatisfactionAnswer answer) {
        return stored.addSatisfaction(answer);
    }

    @Override
    public Optional<SatisfactionAnswer> satisfaction(RequestNumber number) {
        return stored.satisfaction(number);
    }

    @Override
    public boolean refersTo(PersonId person) {
        return stored.refersTo(person);
    }

    @Override
    public void replacePerson(PersonId person, PersonRef by) {
        stored.replacePerson(person, by);
    }

    @Override
    public Map<PersonId, Long> openRequestCounts(Collection<PersonId> people) {
        return stored.openRequestCounts(people);
    }
}
