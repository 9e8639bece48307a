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

    /** The role as people read it: Demandeur, Agent, Spécialiste, Administrateur. */
    public String french() {
        switch (this) {
            case REQUESTER:
                return "Demandeur";
            case AGENT:
                return "Agent";
            case SPECIALIST:
                return "Spécialiste";
            default:
                return "Administrateur";
        }
    }
}
