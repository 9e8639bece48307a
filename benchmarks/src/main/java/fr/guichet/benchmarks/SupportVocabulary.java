package fr.guichet.benchmarks;

import fr.guichet.core.domain.request.SearchText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The people and words of the bulk-loaded requests: French given and family names, and summaries made of an object,
 * a problem and a place of a school's IT support, with their descriptions; each row carries its text
 * {@link SearchText normalised} as Guichet stores it. The list sizes are chosen so that a family name is on about
 * 0.7% of the requests and each of {@link #WORD_PAIRS} on 2 to 6%.
 */
final class SupportVocabulary {

    /** A requester's name, given and family, with its search text. */
    record NameRow(int index, String given, String family, String searchText) {
    }

    /** A summary with its description and their search text. */
    record TextRow(int index, String summary, String description, String searchText) {
    }

    static final List<String> GIVEN_NAMES = List.of("Camille", "Nathalie", "Isabelle", "Sylvie", "Catherine",
            "Sophie", "Julien", "Nicolas", "Stéphane", "Christophe", "Céline", "Aurélie", "Thomas", "Émilie",
            "Sandrine", "Olivier", "Frédéric", "Valérie", "Karim", "Samia", "Mélanie", "Jérôme", "Hélène");

    static final List<String> FAMILY_NAMES = List.of("Martin", "Bernard", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "David", "Bertrand", "Morel",
            "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure",
            "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
            "Garcia", "Perrin", "Robin", "Clément", "Morin", "Henry", "Roussel", "Mathieu", "Masson", "Marchand",
            "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud",
            "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Gérard", "Roche", "Renard",
            "Schmitt", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas",
            "Lacroix", "Bourgeois", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Guillaume", "Lecomte", "Dupuy",
            "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Moulin", "Deschamps", "Huet", "Vasseur", "Perez",
            "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Poirier", "Marty", "Aubry", "Guyot", "Carré",
            "Renault", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider",
            "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Prévost", "Millet", "Perrot", "Cousin", "Germain",
            "Breton", "Besson", "Langlois", "Pelletier", "Lévêque", "Leblanc", "Barré", "Weber", "Hamon", "Boulanger",
            "Monnier", "Michaud", "Tessier", "Chauvin", "Da Silva", "Humbert", "Hoarau", "Nguyen", "Benali",
            "Haddad", "Diallo", "Traoré");

    static final List<String> OBJECTS = List.of("Imprimante réseau", "Ordinateur portable", "Vidéoprojecteur",
            "Tableau numérique interactif", "Messagerie académique", "Espace numérique de travail", "Pronote",
            "Connexion wifi", "Mot de passe", "Tablette de la classe mobile", "Logiciel de bureautique", "Scanner",
            "Poste de travail", "Lecteur réseau partagé", "Clé USB", "Compte utilisateur", "Photocopieur");

    static final List<String> PROBLEMS = List.of("ne répond plus", "ne démarre plus", "impossible de se connecter",
            "message d'erreur au lancement", "très lent", "hors service", "mise à jour en échec", "écran noir",
            "pas de son", "bourrage papier", "affichage déformé");

    static final List<String> PLACES = List.of("en salle des professeurs", "en salle 12", "en salle informatique",
            "au CDI", "au secrétariat", "à la vie scolaire", "au laboratoire de sciences");

    private static final List<String> SINCE = List.of("ce matin", "hier soir", "la rentrée", "lundi",
            "les vacances");

    /** Family names searched by the workbench: none is part of another name or of a summary's words. */
    static final List<String> SEARCHED_NAMES = List.of("Lefèvre", "Rousseau", "Fontaine", "Mercier", "Benali",
            "Nguyen", "Guérin", "Chevalier");

    /** Two words searched together: each pair is in 2 to 6% of the summaries (object, problem or place). */
    static final List<String> WORD_PAIRS = List.of("imprimante réseau", "wifi salle", "connecter salle",
            "tableau numérique");

    private SupportVocabulary() {
    }

    /** Every (given, family) pair once: {@code GIVEN_NAMES.size() × FAMILY_NAMES.size()} rows. */
    static List<NameRow> names() {
        int given = GIVEN_NAMES.size();
        int family = FAMILY_NAMES.size();
        requireCoprime(given, family);
        List<NameRow> rows = new ArrayList<>();
        for (int i = 0; i < given * family; i++) {
            String g = GIVEN_NAMES.get(i % given);
            String f = FAMILY_NAMES.get(i % family);
            rows.add(new NameRow(i, g, f, SearchText.of(g + " " + f)));
        }
        return rows;
    }

    /** Every (object, problem, place) once, with a description that repeats them as a requester would. */
    static List<TextRow> texts() {
        int objects = OBJECTS.size();
        int problems = PROBLEMS.size();
        int places = PLACES.size();
        requireCoprime(objects, problems);
        requireCoprime(objects * problems, places);
        List<TextRow> rows = new ArrayList<>();
        for (int i = 0; i < objects * problems * places; i++) {
            String object = OBJECTS.get(i % objects);
            String problem = PROBLEMS.get(i % problems);
            String place = PLACES.get(i % places);
            String summary = object + " " + problem + " " + place;
            String description = "Bonjour, depuis " + SINCE.get(i % SINCE.size()) + ", "
                    + object.toLowerCase(Locale.FRENCH) + " " + problem + " " + place
                    + ". Pouvez-vous intervenir ? Merci d'avance.";
            rows.add(new TextRow(i, summary, description, SearchText.of(summary, description)));
        }
        return rows;
    }

    private static void requireCoprime(int a, int b) {
        if (!BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).equals(BigInteger.ONE)) {
            throw new IllegalStateException(a + " and " + b + " must be coprime, so that every pair occurs");
        }
    }
}
