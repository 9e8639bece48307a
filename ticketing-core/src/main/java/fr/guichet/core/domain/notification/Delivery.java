package fr.guichet.core.domain.notification;

/** How a staff member receives one kind of notification: each mail at once, gathered in a daily digest, or not. */
public enum Delivery {
    EACH,
    DIGEST,
    NONE
}
