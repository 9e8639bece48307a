package fr.guichet.ldap;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the people found by identifier for a short time, so that every authenticated call does not ask the directory
 * again; absent people, groups and members are always asked. Thread-safe.
 */
final class CachedPersonDirectory implements PersonDirectory {

    private static final int MAX_ENTRIES = 10_000;

    private record Cached(Person person, Instant expiresAt) {
    }

    private final PersonDirectory directory;
    private final Duration expiry;
    private final Clock clock;
    private final Map<PersonId, Cached> people = new ConcurrentHashMap<>();

    CachedPersonDirectory(PersonDirectory directory, Duration expiry, Clock clock) {
        this.directory = directory;
        this.expiry = expiry;
        this.clock = clock;
    }

    @Override
    public Optional<Person> find(PersonId id) {
        Instant now = clock.instant();
        Cached cached = people.get(id);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return Optional.of(cached.person());
        }
        Optional<Person> found = directory.find(id);
        if (found.isPresent()) {
            if (people.size() >= MAX_ENTRIES) {
                people.values().removeIf(c -> !now.isBefore(c.expiresAt()));
            }
            if (people.size() < MAX_ENTRIES) {
                people.put(id, new Cached(found.get(), now.plus(expiry)));
            }
        } else {
            people.remove(id);
        }
        return found;
    }

    @Override
    public List<Person> membersOf(GroupCode group) {
        return directory.membersOf(group);
    }

    @Override
    public Optional<SupportGroup> group(GroupCode code) {
        return directory.group(code);
    }

    @Override
    public List<SupportGroup> groups() {
        return directory.groups();
    }

    @Override
    public Set<PersonField> decides() {
        return directory.decides();
    }
}
