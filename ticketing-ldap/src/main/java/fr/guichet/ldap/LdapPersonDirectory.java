package fr.guichet.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final Set<PersonField> decided;

    LdapPersonDirectory(PersonLookup lookup, GroupEntries groups, Set<PersonField> decided) {
        this.lookup = lookup;
        this.groups = groups;
        this.decided = Set.copyOf(decided);
    }

    /**
     * What a directory of {@code config} decides: a person's address, names, establishment and active state always;
     * their roles when an attribute or a group mapping gives roles; their support groups when a group mapping gives a
     * support group. Guichet keeps the rest (see {@code Ports.withDirectory}).
     */
    static Set<PersonField> decidedBy(LdapConfig config) {
        Set<PersonField> fields = EnumSet.of(PersonField.EMAIL, PersonField.GIVEN_NAME, PersonField.FAMILY_NAME,
                PersonField.ESTABLISHMENT, PersonField.ACTIVE);
        List<LdapConfig.GroupMapping> mappings = config.groups().mappings();
        if (config.people().roleAttribute() != null || mappings.stream().anyMatch(m -> !m.roles().isEmpty())) {
            fields.add(PersonField.ROLES);
        }
        if (mappings.stream().anyMatch(m -> m.code() != null)) {
            fields.add(PersonField.GROUPS);
        }
        return fields;
    }

    @Override
    public Set<PersonField> decides() {
        return decided;
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
