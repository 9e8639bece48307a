package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.SupportGroup;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How administration reads the people an administrator names (identifiers as typed) and how its snapshots name people
 * (by name with their identifier) and groups (by label).
 */
final class AdminNames {

    /** People by family then given name in French alphabetical order (accents and case aside), then identifier. */
    static final Comparator<Person> BY_NAME = byName();

    private AdminNames() {
    }

    private static Comparator<Person> byName() {
        Collator french = Collator.getInstance(Locale.FRENCH);
        return Comparator.comparing(Person::name,
                        Comparator.comparing(PersonName::family, french).thenComparing(PersonName::given, french))
                .thenComparing(p -> p.id().value());
    }

    /**
     * The identifiers as typed, each once in the order first given; a missing or malformed one is refused on
     * {@code field}.
     */
    static List<PersonId> identifiers(List<String> raw, String field) {
        Set<PersonId> ids = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null) {
                throw DomainError.invalid(field, field + ".invalid", "Un identifiant manque dans la liste.")
                        .exception();
            }
            try {
                ids.add(PersonId.of(value));
            } catch (TicketingException e) {
                throw DomainError.invalid(field, field + ".invalid",
                        "« " + value + " » n'est pas un identifiant valide.").exception();
            }
        }
        return List.copyOf(ids);
    }

    /** {@code Anne Durand (admin)}. */
    static String person(Person person) {
        return person.name().display() + " (" + person.id().value() + ")";
    }

    /** A person's name with identifier, or the identifier alone for someone the directory no longer knows. */
    static String person(PersonId id, Optional<Person> known) {
        return known.map(AdminNames::person).orElse(id.value());
    }

    /** {@code Plateforme d'assistance du rectorat}: a group by its label, never its code. */
    static String group(SupportGroup group) {
        return group.label();
    }
}
