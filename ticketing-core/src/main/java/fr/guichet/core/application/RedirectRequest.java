package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;

/**
 * Staff redirect a request to a group, and to a person: one named (a member of the group or a specialist of the
 * subject), or else as the subject's routing says (left in the group's queue, or one chosen by the routing policy).
 * The comment becomes an internal note; the history keeps the move.
 */
public final class RedirectRequest {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final PersonDirectory people;
    private final Labels labels;
    private final Notifier notifier;
    private final Router router;
    private final Clock clock;

    RedirectRequest(UnitOfWork unitOfWork, RequestRepository requests, PersonDirectory people, Labels labels,
            Notifier notifier, Router router, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.people = people;
        this.labels = labels;
        this.notifier = notifier;
        this.router = router;
        this.clock = clock;
    }

    /** {@code assignee}, {@code comment} and {@code expectedVersion} may be null. */
    public RequestDetails redirect(Person staff, RequestNumber number, GroupCode group, PersonId assignee,
            String comment, Long expectedVersion) {
        Access.requireActive(staff);
        Access.requireStaff(staff);
        MessageBody note = MessageBody.comment(comment);
        if (people.group(group).isEmpty()) {
            throw DomainError.invalid("group", "group.unknown", "Ce groupe de support n'existe pas.").exception();
        }
        SubjectCatalog catalog = labels.catalog();
        return unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, staff, number);
            ExpectedVersion.check(request, expectedVersion);
            Subject subject = catalog.find(request.summaryLine().subject()).orElse(null);
            PersonId chosen = assignee != null ? checkAssignee(assignee, group, subject)
                    : subject == null ? null
                    : router.assignee(group, subject, catalog.routingOf(subject)).orElse(null);
            Instant now = clock.instant();
            RequestChange change = request.redirect(staff, group, chosen, note, now);
            notifier.notify(catalog, change.after(), change.events(), staff.id(), now);
            ExpectedVersion.store(requests, change, expectedVersion);
            return labels.details(catalog, change.after(), staff);
        });
    }

    private PersonId checkAssignee(PersonId assignee, GroupCode group, Subject subject) {
        Person person = people.find(assignee).filter(Person::active).filter(Person::isStaff)
                .orElseThrow(() -> DomainError.invalid("assignee", "assignee.unknown",
                        "Cette personne n'existe pas ou ne fait pas partie de l'équipe d'assistance.").exception());
        boolean specialist = subject != null && subject.specialists().contains(assignee);
        if (!person.groups().contains(group) && !specialist) {
            throw DomainError.invalid("assignee", "assignee.not_in_group",
                    "Cette personne n'appartient pas au groupe choisi et n'est pas spécialiste du sujet.").exception();
        }
        return assignee;
    }
}
