package fr.guichet.core.domain.subject;

/**
 * How a new request about a subject reaches a person: it waits in its group's queue, or it goes straight to a member
 * chosen by the deployment's routing policy (by default the member with the fewest open requests). Set per subject,
 * inherited down the tree (see {@link SubjectCatalog#routingOf}).
 */
public enum Routing {
    /** The request waits, NEW and unassigned, in its group's queue until a member takes it. */
    GROUP_QUEUE,
    /** The request goes to the member the routing policy picks: by default the one with the fewest open requests. */
    FEWEST_OPEN
}
