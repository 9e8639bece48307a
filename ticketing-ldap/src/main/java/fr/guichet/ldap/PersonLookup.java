package fr.guichet.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * Finds person entries with the service account: by identifier (an escaped equality filter, so wildcards and filter
 * syntax match nothing but themselves) or by DN, always within the configured person filter.
 */
final class PersonLookup {

    private static final Logger LOG = System.getLogger(PersonLookup.class.getName());

    private final LdapConfig.People config;
    private final LdapConnections connections;
    private final PersonEntries entries;
    private final Filter personFilter;

    PersonLookup(LdapConfig.People config, LdapConnections connections) {
        this.config = config;
        this.connections = connections;
        this.entries = new PersonEntries(config);
        this.personFilter = LdapFilters.parse(config.filter());
    }

    PersonEntries entries() {
        return entries;
    }

    /** The one entry under the people base DN whose identifier is {@code identifier}; none when several match. */
    Optional<SearchResultEntry> byIdentifier(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return Optional.empty();
        }
        Filter filter = Filter.createANDFilter(personFilter,
                Filter.createEqualityFilter(config.identifierAttribute(), identifier));
        List<SearchResultEntry> found = connections.search(config.baseDn(), SearchScope.SUB, filter, 2,
                entries.attributes());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The person entry at {@code dn}, if there is one under the people base DN. */
    Optional<SearchResultEntry> byDn(String dn) {
        try {
            if (!DN.isDescendantOf(dn, config.baseDn(), false)) {
                return Optional.empty();
            }
        } catch (LDAPException e) {
            LOG.log(Level.WARNING, "group member with an invalid DN ignored: {0}", dn);
            return Optional.empty();
        }
        return connections.search(dn, SearchScope.BASE, personFilter, 1, entries.attributes()).stream().findFirst();
    }
}
