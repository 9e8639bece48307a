package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.answer.Placeholders;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Staff read a support group's canned answers, by title in French alphabetical order (accents and case aside), as
 * they are written or filled for one request; requesters may not.
 */
public final class ListCannedAnswers {

    private final UnitOfWork unitOfWork;
    private final CannedAnswers answers;
    private final RequestRepository requests;

    ListCannedAnswers(UnitOfWork unitOfWork, CannedAnswers answers, RequestRepository requests) {
        this.unitOfWork = unitOfWork;
        this.answers = answers;
        this.requests = requests;
    }

    public List<CannedAnswer> list(Person viewer, GroupCode group) {
        requireStaff(viewer);
        Collator french = Collator.getInstance(Locale.FRENCH);
        return unitOfWork.inTransaction(() -> answers.ofGroup(group)).stream()
                .sorted(Comparator.comparing((CannedAnswer a) -> a.title().value(), french)
                        .thenComparing(a -> a.id().toString()))
                .toList();
    }

    /** The group's canned answers, each with its placeholders filled for request {@code number} (NOT_FOUND if none). */
    public List<FilledAnswer> forRequest(Person viewer, GroupCode group, RequestNumber number) {
        requireStaff(viewer);
        Request request = unitOfWork.inTransaction(() -> Access.visibleRequest(requests, viewer, number));
        Placeholders placeholders = new Placeholders(request.summaryLine().requester().name().display(), number);
        return list(viewer, group).stream()
                .map(a -> new FilledAnswer(a, placeholders.fill(a.body().value())))
                .toList();
    }

    /** The canned answer {@code id}, NOT_FOUND when there is none. */
    public CannedAnswer find(Person viewer, CannedAnswerId id) {
        requireStaff(viewer);
        return unitOfWork.inTransaction(() -> answers.find(id)).orElseThrow(ListCannedAnswers::notFound);
    }

    static TicketingException notFound() {
        return TicketingException.notFound("canned_answer.not_found", "Cette réponse type est introuvable.");
    }

    private static void requireStaff(Person viewer) {
        Access.requireActive(viewer);
        Access.requireStaff(viewer);
    }
}
