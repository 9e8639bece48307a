package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestSearch;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.UnitOfWork;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory of establishments: anyone signed in searches it; administrators import the national directory's export
 * into it, {@link #BATCH} lines a transaction, each batch that adds or changes establishments audited as
 * {@code establishment.import} with the UAIs it added and changed. A refused line (invalid UAI or check letter, no
 * name, bad département, a UAI already on an earlier line) never stops the others; importing the same file again
 * changes nothing.
 */
public final class ManageEstablishments {

    /** The most data lines an import takes: the whole national directory (about 65,000 lines) fits within it. */
    public static final int MAX_IMPORT_ROWS = 100_000;
    /** How many lines one transaction of an import writes. */
    static final int BATCH = 1_000;
    /** How many establishments a search returns. */
    public static final int SEARCH_RESULTS = 20;

    private static final System.Logger LOG = System.getLogger(ManageEstablishments.class.getName());
    private static final AuditTarget TARGET = new AuditTarget("establishment", "annuaire",
            "Annuaire des établissements");

    private final UnitOfWork unitOfWork;
    private final AdminWrites writes;
    private final EstablishmentDirectory directory;

    ManageEstablishments(UnitOfWork unitOfWork, AdminWrites writes, EstablishmentDirectory directory) {
        this.unitOfWork = unitOfWork;
        this.writes = writes;
        this.directory = directory;
    }

    /**
     * At most {@link #SEARCH_RESULTS} establishments whose name, commune or UAI hold every word of {@code words}
     * (case and accents ignored), by name; none for a blank search. Any signed-in person may search.
     */
    public List<Establishment> search(Person who, String words) {
        RequestSearch.requireSearchable(words);
        return unitOfWork.inTransaction(() -> directory.search(words, SEARCH_RESULTS));
    }

    /**
     * The départements of the directory's establishments, in code order (Corsica's at 20); for anyone signed in, which
     * the caller checks: nothing in them is private.
     */
    public List<Department> departments() {
        return unitOfWork.read(directory::departments);
    }

    /**
     * Adds the establishments of {@code rows} the directory does not know and updates those it knows differently, by
     * UAI, giving it the unchanged ones too so that it repairs what it copies of them; the report gives each line's
     * outcome, refused lines with their French reasons. More than {@link #MAX_IMPORT_ROWS} rows are refused before
     * anything changes. Administrators only, still one as stored at each batch: one removed, or the store down, after
     * a batch was written stops the import, whose report then holds the lines before the batch and its stop
     * ({@link ImportReport#stoppedAt}).
     */
    public ImportReport importEstablishments(Person admin, List<EstablishmentRow> rows) {
        AdminWrites.requireAdmin(admin);
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw DomainError.invalid("file", "import.too_many_rows", "Le fichier compte " + rows.size()
                    + " lignes d'établissements : un import en prend " + MAX_IMPORT_ROWS + " au plus.").exception();
        }
        Map<Integer, ImportReport.Line> outcomes = new HashMap<>();
        Map<Uai, Integer> firstLine = new HashMap<>();
        List<Parsed> valid = new ArrayList<>();
        for (EstablishmentRow row : rows) {
            try {
                Establishment establishment = parse(row);
                Integer earlier = firstLine.putIfAbsent(establishment.uai(), row.number());
                if (earlier != null) {
                    throw DomainError.invalid("uai", "establishment.duplicate", "Cet établissement figure déjà à "
                            + "la ligne " + earlier + " du fichier : seule cette ligne-là est prise.").exception();
                }
                valid.add(new Parsed(row.number(), establishment));
            } catch (TicketingException refused) {
                outcomes.put(row.number(), refusedLine(row, refused.errors()));
            }
        }
        for (int start = 0; start < valid.size(); start += BATCH) {
            List<Parsed> batch = valid.subList(start, Math.min(valid.size(), start + BATCH));
            try {
                save(admin, batch).forEach(line -> outcomes.put(line.number(), line));
            } catch (TicketingException stopped) {
                int at = batch.get(0).number();
                return ImportReport.stoppedAt(at, rows.stream().filter(row -> row.number() < at)
                        .map(row -> outcomes.get(row.number())).toList(), stopped);
            }
        }
        return new ImportReport(rows.stream().map(row -> outcomes.get(row.number())).toList());
    }

    /**
     * Writes one batch in one audited transaction; a batch the store fails to write is refused line by line; an
     * administrator no longer one, or the store down, is thrown.
     */
    private List<ImportReport.Line> save(Person admin, List<Parsed> batch) {
        try {
            return writes.change(admin, "establishment.import", lines -> TARGET, () -> Snapshot.NONE, null, () -> {
                Map<Uai, Establishment> known = directory.findAll(batch.stream().map(p -> p.establishment().uai())
                        .toList());
                List<ImportReport.Line> lines = new ArrayList<>();
                for (Parsed p : batch) {
                    Establishment before = known.get(p.establishment().uai());
                    ImportReport.Outcome outcome = before == null ? ImportReport.Outcome.CREATED
                            : before.equals(p.establishment()) ? ImportReport.Outcome.UNCHANGED
                            : ImportReport.Outcome.UPDATED;
                    lines.add(new ImportReport.Line(p.number(), p.establishment().uai().value(), outcome, List.of()));
                }
                directory.saveAll(batch.stream().map(Parsed::establishment).toList());
                return lines;
            }, ManageEstablishments::snapshot);
        } catch (TicketingException refused) {
            if (refused.kind() == ErrorKind.UNAVAILABLE || refused.kind() == ErrorKind.FORBIDDEN) {
                throw refused;
            }
            return failed(batch, refused.errors());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Import of establishments: lines " + batch.get(0).number() + " to "
                    + batch.get(batch.size() - 1).number() + " failed", e);
            return failed(batch, List.of(DomainError.of(ErrorKind.CONFLICT, "import.line.failed",
                    "Cette ligne n'a pas pu être enregistrée à cause d'une erreur du guichet : réessayez l'import "
                            + "plus tard ou signalez-le.")));
        }
    }

    private static List<ImportReport.Line> failed(List<Parsed> batch, List<DomainError> errors) {
        return batch.stream().map(p -> new ImportReport.Line(p.number(), p.establishment().uai().value(),
                ImportReport.Outcome.REFUSED, errors)).toList();
    }

    /** What a batch did, as the audit page shows it: the UAIs it added and those it changed. */
    private static Snapshot snapshot(List<ImportReport.Line> lines) {
        List<String> added = uais(lines, ImportReport.Outcome.CREATED);
        List<String> updated = uais(lines, ImportReport.Outcome.UPDATED);
        return Snapshot.NONE.with("ajoutés", added.isEmpty() ? null : added)
                .with("modifiés", updated.isEmpty() ? null : updated);
    }

    private static List<String> uais(List<ImportReport.Line> lines, ImportReport.Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).map(ImportReport.Line::identifier).toList();
    }

    /** The establishment a row describes, every refusal of its cells collected. */
    private static Establishment parse(EstablishmentRow row) {
        Validation v = new Validation();
        Uai uai = v.check(() -> Uai.parse(Validation.required(blankAsNull(row.uai()), "uai",
                "L'identifiant de l'établissement (UAI)")));
        String name = v.check(() -> Validation.text(row.name(), "name", "Le nom de l'établissement",
                Establishment.MAX_NAME, false));
        Department department = v.check(() -> Department.parse(Validation.required(blankAsNull(row.department()),
                "department", "Le code du département")));
        v.check(() -> optional(row.kind(), "kind", "Le type d'établissement"));
        v.check(() -> optional(row.commune(), "commune", "La commune"));
        v.throwIfInvalid();
        return new Establishment(uai, name, row.kind(), row.commune(), department);
    }

    private static String optional(String value, String field, String label) {
        return value == null || value.isBlank() ? null
                : Validation.text(value, field, label, Establishment.MAX_LABEL, false);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static ImportReport.Line refusedLine(EstablishmentRow row, List<DomainError> errors) {
        return new ImportReport.Line(row.number(), row.uai() == null ? "" : row.uai().strip(),
                ImportReport.Outcome.REFUSED, errors);
    }

    /** A line read as an establishment, with its number. */
    private record Parsed(int number, Establishment establishment) {
    }
}
