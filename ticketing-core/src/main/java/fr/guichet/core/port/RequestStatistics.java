package fr.guichet.core.port;

import java.util.List;

/**
 * The figures of requests, computed where they are stored: a database groups and counts them itself and never hands
 * every request over. Called inside a {@link UnitOfWork}; failures surface as {@code TicketingException} of kind
 * UNAVAILABLE.
 */
public interface RequestStatistics {

    /**
     * One row per key of {@code query}'s grouping that has requests: by month in the order of the months, otherwise
     * the most filed first (ties by key), at most {@code query.limit()} rows.
     */
    List<StatisticsRow> figures(StatisticsQuery query);
}
