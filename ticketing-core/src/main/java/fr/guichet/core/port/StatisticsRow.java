package fr.guichet.core.port;

import java.util.Objects;

/**
 * The figures of one key of a {@link StatisticsQuery}: how many requests were filed, how many of them are resolved
 * (RESOLVED or CLOSED) or still open, the medians in seconds from filing to the first public staff answer and to the
 * resolution (null when none was), how many answered the satisfaction survey and the sum of their scores, and how many
 * missed a target of their subject ({@link fr.guichet.core.domain.request.ServiceLevel#breached}).
 */
public record StatisticsRow(String key, long filed, long resolved, long open, Double medianFirstAnswerSeconds,
        Double medianResolutionSeconds, long satisfactionAnswers, long satisfactionScoreSum, long breaches) {

    public StatisticsRow {
        Objects.requireNonNull(key, "key");
    }
}
