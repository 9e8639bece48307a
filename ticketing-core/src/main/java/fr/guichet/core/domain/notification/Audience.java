package fr.guichet.core.domain.notification;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The people a request's event may concern, looked up by the use case: its requester, the members of its group, its
 * assignee (the last two after the change), and who acted (never notified of their own act); with the names people
 * read: the subject's display and the label of the request's group (after the change).
 */
public record Audience(PersonId actor, Person requester, List<Person> groupMembers, Person assignee,
        String subjectDisplay, String groupLabel) {

    public Audience {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subjectDisplay, "subjectDisplay");
        Objects.requireNonNull(groupLabel, "groupLabel");
        groupMembers = List.copyOf(groupMembers);
    }

    public Optional<Person> requesterPerson() {
        return Optional.ofNullable(requester);
    }

    public Optional<Person> assigneePerson() {
        return Optional.ofNullable(assignee);
    }
}
