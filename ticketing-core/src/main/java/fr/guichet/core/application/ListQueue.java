package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.util.List;
import java.util.function.Consumer;

/** Lists requests for staff: their queue (their groups' and their own) or all, with filters; refused to requesters. */
public final class ListQueue {


    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;

    ListQueue(UnitOfWork unitOfWork, RequestRepository requests, Labels labels) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
    }

    public Page<RequestLine> list(Person staff, QueueFilter filter, PageRequest page) {
        Access.requireStaff(staff);
        RequestQuery q = filter.query(staff);
        return unitOfWork.read(() -> labels.lines(requests.list(q, page), staff));
    }

    /** Every request {@link #list} would list, in its order, handed to {@code sink} a batch at a time. */
    public void export(Person staff, QueueFilter filter, Consumer<List<RequestLine>> sink) {
        Access.requireStaff(staff);
        RequestBatches.each(unitOfWork, requests, labels, filter.query(staff), staff, sink);
    }
}
