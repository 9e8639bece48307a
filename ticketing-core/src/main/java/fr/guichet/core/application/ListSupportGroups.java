package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.UnitOfWork;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a redirection or an assignment may choose from, for staff: every support group by label, each with its active
 * staff members by family then given name, in French alphabetical order (accents and case aside).
 */
public final class ListSupportGroups {

    private final UnitOfWork unitOfWork;
    private final PersonDirectory people;

    ListSupportGroups(UnitOfWork unitOfWork, PersonDirectory people) {
        this.unitOfWork = unitOfWork;
        this.people = people;
    }

    public List<GroupMembers> list(Person viewer) {
        Access.requireActive(viewer);
        Access.requireStaff(viewer);
        Collator french = Collator.getInstance(Locale.FRENCH);
        Comparator<Person> byName = Comparator.comparing((Person p) -> p.name(),
                        Comparator.comparing(PersonName::family, french).thenComparing(PersonName::given, french))
                .thenComparing(p -> p.id().value());
        return unitOfWork.inTransaction(() -> people.groups().stream()
                .map(g -> new GroupMembers(g, people.membersOf(g.code()).stream()
                        .filter(Person::active).filter(Person::isStaff).sorted(byName).toList()))
                .sorted(Comparator.comparing((GroupMembers g) -> g.group().label(), french)
                        .thenComparing(g -> g.group().code().value()))
                .toList());
    }
}
