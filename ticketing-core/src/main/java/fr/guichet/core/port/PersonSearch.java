package fr.guichet.core.port;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.SearchText;
import java.util.Comparator;
import java.util.List;

/**
 * How people are searched and listed by administrators, written once so that every store answers alike: a person's
 * search text is their identifier, names and e-mail address normalised by {@link SearchText}; a search keeps the
 * people whose search text holds every word typed; lists go by normalised family name, given name, then identifier.
 * Pure and thread-safe.
 */
public final class PersonSearch {

    /** The order of lists of people. */
    public static final Comparator<Person> ORDER = Comparator.comparing(PersonSearch::familyKey)
            .thenComparing(PersonSearch::givenKey).thenComparing(p -> p.id().value());

    private PersonSearch() {
    }

    /** What a search of people looks into. */
    public static String text(Person person) {
        return SearchText.of(person.id().value(), person.name().given(), person.name().family(),
                person.email().value());
    }

    public static String familyKey(Person person) {
        return SearchText.normalize(person.name().family());
    }

    public static String givenKey(Person person) {
        return SearchText.normalize(person.name().given());
    }

    /** Whether {@code person} holds every word of {@code words} (everyone for none). */
    public static boolean matches(Person person, List<String> words) {
        String text = text(person);
        return words.stream().allMatch(text::contains);
    }
}
