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
 * Reads a whole list of requests {@value #SIZE} at a time, each batch after the last request read, and hands it named
 * as its viewer reads it to a sink: each batch and its names are one read ({@link UnitOfWork#read}) ended before the
 * sink writes, so that an export of any length holds one batch in memory and nothing open on the store while it is
 * written; people and schools are named once an export, up to {@value #NAMED} of them.
 */
final class RequestBatches {

    static final int SIZE = 500;
    /** How many people and schools an export keeps named across batches before it starts naming afresh. */
    static final int NAMED = 5_000;

    private RequestBatches() {
    }

    static void each(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, RequestQuery query,
            Person viewer, Consumer<List<RequestLine>> sink) {
        Labels.Known known = new Labels.Known();
        RequestSummary last = null;
        List<RequestLine> lines;
        do {
            RequestSummary after = last;
            if (known.size() > NAMED) {
                known.clear();
            }
            lines = unitOfWork.read(() -> {
                List<RequestSummary> batch = requests.listAfter(query, after, SIZE);
                return labels.lines(new Page<>(batch, 1, SIZE, batch.size()), viewer, known).items();
            });
            if (!lines.isEmpty()) {
                sink.accept(lines);
                last = lines.get(lines.size() - 1).request();
            }
        } while (lines.size() == SIZE);
    }
}
