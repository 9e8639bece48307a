package fr.guichet.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the LDAP adapter needs to reach and read the académie's directory: servers and security, the service
 * account, where people and groups live and how their attributes map to the core's people and support groups, and how
 * long looked-up people may be cached; validated on construction, immutable.
 */
public record LdapConfig(Server server, People people, Groups groups, Duration cacheExpiry) {

    public LdapConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(groups, "groups");
        requireNotNegative(cacheExpiry, "cacheExpiry");
    }

    /** This configuration with people cached for {@code expiry} ({@link Duration#ZERO} turns the cache off). */
    public LdapConfig withCacheExpiry(Duration expiry) {
        return new LdapConfig(server, people, groups, expiry);
    }

    /**
     * The directory servers (tried in order, {@code ldap://} or {@code ldaps://}, all alike), StartTLS on plain
     * {@code ldap://}, the certificates to trust, the service account that searches, timeouts and the size of the
     * pool of service connections; its {@code toString} hides the password.
     */
    public record Server(List<String> urls, boolean startTls, Trust trust, String bindDn, String bindPassword,
            Duration connectTimeout, Duration responseTimeout, int maxConnections) {

        public Server {
            urls = List.copyOf(urls);
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("at least one LDAP URL is needed");
            }
            Set<String> schemes = urls.stream().map(Server::scheme).collect(Collectors.toSet());
            if (schemes.size() != 1) {
                throw new IllegalArgumentException("LDAP URLs must all be ldap:// or all ldaps://: " + urls);
            }
            if (startTls && ldaps(urls)) {
                throw new IllegalArgumentException("StartTLS applies to ldap:// URLs, not ldaps://");
            }
            Objects.requireNonNull(trust, "trust");
            requireDn(bindDn, "bindDn");
            if (bindPassword == null || bindPassword.isEmpty()) {
                throw new IllegalArgumentException("the service account needs a password");
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(responseTimeout, "responseTimeout");
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
        }

        /** One server, no StartTLS, the JVM's trusted certificates, 5 s to connect and to answer, 10 connections. */
        public static Server of(String url, String bindDn, String bindPassword) {
            return new Server(List.of(url), false, Trust.system(), bindDn, bindPassword, Duration.ofSeconds(5),
                    Duration.ofSeconds(5), 10);
        }

        public Server withStartTls(boolean value) {
            return new Server(urls, value, trust, bindDn, bindPassword, connectTimeout, responseTimeout,
                    maxConnections);
        }

        public Server withTrust(Trust value) {
            return new Server(urls, startTls, value, bindDn, bindPassword, connectTimeout, responseTimeout,
                    maxConnections);
        }

        public Server withTimeouts(Duration connect, Duration response) {
            return new Server(urls, startTls, trust, bindDn, bindPassword, connect, response, maxConnections);
        }

        public Server withMaxConnections(int value) {
            return new Server(urls, startTls, trust, bindDn, bindPassword, connectTimeout, responseTimeout, value);
        }

        /** Whether the connections use TLS from the start ({@code ldaps://}). */
        public boolean ldaps() {
            return ldaps(urls);
        }

        List<LDAPURL> parsedUrls() {
            return urls.stream().map(Server::parse).toList();
        }

        private static boolean ldaps(List<String> urls) {
            return scheme(urls.get(0)).equals("ldaps");
        }

        private static String scheme(String url) {
            String scheme = parse(url).getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
                throw new IllegalArgumentException("unsupported LDAP URL scheme: " + url);
            }
            return scheme;
        }

        private static LDAPURL parse(String url) {
            try {
                return new LDAPURL(Objects.requireNonNull(url, "url"));
            } catch (LDAPException e) {
                throw new IllegalArgumentException("invalid LDAP URL: " + url, e);
            }
        }

        @Override
        public String toString() {
            return "Server[urls=" + urls + ", startTls=" + startTls + ", trust=" + trust + ", bindDn=" + bindDn
                    + ", bindPassword=****, connectTimeout=" + connectTimeout + ", responseTimeout="
                    + responseTimeout + ", maxConnections=" + maxConnections + "]";
        }
    }

    /**
     * Which server certificates to trust over TLS: the JVM's defaults, a trust store file, or (only for tests, when
     * asked for explicitly) any certificate with no host name check; its {@code toString} hides the password.
     */
    public record Trust(Path trustStore, String trustStorePassword, String trustStoreType, boolean trustAll) {

        public Trust {
            if (trustAll && trustStore != null) {
                throw new IllegalArgumentException("trust either everything or a trust store, not both");
            }
            if (trustStore != null) {
                Objects.requireNonNull(trustStoreType, "trustStoreType");
            }
        }

        /** The JVM's trusted certificate authorities, host names checked. */
        public static Trust system() {
            return new Trust(null, null, null, false);
        }

        /** The certificates of a trust store file (e.g. {@code PKCS12} or {@code JKS}), host names checked. */
        public static Trust store(Path path, String password, String type) {
            return new Trust(Objects.requireNonNull(path, "path"), password, type, false);
        }

        /** Any certificate for any host name: for tests against a throw-away directory only. */
        public static Trust everythingForTestsOnly() {
            return new Trust(null, null, null, true);
        }

        @Override
        public String toString() {
            return trustAll ? "Trust[everything]" : trustStore == null ? "Trust[system]"
                    : "Trust[" + trustStoreType + " " + trustStore + "]";
        }
    }

    /**
     * Where people are (base DN and a filter selecting person entries) and which attributes give their identifier,
     * e-mail, names (given and family names, the common name when either is missing), establishment UAI (none when
     * null), roles (values of {@code roleAttribute} mapped case-insensitively through {@code roleValues}, none when
     * null) and active flag (active when {@code activeAttribute} holds one of {@code activeValues}, case-insensitively;
     * always active when null).
     */
    public record People(String baseDn, String filter, String identifierAttribute, String mailAttribute,
            String givenNameAttribute, String familyNameAttribute, String commonNameAttribute, String uaiAttribute,
            String roleAttribute, Map<String, Role> roleValues, String activeAttribute, Set<String> activeValues) {

        public People {
            requireDn(baseDn, "people baseDn");
            requireFilter(filter);
            requireAttribute(identifierAttribute, "identifierAttribute");
            requireAttribute(mailAttribute, "mailAttribute");
            requireAttribute(givenNameAttribute, "givenNameAttribute");
            requireAttribute(familyNameAttribute, "familyNameAttribute");
            requireAttribute(commonNameAttribute, "commonNameAttribute");
            roleValues = roleValues.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
            activeValues = activeValues.stream().map(v -> v.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            if (activeAttribute != null && activeValues.isEmpty()) {
                throw new IllegalArgumentException("an active attribute needs the values that mean active");
            }
        }

        /**
         * {@code inetOrgPerson} entries under {@code baseDn}: {@code uid}, {@code mail}, {@code givenName},
         * {@code sn}, {@code cn}; no establishment, roles from groups only, everyone active.
         */
        public static People inetOrgPerson(String baseDn) {
            return new People(baseDn, "(objectClass=inetOrgPerson)", "uid", "mail", "givenName", "sn", "cn", null,
                    null, Map.of(), null, Set.of());
        }

        public People withUaiAttribute(String attribute) {
            return new People(baseDn, filter, identifierAttribute, mailAttribute, givenNameAttribute,
                    familyNameAttribute, commonNameAttribute, attribute, roleAttribute, roleValues, activeAttribute,
                    activeValues);
        }

        public People withRoleAttribute(String attribute, Map<String, Role> values) {
            return new People(baseDn, filter, identifierAttribute, mailAttribute, givenNameAttribute,
                    familyNameAttribute, commonNameAttribute, uaiAttribute, attribute, values, activeAttribute,
                    activeValues);
        }

        public People withActiveAttribute(String attribute, Set<String> values) {
            return new People(baseDn, filter, identifierAttribute, mailAttribute, givenNameAttribute,
                    familyNameAttribute, commonNameAttribute, uaiAttribute, roleAttribute, roleValues, attribute,
                    values);
        }
    }

    /**
     * Where group entries are (base DN and a filter selecting them; no groups when {@code baseDn} is null), the
     * attributes naming them, labelling them (the name when absent) and listing their members' DNs, and the mapping
     * of directory groups to the core's support groups and roles.
     */
    public record Groups(String baseDn, String filter, String nameAttribute, String labelAttribute,
            List<String> memberAttributes, List<GroupMapping> mappings) {

        public Groups {
            mappings = List.copyOf(mappings);
            memberAttributes = List.copyOf(memberAttributes);
            if (baseDn != null) {
                requireDn(baseDn, "groups baseDn");
                requireFilter(filter);
                requireAttribute(nameAttribute, "nameAttribute");
                requireAttribute(labelAttribute, "labelAttribute");
                if (memberAttributes.isEmpty()) {
                    throw new IllegalArgumentException("at least one member attribute is needed");
                }
                memberAttributes.forEach(a -> requireAttribute(a, "memberAttributes"));
            } else if (!mappings.isEmpty()) {
                throw new IllegalArgumentException("group mappings need a groups baseDn");
            }
        }

        /** No group entries: no support groups, roles from attributes only. */
        public static Groups none() {
            return new Groups(null, null, null, null, List.of(), List.of());
        }

        /**
         * {@code groupOfNames} and {@code groupOfUniqueNames} entries under {@code baseDn}, named by {@code cn},
         * labelled by {@code description}, members in {@code member} and {@code uniqueMember}.
         */
        public static Groups groupOfNames(String baseDn, List<GroupMapping> mappings) {
            return new Groups(baseDn, "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))", "cn",
                    "description", List.of("member", "uniqueMember"), mappings);
        }
    }

    /**
     * One directory group, named by its DN or by its name attribute (e.g. {@code cn}), and what its members get: a
     * core support group (none when {@code code} is null) and roles.
     */
    public record GroupMapping(String group, GroupCode code, Set<Role> roles) {

        public GroupMapping {
            if (group == null || group.isBlank()) {
                throw new IllegalArgumentException("a group mapping needs a group name or DN");
            }
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
            if (code == null && roles.isEmpty()) {
                throw new IllegalArgumentException("a group mapping gives a support group, roles, or both: " + group);
            }
        }

        /** Whether {@code group} is a DN rather than a name. */
        boolean byDn() {
            return group.contains("=") && DN.isValidDN(group);
        }
    }

    private static void requireDn(String dn, String name) {
        if (dn == null || dn.isBlank() || !DN.isValidDN(dn)) {
            throw new IllegalArgumentException("invalid DN for " + name + ": " + dn);
        }
    }

    private static void requireFilter(String filter) {
        try {
            Filter.create(Objects.requireNonNull(filter, "filter"));
        } catch (LDAPException e) {
            throw new IllegalArgumentException("invalid LDAP filter: " + filter, e);
        }
    }

    private static void requireAttribute(String attribute, String name) {
        if (attribute == null || !attribute.matches("[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*")) {
            throw new IllegalArgumentException("invalid attribute name for " + name + ": " + attribute);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
