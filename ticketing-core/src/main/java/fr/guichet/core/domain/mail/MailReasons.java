package fr.guichet.core.domain.mail;

import java.util.Map;

/** The French wording of the reasons a mail was kept unattached or ignored, as staff read them. */
public final class MailReasons {

    /** The prefix of the reason of a mail some of whose files were refused, followed by their names. */
    public static final String REFUSED_FILES = "attachment.refused: ";

    private static final Map<String, String> FRENCH = Map.ofEntries(
            Map.entry("auto-submitted", "réponse automatique ignorée"),
            Map.entry("auto-reply", "réponse automatique ignorée"),
            Map.entry("precedence", "courriel envoyé en nombre (liste de diffusion) ignoré"),
            Map.entry("null-sender", "courriel automatique (sans adresse de retour) ignoré"),
            Map.entry("list-id", "courriel d'une liste de diffusion ignoré"),
            Map.entry("repeated", "même texte que le dernier message de cet expéditeur sur la demande, ignoré"),
            Map.entry("delivery-report", "avis de non-remise ignoré"),
            Map.entry("own-address", "courriel venant de Guichet lui-même ignoré"),
            Map.entry("rate-limited", "trop de courriels de cet expéditeur en une heure"),
            Map.entry("sender.invalid", "adresse de l'expéditeur illisible"),
            Map.entry("no-token", "aucune demande indiquée"),
            Map.entry("token.invalid", "jeton invalide"),
            Map.entry("request.not-found", "demande introuvable"),
            Map.entry("sender.mismatch", "expéditeur différent du demandeur"),
            Map.entry("request.closed", "demande close"),
            Map.entry("text.empty", "courriel sans texte"),
            Map.entry("sender.unknown", "expéditeur inconnu ou hors de l'académie"),
            Map.entry("sender.unverified", "expéditeur non authentifié"),
            Map.entry("filing.refused", "nouvelle demande impossible par courriel"),
            Map.entry("too-large", "courriel trop volumineux, laissé dans le dossier Guichet-erreurs"),
            Map.entry("unreadable", "courriel illisible, laissé dans le dossier Guichet-erreurs"));

    private MailReasons() {
    }

    /** What {@code reason} means, in French; a reason Guichet does not know reads « autre raison ». */
    public static String french(String reason) {
        if (reason == null || reason.isEmpty()) {
            return "";
        }
        if (reason.startsWith(REFUSED_FILES)) {
            return "fichiers refusés : " + reason.substring(REFUSED_FILES.length());
        }
        return FRENCH.getOrDefault(reason, "autre raison");
    }
}
