package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;

/** Something that happened to a request, as the notification rules see it. */
public sealed interface RequestEvent {

    /** Hands this event to the {@code handler}'s method of its kind. */
    <R> R accept(Handler<R> handler);

    /** One method per kind of event: a new kind does not compile until every handler says what it does with it. */
    interface Handler<R> {
        R filed(Filed event);

        R answered(Answered event);

        R noteAdded(NoteAdded event);

        R followedUp(FollowedUp event);

        R redirected(Redirected event);

        R taken(Taken event);

        R statusChanged(StatusChanged event);

        R reminded(Reminded event);
    }

    /** A new request was filed and routed to {@code group}. */
    record Filed(GroupCode group, PersonId assignee) implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.filed(this);
        }
    }

    /** Staff posted an answer the requester can read. */
    record Answered(Message message) implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.answered(this);
        }
    }

    /** Staff wrote a note only staff can read. */
    record NoteAdded(Message message) implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.noteAdded(this);
        }
    }

    /** The requester followed up on their request. */
    record FollowedUp(Message message) implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.followedUp(this);
        }
    }

    /** The request moved to another group, or to a person in it; {@code assignee} and {@code comment} may be null. */
    record Redirected(GroupCode fromGroup, GroupCode toGroup, PersonId assignee, MessageBody comment)
            implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.redirected(this);
        }
    }

    /** A staff member of the request's group took it for themself; {@code previousAssignee} may be null. */
    record Taken(PersonId taker, PersonId previousAssignee) implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.taken(this);
        }
    }

    /** The request's status changed; {@code comment} may be null. */
    record StatusChanged(Status from, Status to, MessageBody comment, Actor actor) implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.statusChanged(this);
        }
    }

    /**
     * The requester was reminded that the request waits for their answer and will be resolved without it on
     * {@code resolvesOn} (a date as people read it, "21 décembre 2026").
     */
    record Reminded(String resolvesOn) implements RequestEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.reminded(this);
        }
    }
}
