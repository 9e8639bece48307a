package fr.guichet.core.domain.request;

/** Who makes a move on a request: its requester or a staff member. */
public enum Actor {
    REQUESTER,
    STAFF
}
