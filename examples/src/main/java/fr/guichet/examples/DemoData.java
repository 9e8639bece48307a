package fr.guichet.examples;

import fr.guichet.core.application.InboundMail;
import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerText;
import fr.guichet.core.domain.answer.CannedAnswerTitle;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.ServiceTargets;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo académie: a realistic support catalog, the platform and specialist groups, two teachers and staff, schools
 * of its three départements. The platform's subjects wait in its queue for an agent to take them (GROUP_QUEUE);
 * LaboMep goes to the small group of specialists of the disciplinary applications, straight to the one with the
 * fewest open requests (FEWEST_OPEN).
 * The platform's agents have canned answers for what they are asked most.
 */
public final class DemoData {

    public static final GroupCode PLATEFORME = GroupCode.of("PLATEFORME");
    public static final GroupCode EVE = GroupCode.of("EVE");

    private DemoData() {
    }

    public static SubjectCatalog catalog() {
        return SubjectCatalog.of(List.of(
                platform("EVE-4", "Applications Disciplinaires"),
                subject("EVE-4.1", "Sésamath"),
                new Subject(SubjectCode.parse("EVE-4.2"), "Mathenpoche", true, null,
                        List.of(PersonId.of("specialiste-mep"))),
                new Subject(SubjectCode.parse("EVE-4.3"), "LaboMep", true, EVE,
                        List.of(PersonId.of("specialiste-mep")), Routing.FEWEST_OPEN),
                subject("EVE-4.4", "Éduthèque"),
                platform("MES-1", "Messagerie académique"),
                subject("MES-1.1", "Webmail"),
                subject("MES-1.2", "Identifiant et mot de passe").withTargets(new ServiceTargets(2, 8)),
                subject("MES-1.3", "Listes de diffusion"),
                platform("ENT-2", "Espace numérique de travail"),
                subject("ENT-2.1", "Accès à l'ENT"),
                subject("ENT-2.2", "Cahier de textes"),
                platform("GES-3", "Applications de gestion"),
                subject("GES-3.1", "iProf"),
                subject("GES-3.2", "SCONET – Base élèves"),
                subject("GES-3.3", "Livret scolaire unique (LSU)"),
                platform("RES-5", "Réseau et matériel de l'établissement"),
                subject("RES-5.1", "Connexion internet"),
                subject("RES-5.2", "Poste de travail"),
                subject("RES-5.3", "Imprimantes")),
                List.of(new RequestType("USAGE", "difficulté d'utilisation/installation"),
                        new RequestType("INCIDENT", "incident, panne"),
                        new RequestType("ACCES", "demande de compte ou d'accès"),
                        new RequestType("INFO", "demande d'information"),
                        new RequestType("EVOLUTION", "suggestion d'amélioration")));
    }

    /** A subject that takes its group and routing from its parent. */
    private static Subject subject(String code, String label) {
        return new Subject(SubjectCode.parse(code), label, true, null, List.of());
    }

    /**
     * A top subject of the platform, whose requests wait in its queue until an agent takes one, answered within a
     * working day and resolved within a working week (8 and 40 working hours), for the subjects under it too.
     */
    private static Subject platform(String code, String label) {
        return new Subject(SubjectCode.parse(code), label, true, PLATEFORME, List.of(), Routing.GROUP_QUEUE, 0,
                new ServiceTargets(8, 40));
    }

    public static List<SupportGroup> groups() {
        return List.of(new SupportGroup(PLATEFORME, "Plateforme d'assistance du rectorat"),
                new SupportGroup(EVE, "Spécialistes des applications disciplinaires"));
    }

    public static List<Person> people() {
        return List.of(
                person("mmontanes", "marc.montanes@ac-creteil.fr", "Marc", "Montanes", "0941295X",
                        Set.of(Role.REQUESTER), Set.of()),
                person("jdupont", "jeanne.dupont@ac-creteil.fr", "Jeanne", "Dupont", "0930122C",
                        Set.of(Role.REQUESTER), Set.of()),
                person("agent1", "agent1@ac-creteil.fr", "Alice", "Martin", null, Set.of(Role.AGENT),
                        Set.of(PLATEFORME)),
                person("specialiste-mep", "specialiste.mep@ac-creteil.fr", "Samir", "Benali", null,
                        Set.of(Role.SPECIALIST), Set.of(EVE)),
                person("admin", "admin.guichet@ac-creteil.fr", "Anne", "Durand", null,
                        Set.of(Role.ADMIN, Role.AGENT), Set.of(PLATEFORME)));
    }

    /**
     * Schools of the académie's three départements (Seine-et-Marne, Seine-Saint-Denis, Val-de-Marne), made up for the
     * demo with valid UAIs: the demo teachers' among them.
     */
    public static List<Establishment> establishments() {
        return List.of(
                school("0941295X", "Collège Jean Moulin", "Collège", "Créteil", "94"),
                school("0930122C", "Collège Pablo Neruda", "Collège", "Bobigny", "93"),
                school("0770931U", "Collège Les Tilleuls", "Collège", "Meaux", "77"),
                school("0771204R", "Lycée Jean Vilar", "Lycée", "Meaux", "77"),
                school("0771688S", "École élémentaire Les Marronniers", "Ecole", "Melun", "77"),
                school("0772045E", "Collège Jacques Prévert", "Collège", "Chelles", "77"),
                school("0772319C", "Lycée polyvalent Camille Claudel", "Lycée", "Pontault-Combault", "77"),
                school("0773102D", "École maternelle Le Petit Prince", "Ecole", "Fontainebleau", "77"),
                school("0773455M", "Collège Georges Brassens", "Collège", "Torcy", "77"),
                school("0774018Z", "Lycée professionnel Gustave Eiffel", "Lycée", "Provins", "77"),
                school("0774266U", "École primaire Jules Ferry", "Ecole", "Nemours", "77"),
                school("0930587H", "Lycée Louise Michel", "Lycée", "Bobigny", "93"),
                school("0931034U", "Collège Jean Jaurès", "Collège", "Montreuil", "93"),
                school("0931452Y", "École élémentaire Anatole France", "Ecole", "Saint-Denis", "93"),
                school("0932118X", "Lycée Paul Éluard", "Lycée", "Saint-Denis", "93"),
                school("0932467B", "Collège Lucie Aubrac", "Collège", "Aubervilliers", "93"),
                school("0933075M", "École maternelle Les Lilas", "Ecole", "Pantin", "93"),
                school("0933612W", "Lycée professionnel Denis Papin", "Lycée", "La Courneuve", "93"),
                school("0934026W", "Collège Henri Barbusse", "Collège", "Noisy-le-Sec", "93"),
                school("0940118T", "Lycée Marcelin Berthelot", "Lycée", "Saint-Maur-des-Fossés", "94"),
                school("0940743X", "École élémentaire Victor Hugo", "Ecole", "Vitry-sur-Seine", "94"),
                school("0941380P", "Collège Simone Veil", "Collège", "Champigny-sur-Marne", "94"),
                school("0941927J", "Lycée Guillaume Budé", "Lycée", "Limeil-Brévannes", "94"),
                school("0942253N", "École maternelle Pauline Kergomard", "Ecole", "Ivry-sur-Seine", "94"),
                school("0942681D", "Collège Albert Camus", "Collège", "Le Kremlin-Bicêtre", "94"),
                school("0943019W", "Lycée professionnel Jean Macé", "Lycée", "Vitry-sur-Seine", "94"),
                school("0943354K", "Collège Elsa Triolet", "Collège", "Villejuif", "94"),
                school("0943790J", "École primaire Condorcet", "Ecole", "Maisons-Alfort", "94"));
    }

    private static Establishment school(String uai, String name, String kind, String commune, String department) {
        return new Establishment(Uai.parse(uai), name, kind, commune, new Department(department));
    }

    /** The platform's canned answers: a procedure it sends often and a question it often has to ask. */
    public static List<CannedAnswer> cannedAnswers() {
        return List.of(
                canned("Réinitialiser le mot de passe de la messagerie", "Bonjour {demandeur},\n\n"
                        + "Pour choisir un nouveau mot de passe de votre messagerie académique :\n"
                        + "1. ouvrez le portail académique et choisissez « Mot de passe oublié » ;\n"
                        + "2. saisissez votre identifiant et votre date de naissance ;\n"
                        + "3. suivez le lien reçu sur votre adresse personnelle.\n\n"
                        + "Si le portail refuse votre identifiant, répondez-nous en rappelant le numéro {numero}.\n\n"
                        + "Cordialement,\nLa plateforme d'assistance du rectorat"),
                canned("Préciser le modèle de l'imprimante", "Bonjour {demandeur},\n\n"
                        + "Pouvez-vous préciser le modèle de l'imprimante (marque et référence inscrites sur son "
                        + "étiquette) et le message qu'elle affiche ?\n\nCordialement,\n"
                        + "La plateforme d'assistance du rectorat"),
                canned("Demande résolue : confirmation", "Bonjour {demandeur},\n\n"
                        + "Nous considérons votre demande {numero} comme résolue. Si le problème revient, vous "
                        + "pouvez la rouvrir depuis sa page en expliquant ce qui se passe.\n\nCordialement,\n"
                        + "La plateforme d'assistance du rectorat"));
    }

    private static CannedAnswer canned(String title, String body) {
        return CannedAnswer.create(PLATEFORME, new CannedAnswerTitle(title), new CannedAnswerText(body));
    }

    private static Person person(String id, String email, String given, String family, String uai, Set<Role> roles,
            Set<GroupCode> groups) {
        return new Person(PersonId.of(id), EmailAddress.of(email), new PersonName(given, family),
                uai == null ? null : Uai.parse(uai), roles, groups, true);
    }

    /**
     * Mail the demo's helpdesk mailbox received and Guichet kept for staff: a parent's question without a request
     * (unattached), a reply whose tag was forged (unattached) and an out-of-office reply (ignored).
     */
    public static List<InboundMail> mails() {
        return List.of(
                new InboundMail("<demo-parent@guichet.example>", "Sophie Martin <sophie.martin@example.org>",
                        List.of("assistance@ac-creteil.fr"), "Accès à l'ENT de mon fils",
                        "Bonjour,\nmon fils n'arrive plus à se connecter à l'ENT depuis la rentrée.\nMerci.",
                        Map.of(), List.of()),
                new InboundMail("<demo-jeton@guichet.example>", "Marc Montanes <marc.montanes@ac-creteil.fr>",
                        List.of("assistance@ac-creteil.fr"), "RE: Votre demande [Guichet 0000001-AAAAAAAAAA]",
                        "Bonjour,\nl'imprimante fonctionne de nouveau.\n\nLe 2 sept. 2008, Guichet a écrit :\n> Bonjour",
                        Map.of(), List.of()),
                new InboundMail("<demo-absence@guichet.example>", "jeanne.dupont@ac-creteil.fr",
                        List.of("assistance@ac-creteil.fr"), "Absence du 1er au 5 septembre",
                        "Je suis absente et lirai votre message à mon retour.",
                        Map.of("Auto-Submitted", List.of("auto-replied")), List.of()));
    }

    /**
     * Loads the demo data into an empty database, in one transaction under the catalog's lock, so that of several
     * nodes started at once with {@code --demo} exactly one loads it; every demo person gets {@code password}, and the
 * directory of establishments the demo's schools. True
     * when loaded; false, with nothing written, when the database already holds a catalog, a group or a demo person.
     */
    public static boolean loadIntoEmpty(UnitOfWork unitOfWork, CatalogStore catalog, PersonRegistry people,
            LocalAccounts accounts, CannedAnswers answers, EstablishmentDirectory establishments, String password) {
        return unitOfWork.inTransaction(() -> {
            catalog.lock();
            if (!isEmpty(catalog, people)) {
                return false;
            }
            groups().forEach(people::saveGroup);
            catalog.replace(catalog());
            for (Person p : people()) {
                people.save(p);
                accounts.setPassword(p.id(), password);
            }
            cannedAnswers().forEach(answers::add);
            establishments.saveAll(establishments());
            return true;
        });
    }

    private static boolean isEmpty(CatalogStore catalog, PersonRegistry people) {
        return catalog.catalog().all().isEmpty() && people.groups().isEmpty()
                && people().stream().allMatch(p -> people.find(p.id()).isEmpty());
    }
}
