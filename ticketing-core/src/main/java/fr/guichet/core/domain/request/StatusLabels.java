package fr.guichet.core.domain.request;

/** The French names of the statuses, as end users read them. */
public final class StatusLabels {

    private StatusLabels() {
    }

    public static String french(Status status) {
        return switch (status) {
            case NEW -> "nouvelle";
            case ASSIGNED -> "attribuée";
            case IN_PROGRESS -> "en cours";
            case WAITING_FOR_REQUESTER -> "en attente de votre réponse";
            case RESOLVED -> "résolue";
            case CLOSED -> "close";
        };
    }
}
