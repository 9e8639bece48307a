package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a whole list of requests {@value #SIZE} at a time, each batch after the last request read and in a
 * transaction of its own, and hands it named as its viewer reads it to a sink: an export of any length holds one batch
 * in memory and no transaction open while the sink writes.
 */
final class RequestBatches {

    static final int SIZE = 500;

    private RequestBatches() {
    }

    static void each(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, RequestQuery query,
            Person viewer, Consumer<List<RequestLine>> sink) {
        RequestSummary last = null;
        List<RequestSummary> batch;
        do {
            RequestSummary after = last;
            batch = unitOfWork.inTransaction(() -> requests.listAfter(query, after, SIZE));
            if (!batch.isEmpty()) {
                sink.accept(labels.lines(new Page<>(batch, 1, SIZE, batch.size()), viewer).items());
                last = batch.get(batch.size() - 1);
            }
        } while (batch.size() == SIZE);
    }
}
