package fr.guichet.core.domain.request;

/** A message on a request: a staff answer the requester sees, a staff-only note, or the requester's follow-up. */
public enum MessageKind {
    PUBLIC_ANSWER,
    INTERNAL_NOTE,
    FOLLOW_UP;

    public boolean isInternal() {
        return this == INTERNAL_NOTE;
    }
}
