package fr.guichet.core.domain.person;

/** What a person may do: file requests, or work on them as staff. */
public enum Role {
    REQUESTER,
    AGENT,
    SPECIALIST,
    ADMIN;

    public boolean isStaff() {
        return this != REQUESTER;
    }
}
