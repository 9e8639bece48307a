package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.port.RequestRepository;

/** The access rules of PRODUCT.md, in one place: who may see a request, who counts as staff. */
final class Access {

    private Access() {
    }

    static boolean canView(Person viewer, Request request) {
        return viewer.isStaff() || request.isRequester(viewer.id())
                || request.summaryLine().visibility() == Visibility.PUBLIC;
    }

    /** The request if {@code viewer} may see it; someone else's private request is "not found", like a missing one. */
    static Request visibleRequest(RequestRepository requests, Person viewer, RequestNumber number) {
        return requests.find(number).filter(r -> canView(viewer, r)).orElseThrow(() -> notFound(number));
    }

    static TicketingException notFound(RequestNumber number) {
        return TicketingException.notFound("request.not_found", "La demande " + number.display() + " est introuvable.");
    }

    static void requireStaff(Person person) {
        if (!person.isStaff()) {
            throw TicketingException.forbidden("staff.only",
                    "Cette action est réservée à l'équipe d'assistance.");
        }
    }

    /** Whether {@code person} may write the canned answers of {@code group}: its staff and administrators. */
    static boolean mayManageAnswersOf(Person person, GroupCode group) {
        return person.has(Role.ADMIN) || person.isStaff() && person.groups().contains(group);
    }

    static void requireActive(Person person) {
        if (!person.active()) {
            throw TicketingException.forbidden("person.inactive", "Votre compte est désactivé.");
        }
    }
}
