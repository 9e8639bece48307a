package fr.guichet.core.testing;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Shared test data: the seed's catalog and people, and makers of fresh people and requests for contract tests. */
public final class Fixtures {

    public static final GroupCode PLATEFORME = GroupCode.of("PLATEFORME");
    public static final GroupCode EVE = GroupCode.of("EVE");
    public static final SubjectCode EVE_4 = SubjectCode.parse("EVE-4");
    public static final SubjectCode MATHENPOCHE = SubjectCode.parse("EVE-4.2");
    public static final SubjectCode LABOMEP = SubjectCode.parse("EVE-4.3");
    public static final SubjectCode MAIL = SubjectCode.parse("MES-1");
    public static final SubjectCode WEBMAIL = SubjectCode.parse("MES-1.1");
    /** A subject whose requests wait in the platform's queue (routing GROUP_QUEUE), and a leaf of it. */
    public static final SubjectCode NETWORK = SubjectCode.parse("RES-5");
    public static final SubjectCode PRINTERS = SubjectCode.parse("RES-5.3");
    /** The seed's date: 1 September 2008, 10:00 in Paris. */
    public static final Instant SEED_DAY = Instant.parse("2008-09-01T08:00:00Z");

    private Fixtures() {
    }

    public static List<SupportGroup> groups() {
        return List.of(new SupportGroup(PLATEFORME, "Plateforme d'assistance du rectorat"),
                new SupportGroup(EVE, "Spécialistes des applications disciplinaires"));
    }

    /**
     * The seed's catalog: Mathenpoche and Webmail go straight to a platform member (inherited default routing), LaboMep
     * to a member of EVE, Imprimantes waits in the platform's queue.
     */
    public static SubjectCatalog catalog() {
        return SubjectCatalog.of(List.of(
                new Subject(EVE_4, "Applications Disciplinaires", true, PLATEFORME, List.of()),
                new Subject(SubjectCode.parse("EVE-4.1"), "Sésamath", false, null, List.of()),
                new Subject(MATHENPOCHE, "Mathenpoche", true, null, List.of(PersonId.of("specialiste-mep"))),
                new Subject(LABOMEP, "LaboMep", true, EVE, List.of(), Routing.FEWEST_OPEN),
                new Subject(MAIL, "Messagerie", true, PLATEFORME, List.of()),
                new Subject(WEBMAIL, "Webmail", true, null, List.of()),
                new Subject(NETWORK, "Réseau et matériel", true, PLATEFORME, List.of(), Routing.GROUP_QUEUE),
                new Subject(PRINTERS, "Imprimantes", true, null, List.of())),
                List.of(new RequestType("USAGE", "difficulté d'utilisation/installation"),
                        new RequestType("INCIDENT", "incident, panne"),
                        new RequestType("INFO", "demande d'information")));
    }

    public static Person montanes() {
        return new Person(PersonId.of("mmontanes"), EmailAddress.of("marc.montanes@ac-creteil.fr"),
                new PersonName("Marc", "Montanes"), Uai.parse("0941295X"), Set.of(Role.REQUESTER), Set.of(), true);
    }

    public static Person dupont() {
        return new Person(PersonId.of("jdupont"), EmailAddress.of("jeanne.dupont@ac-creteil.fr"),
                new PersonName("Jeanne", "Dupont"), Uai.parse("0930122C"), Set.of(Role.REQUESTER), Set.of(), true);
    }

    public static Person agent() {
        return new Person(PersonId.of("agent1"), EmailAddress.of("agent1@ac-creteil.fr"),
                new PersonName("Alice", "Agent"), null, Set.of(Role.AGENT), Set.of(PLATEFORME), true);
    }

    public static Person specialist() {
        return new Person(PersonId.of("specialiste-mep"), EmailAddress.of("specialiste.mep@ac-creteil.fr"),
                new PersonName("Sam", "Spécialiste"), null, Set.of(Role.SPECIALIST), Set.of(EVE), true);
    }

    public static Person outsider() {
        return new Person(PersonId.of("intrus"), EmailAddress.of("intrus@evil-ac-creteil.fr"),
                new PersonName("Ivan", "Intrus"), null, Set.of(Role.REQUESTER), Set.of(), true);
    }

    public static List<Person> people() {
        return List.of(montanes(), dupont(), agent(), specialist(), outsider());
    }

    /** A fresh requester no other test uses. */
    public static Person newRequester() {
        String id = unique("req-");
        return new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"), new PersonName("Élise", "Ñúñez"),
                Uai.parse("0941295X"), Set.of(Role.REQUESTER), Set.of(), true);
    }

    /** A fresh staff member of {@code group} no other test uses. */
    public static Person newStaff(GroupCode group) {
        String id = unique("staff-");
        return new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"), new PersonName("Paul", "Agent"),
                null, Set.of(Role.AGENT), Set.of(group), true);
    }

    /**
     * {@code prefix} and 13 random letters from a to p: no digit, so that a search by a number or by digits ("100%")
     * never finds a request by its people's identifiers by chance.
     */
    private static String unique(String prefix) {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 13);
        return prefix + random.chars().map(c -> Character.isDigit(c) ? 'g' + c - '0' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    /** A fresh group no other test uses. */
    public static SupportGroup newGroup() {
        return new SupportGroup(GroupCode.of("G" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()),
                "Groupe de test");
    }

    public static RequestDraft seedDraft() {
        return new RequestDraft(MATHENPOCHE, "USAGE", new Summary("perte d'identifiant"),
                new Description("Je ne me souviens plus de mon mot de passe"), Visibility.PRIVATE);
    }

    /** A new request as filed by {@code requester}, routed to PLATEFORME, no attachment. */
    public static Request request(RequestNumber number, Person requester, Instant at) {
        return Request.file(number, requester, seedDraft(), PLATEFORME, null, List.of(), null, at);
    }

    public static Attachment attachment(String name, Instant at) {
        return new Attachment(AttachmentId.random(), name, "application/pdf", 1234, at);
    }
}
