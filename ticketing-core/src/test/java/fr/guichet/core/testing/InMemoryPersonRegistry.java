package fr.guichet.core.testing;

import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.PersonSearch;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People and support groups kept in memory. */
public final class InMemoryPersonRegistry implements PersonRegistry {

    private final InMemoryDatabase db;

    public InMemoryPersonRegistry(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Person> find(PersonId id) {
        return db.read(s -> Optional.ofNullable(s.people.get(id)));
    }

    @Override
    public List<Person> membersOf(GroupCode group) {
        return db.read(s -> s.people.values().stream().filter(Person::active).filter(p -> p.groups().contains(group))
                .sorted(Comparator.comparing(p -> p.id().value())).toList());
    }

    @Override
    public Optional<SupportGroup> group(GroupCode code) {
        return db.read(s -> Optional.ofNullable(s.groups.get(code)));
    }

    @Override
    public List<SupportGroup> groups() {
        return db.read(s -> List.copyOf(s.groups.values()));
    }

    @Override
    public void save(Person person) {
        db.write(s -> {
            s.people.put(person.id(), person);
            if (person.active()) {
                s.inactiveSince.remove(person.id());
            }
        });
    }

    @Override
    public int noteInactive(Instant now) {
        return db.read(s -> {
            int noted = 0;
            for (Person p : s.people.values()) {
                if (!p.active() && s.inactiveSince.putIfAbsent(p.id(), now) == null) {
                    noted++;
                }
            }
            return noted;
        });
    }

    @Override
    public List<PersonId> inactiveBefore(Instant before, PersonId after, int limit) {
        return db.read(s -> s.people.values().stream()
                .filter(p -> !p.active() && !Anonymised.is(p.id()) && s.inactiveSince.containsKey(p.id())
                        && s.inactiveSince.get(p.id()).isBefore(before)
                        && (after == null || p.id().value().compareTo(after.value()) > 0))
                .map(Person::id).sorted(Comparator.comparing(PersonId::value)).limit(limit).toList());
    }

    @Override
    public void forget(PersonId person, Person placeholder) {
        db.write(s -> {
            if (s.people.remove(person) != null) {
                s.inactiveSince.remove(person);
                s.passwords.remove(person);
                s.preferences.remove(person);
                s.people.put(placeholder.id(), placeholder);
            }
        });
    }

    @Override
    public void saveGroup(SupportGroup group) {
        db.write(s -> s.groups.put(group.code(), group));
    }

    @Override
    public Page<Person> search(String words, PageRequest page) {
        List<String> wanted = SearchText.words(words);
        List<Person> found = db.read(s -> s.people.values().stream().filter(p -> PersonSearch.matches(p, wanted))
                .sorted(PersonSearch.ORDER).toList());
        return new Page<>(found.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                found.size());
    }

    @Override
    public Map<PersonId, NotificationPreferences> preferences(Collection<PersonId> people) {
        return db.read(s -> {
            Map<PersonId, NotificationPreferences> found = new LinkedHashMap<>();
            people.stream().filter(s.preferences::containsKey).forEach(id -> found.put(id, s.preferences.get(id)));
            return Map.copyOf(found);
        });
    }

    @Override
    public Map<PersonId, NotificationPreferences> allPreferences() {
        return db.read(s -> Map.copyOf(s.preferences));
    }

    @Override
    public void savePreferences(PersonId person, NotificationPreferences preferences) {
        db.write(s -> s.preferences.put(person, preferences));
    }
}
