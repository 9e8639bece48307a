package fr.guichet.core.domain.request;

/** The French names of the statuses, as end users read them. */
public final class StatusLabels {

    private StatusLabels() {
    }

    /** The name a requester reads: a request waiting for them is "en attente de votre réponse". */
    public static String french(Status status) {
        return french(status, Actor.REQUESTER);
    }

    /** The name {@code reader} reads: staff read that a request waits for its requester. */
    public static String french(Status status, Actor reader) {
        return switch (status) {
            case NEW -> "nouvelle";
            case ASSIGNED -> "attribuée";
            case IN_PROGRESS -> "en cours";
            case WAITING_FOR_REQUESTER -> reader == Actor.STAFF ? "en attente du demandeur"
                    : "en attente de votre réponse";
            case RESOLVED -> "résolue";
            case CLOSED -> "close";
        };
    }
}
