package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import java.util.List;

/** What an import of people or establishments did, line by line, in the order of the file. */
public record ImportReport(List<Line> lines) {

    public ImportReport {
        lines = List.copyOf(lines);
    }

    /** What became of one line. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REFUSED
    }

    /**
     * One line of the file: its number (the header is line 1), the identifier (or UAI) it gave, and why it was
     * refused.
     */
    public record Line(int number, String identifier, Outcome outcome, List<DomainError> errors) {

        public Line {
            errors = List.copyOf(errors);
        }
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /** One line of a file to import: its number and what it holds. */
    public record Row(int number, PersonForm form) {
    }
}
