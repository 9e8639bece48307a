package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;

/** An administrator deactivates a person: they can no longer sign in, and their open sessions end at once. */
public final class DeactivatePerson {

    private final PersonRegistry people;
    private final SessionStore sessions;
    private final UnitOfWork unitOfWork;

    public DeactivatePerson(PersonRegistry people, SessionStore sessions, UnitOfWork unitOfWork) {
        this.people = people;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
    }

    public void deactivate(Person admin, PersonId target) {
        if (!admin.has(Role.ADMIN)) {
            throw TicketingException.forbidden("admin.only", "Cette action est réservée aux administrateurs.");
        }
        unitOfWork.run(() -> {
            Person person = people.find(target).orElseThrow(() -> TicketingException.notFound("person.not_found",
                    "Cette personne est introuvable."));
            people.save(person.deactivated());
            sessions.deleteAllOf(target);
        });
    }
}
