package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import java.util.Set;
import java.util.UUID;

/**
 * What anonymisation leaves in place of personal data: the text of every free text, the placeholder requester of an
 * anonymised request (an identifier no directory hands out, as it begins with "$"), and the placeholder a forgotten
 * person becomes, unique so that the records keep apart the people they were.
 */
public final class Anonymised {

    /** The text left in place of summaries, descriptions, messages and history texts; file names are emptied. */
    public static final String TEXT = "[anonymisé]";

    /** The name of every placeholder. */
    public static final PersonName NAME = new PersonName("Personne", "anonymisée");

    /** The requester of every anonymised request. */
    public static final PersonRef REQUESTER = new PersonRef(PersonId.of("$anonyme"), NAME);

    private static final String PREFIX = "$anonyme";

    private Anonymised() {
    }

    /** A new placeholder for a forgotten person: inactive, a requester, of no group, in {@code establishment}. */
    public static Person person(Uai establishment) {
        String key = UUID.randomUUID().toString();
        return new Person(PersonId.of(PREFIX + "-" + key), EmailAddress.of("anonyme-" + key + "@example.org"), NAME,
                establishment, Set.of(Role.REQUESTER), Set.of(), false);
    }

    /** True for the identifier of a placeholder. */
    public static boolean is(PersonId id) {
        return id.value().startsWith(PREFIX);
    }

    /** The search text of an anonymised request: its number, the placeholder and its establishment. */
    public static String searchText(RequestNumber number, Uai establishment) {
        return SearchText.of(number.display(), REQUESTER.id().value(), NAME.display(),
                establishment == null ? "" : establishment.value(), TEXT);
    }
}
