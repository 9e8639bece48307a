package fr.guichet.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/** Parses the filters of the configuration, already checked when it was built. */
final class LdapFilters {

    private LdapFilters() {
    }

    static Filter parse(String filter) {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("invalid LDAP filter: " + filter, e);
        }
    }
}
