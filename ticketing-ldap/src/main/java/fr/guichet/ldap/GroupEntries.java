package fr.guichet.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.SupportGroup;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads group entries per {@link LdapConfig.Groups}: which mapped groups a person's DN belongs to, the support group
 * of a code (labelled from its entry) and the DNs of its members. Only configured groups count; without a groups base
 * DN there are none.
 */
final class GroupEntries {

    private static final Logger LOG = System.getLogger(GroupEntries.class.getName());

    private final LdapConfig.Groups config;
    private final LdapConnections connections;
    private final Filter groupFilter;

    GroupEntries(LdapConfig.Groups config, LdapConnections connections) {
        this.config = config;
        this.connections = connections;
        this.groupFilter = config.baseDn() == null ? null : LdapFilters.parse(config.filter());
    }

    /** The mappings of the configured groups that list {@code memberDn} as a member. */
    List<LdapConfig.GroupMapping> groupsOf(String memberDn) {
        if (config.baseDn() == null || config.mappings().isEmpty()) {
            return List.of();
        }
        List<Filter> memberships = config.memberAttributes().stream()
                .map(a -> Filter.createEqualityFilter(a, memberDn)).toList();
        Filter filter = Filter.createANDFilter(groupFilter, Filter.createORFilter(memberships));
        List<SearchResultEntry> entries = connections.search(config.baseDn(), SearchScope.SUB, filter, 0,
                config.nameAttribute());
        List<LdapConfig.GroupMapping> found = new ArrayList<>();
        for (LdapConfig.GroupMapping mapping : config.mappings()) {
            if (entries.stream().anyMatch(e -> matches(mapping, e))) {
                found.add(mapping);
            }
        }
        return found;
    }

    /** The support group of {@code code}, if a mapping gives it and its group entry exists. */
    Optional<SupportGroup> group(GroupCode code) {
        return entryOf(code).map(e -> new SupportGroup(code, label(e)));
    }

    /** Every support group whose entry exists, in code order. */
    List<SupportGroup> groups() {
        return config.mappings().stream().map(LdapConfig.GroupMapping::code).filter(c -> c != null).distinct()
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .flatMap(c -> group(c).stream()).toList();
    }

    /** The DNs listed as members of the support group {@code code}'s entry. */
    Set<String> memberDns(GroupCode code) {
        Set<String> members = new LinkedHashSet<>();
        entryOf(code).ifPresent(entry -> {
            for (String attribute : config.memberAttributes()) {
                String[] values = entry.getAttributeValues(attribute);
                if (values != null) {
                    members.addAll(List.of(values));
                }
            }
        });
        return members;
    }

    private Optional<SearchResultEntry> entryOf(GroupCode code) {
        if (config.baseDn() == null) {
            return Optional.empty();
        }
        List<String> attributes = new ArrayList<>(config.memberAttributes());
        attributes.add(config.nameAttribute());
        attributes.add(config.labelAttribute());
        String[] wanted = attributes.toArray(String[]::new);
        for (LdapConfig.GroupMapping mapping : config.mappings()) {
            if (!code.equals(mapping.code())) {
                continue;
            }
            List<SearchResultEntry> entries = mapping.byDn()
                    ? connections.search(mapping.group(), SearchScope.BASE, groupFilter, 1, wanted)
                    : connections.search(config.baseDn(), SearchScope.SUB, Filter.createANDFilter(groupFilter,
                            Filter.createEqualityFilter(config.nameAttribute(), mapping.group())), 1, wanted);
            if (!entries.isEmpty()) {
                return Optional.of(entries.get(0));
            }
        }
        return Optional.empty();
    }

    private String label(SearchResultEntry entry) {
        String label = entry.getAttributeValue(config.labelAttribute());
        if (label == null || label.isBlank()) {
            label = entry.getAttributeValue(config.nameAttribute());
        }
        return label;
    }

    private boolean matches(LdapConfig.GroupMapping mapping, SearchResultEntry entry) {
        if (mapping.byDn()) {
            try {
                return new DN(mapping.group()).equals(entry.getParsedDN());
            } catch (LDAPException e) {
                LOG.log(Level.WARNING, "LDAP group entry with an unreadable DN ignored: {0}", entry.getDN());
                return false;
            }
        }
        String[] names = entry.getAttributeValues(config.nameAttribute());
        return names != null && List.of(names).stream()
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(mapping.group().toLowerCase(Locale.ROOT)));
    }
}
