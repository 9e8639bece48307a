package fr.guichet.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * People and support groups read from the directory with the service account: a person is a person entry with a
 * valid identifier, e-mail and name, their support groups and roles coming from the configured group entries and
 * attributes; support groups are the configured group entries. Read-only and thread-safe.
 */
final class LdapPersonDirectory implements PersonDirectory {

    private final PersonLookup lookup;
    private final GroupEntries groups;

    LdapPersonDirectory(PersonLookup lookup, GroupEntries groups) {
        this.lookup = lookup;
        this.groups = groups;
    }

    @Override
    public Optional<Person> find(PersonId id) {
        return lookup.byIdentifier(id.value()).flatMap(this::person);
    }

    @Override
    public List<Person> membersOf(GroupCode group) {
        return groups.memberDns(group).stream()
                .flatMap(dn -> lookup.byDn(dn).stream())
                .flatMap(entry -> person(entry).stream())
                .filter(Person::active)
                .filter(p -> p.groups().contains(group))
                .collect(Collectors.toMap(p -> p.id().value(), p -> p, (a, b) -> a, TreeMap::new))
                .values().stream().toList();
    }

    @Override
    public Optional<SupportGroup> group(GroupCode code) {
        return groups.group(code);
    }

    @Override
    public List<SupportGroup> groups() {
        return groups.groups();
    }

    private Optional<Person> person(SearchResultEntry entry) {
        return lookup.entries().person(entry, groups.groupsOf(entry.getDN()));
    }
}
