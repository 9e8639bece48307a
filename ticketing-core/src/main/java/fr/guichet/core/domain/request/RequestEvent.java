package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;

/** Something that happened to a request, as the notification rules see it. */
public sealed interface RequestEvent {

    /** A new request was filed and routed to {@code group}. */
    record Filed(GroupCode group, PersonId assignee) implements RequestEvent {
    }

    /** Staff posted an answer the requester can read. */
    record Answered(Message message) implements RequestEvent {
    }

    /** Staff wrote a note only staff can read. */
    record NoteAdded(Message message) implements RequestEvent {
    }

    /** The requester followed up on their request. */
    record FollowedUp(Message message) implements RequestEvent {
    }

    /** The request moved to another group, or to a person in it. */
    record Redirected(GroupCode fromGroup, GroupCode toGroup, PersonId assignee, String comment)
            implements RequestEvent {
    }

    /** The request's status changed. */
    record StatusChanged(Status from, Status to, String comment, Actor actor) implements RequestEvent {
    }
}
