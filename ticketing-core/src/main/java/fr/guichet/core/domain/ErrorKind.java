package fr.guichet.core.domain;

/** The family of a refusal: what kind of answer a caller owes the user (the HTTP facade maps each to one status). */
public enum ErrorKind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    STALE,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    TOO_MANY_ATTEMPTS,
    UNAVAILABLE
}
