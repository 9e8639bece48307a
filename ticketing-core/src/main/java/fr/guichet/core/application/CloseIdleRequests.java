package fr.guichet.core.application;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.StatusAge;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The job that ends what nobody will finish: a request waiting for its requester for two thirds of the auto-close
 * delay gets one reminder per waiting period, one waiting for the whole delay is resolved by {@link Guichet} with a
 * standard answer saying why (its requester mailed as for any resolution), and a resolved request not reopened within
 * the reopening window is closed. The delay and the window are those in force when a run starts (read in its unit of
 * work). Candidates are read from an index in bounded batches and each request is moved in its own short transaction
 * at the version it was read: a request another node moved meanwhile is left to it, so that several nodes running the
 * job at once send each mail and make each move once, and a run cut short is finished by the next one.
 */
public final class CloseIdleRequests {

    /** How many candidates one read fetches. */
    static final int BATCH = 100;

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    /** What one run did. */
    public record Outcome(int reminded, int resolved, int closed) {
    }

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;
    private final Notifier notifier;
    private final Clock clock;
    private final LiveSettings settings;

    CloseIdleRequests(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, Notifier notifier,
            Clock clock, LiveSettings settings) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
        this.notifier = notifier;
        this.clock = clock;
        this.settings = settings;
    }

    /** One run over every request due now. */
    public Outcome run() {
        TicketingSettings current = unitOfWork.inTransaction(settings::current);
        Instant now = clock.instant();
        Duration delay = current.autoCloseWaitingDelay();
        Duration window = current.reopenWindow();
        SubjectCatalog catalog = labels.catalog();
        MessageBody answer = MessageBody.comment("Sans réponse de votre part depuis " + days(delay)
                + ", votre demande est considérée comme résolue. Vous pouvez la rouvrir pendant " + days(window)
                + " si le problème persiste.");
        int resolved = each(Status.WAITING_FOR_REQUESTER, now.minus(delay), r -> !hasOpenFollowers(r),
                r -> r.moveBySystem(Status.WAITING_FOR_REQUESTER, Status.RESOLVED, answer, now), catalog, now);
        int reminded = each(Status.WAITING_FOR_REQUESTER, now.minus(delay.multipliedBy(2).dividedBy(3)),
                r -> !r.remindedWhileWaiting() && !hasOpenFollowers(r),
                r -> r.remind(FRENCH_DATE.format(r.statusSince().plus(delay).atZone(current.zone())), now), catalog,
                now);
        int closed = each(Status.RESOLVED, now.minus(window), r -> true,
                r -> r.moveBySystem(Status.RESOLVED, Status.CLOSED, null, now), catalog, now);
        return new Outcome(reminded, resolved, closed);
    }

    /**
     * An incident that open requests follow is left to the staff: resolving it resolves its followers, with a comment
     * for their requesters that no standard answer about one requester's silence can give.
     */
    private boolean hasOpenFollowers(Request incident) {
        return requests.children(incident.summaryLine().number()).stream().map(requests::find)
                .flatMap(Optional::stream).anyMatch(c -> c.summaryLine().status().isOpen());
    }

    /** The move of a due request, from the request as read. */
    private interface Move {
        RequestChange of(Request request);
    }

    /**
     * Makes {@code move} on each request in {@code status} since before {@code before} that is {@code due}, each in
     * its own transaction; answers how many it moved.
     */
    private int each(Status status, Instant before, Predicate<Request> due, Move move, SubjectCatalog catalog,
            Instant now) {
        int moved = 0;
        StatusAge after = null;
        while (true) {
            StatusAge from = after;
            List<StatusAge> batch = unitOfWork.inTransaction(() -> requests.inStatusBefore(status, before, from,
                    BATCH));
            for (StatusAge candidate : batch) {
                if (moveOne(candidate.number(), status, before, due, move, catalog, now)) {
                    moved++;
                }
            }
            if (batch.size() < BATCH) {
                return moved;
            }
            after = batch.get(batch.size() - 1);
        }
    }

    private boolean moveOne(RequestNumber number, Status status, Instant before, Predicate<Request> due, Move move,
            SubjectCatalog catalog, Instant now) {
        try {
            return unitOfWork.inTransaction(() -> {
                Request request = requests.find(number).orElse(null);
                if (request == null || request.summaryLine().status() != status
                        || !request.statusSince().isBefore(before) || !due.test(request)) {
                    return false;
                }
                RequestChange change = move.of(request);
                notifier.notify(catalog, change.after(), change.events(), Guichet.ID, now);
                ExpectedVersion.store(requests, change, null);
                return true;
            });
        } catch (TicketingException e) {
            if (e.kind() == ErrorKind.CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    private static String days(Duration d) {
        long n = d.toDays();
        return n == 1 ? "1 jour" : n + " jours";
    }
}
