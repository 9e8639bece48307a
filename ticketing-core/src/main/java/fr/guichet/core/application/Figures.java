package fr.guichet.core.application;

import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.StatisticsGrouping;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The figures of the requests filed from {@code from} to {@code to} (both days included), on {@code within} and below
 * when not null, grouped {@code by}, one line per key as people read it; {@code truncated} when more keys had requests
 * than {@link ComputeStatistics#MAX_ROWS} (the most filed are kept). Immutable.
 */
public record Figures(LocalDate from, LocalDate to, StatisticsGrouping by, SubjectCode within, List<Line> rows,
        boolean truncated) {

    public Figures {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        rows = List.copyOf(rows);
    }

    /**
     * One key's figures: its name ({@code label}), requests filed, resolved and still open, the medians in hours to the
     * first public staff answer and to the resolution (null when none), the satisfaction survey's answers and their
     * average score (null when none), and how many requests missed a target of their subject.
     */
    public record Line(String key, String label, long filed, long resolved, long open, Double medianFirstAnswerHours,
            Double medianResolutionHours, long satisfactionAnswers, Double satisfactionAverage, long breaches) {

        public Line {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }
}
