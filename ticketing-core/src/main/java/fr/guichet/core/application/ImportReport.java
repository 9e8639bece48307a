package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import java.util.List;
import java.util.Optional;

/**
 * What an import of people or establishments did, line by line, in the order of the file: every line, or, when the
 * import stopped part way ({@code stop} not null), the lines before the one it stopped at, each as done and kept.
 */
public record ImportReport(List<Line> lines, DomainError stop) {

    public ImportReport {
        lines = List.copyOf(lines);
    }

    /** The report of an import that went through every line. */
    public ImportReport(List<Line> lines) {
        this(lines, null);
    }

    /**
     * The report of an import stopped at line {@code number} by {@code cause} (the administrator removed, the store
     * down) after {@code done}: its stop, of the cause's kind and code {@code import.stopped}, says in French what was
     * kept and that the following lines were not imported. When none of {@code done} reached the store, {@code cause}
     * is thrown instead: the import is refused and nothing changed.
     */
    static ImportReport stoppedAt(int number, List<Line> done, TicketingException cause) {
        if (done.stream().allMatch(line -> line.outcome() == Outcome.REFUSED)) {
            throw cause;
        }
        ImportReport kept = new ImportReport(done);
        return new ImportReport(done, DomainError.of(cause.kind(), "import.stopped", cause.errors().get(0).message()
                + " L'import s'est arrêté à la ligne " + number + " : les lignes d'avant sont traitées et enregistrées"
                + " (ajoutées : " + kept.count(Outcome.CREATED) + ", modifiées : " + kept.count(Outcome.UPDATED)
                + ", inchangées : " + kept.count(Outcome.UNCHANGED) + ", refusées : " + kept.count(Outcome.REFUSED)
                + "), celle-ci et les suivantes ne sont pas importées."));
    }

    /** Why the import stopped before the end of the file, with what it kept, in French; empty when it went through. */
    public Optional<DomainError> stopped() {
        return Optional.ofNullable(stop);
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
