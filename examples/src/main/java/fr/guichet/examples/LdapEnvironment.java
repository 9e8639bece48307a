package fr.guichet.examples;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Role;
import fr.guichet.ldap.LdapConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the directory settings from {@code GUICHET_LDAP_*} variables; absent {@code GUICHET_LDAP_URL} means local
 * accounts. Attributes follow {@code inetOrgPerson} ({@code uid}, {@code mail}, {@code givenName}, {@code sn}).
 */
final class LdapEnvironment {

    private LdapEnvironment() {
    }

    static Optional<LdapConfig> config(Map<String, String> env) {
        Optional<String> url = value(env, "GUICHET_LDAP_URL");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            String base = required(env, "GUICHET_LDAP_BASE_DN");
            LdapConfig.Server server = LdapConfig.Server.of(url.get(), required(env, "GUICHET_LDAP_BIND_DN"),
                    required(env, "GUICHET_LDAP_BIND_PASSWORD"))
                    .withStartTls(value(env, "GUICHET_LDAP_STARTTLS").map(Boolean::parseBoolean).orElse(false))
                    .withTimeouts(duration(env, "GUICHET_LDAP_CONNECT_TIMEOUT", Duration.ofSeconds(5)),
                            duration(env, "GUICHET_LDAP_RESPONSE_TIMEOUT", Duration.ofSeconds(10)));
            Optional<String> store = value(env, "GUICHET_LDAP_TRUSTSTORE");
            if (store.isPresent()) {
                server = server.withTrust(LdapConfig.Trust.store(Path.of(store.get()),
                        env.getOrDefault("GUICHET_LDAP_TRUSTSTORE_PASSWORD", ""),
                        env.getOrDefault("GUICHET_LDAP_TRUSTSTORE_TYPE", "PKCS12")));
            }
            LdapConfig.People people = LdapConfig.People.inetOrgPerson(
                    value(env, "GUICHET_LDAP_PEOPLE_BASE_DN").orElse("ou=people," + base));
            Optional<String> uai = value(env, "GUICHET_LDAP_ATTR_UAI");
            if (uai.isPresent()) {
                people = people.withUaiAttribute(uai.get());
            }
            Optional<String> roleAttribute = value(env, "GUICHET_LDAP_ROLE_ATTRIBUTE");
            if (roleAttribute.isPresent()) {
                people = people.withRoleAttribute(roleAttribute.get(),
                        roleValues(env.getOrDefault("GUICHET_LDAP_ROLE_VALUES", "")));
            }
            String groupsBase = env.getOrDefault("GUICHET_LDAP_GROUPS_BASE_DN", "ou=groups," + base).strip();
            LdapConfig.Groups groups = groupsBase.isEmpty() ? LdapConfig.Groups.none()
                    : LdapConfig.Groups.groupOfNames(groupsBase,
                            mappings(env.getOrDefault("GUICHET_LDAP_GROUP_MAPPINGS", "")));
            return Optional.of(new LdapConfig(server, people, groups,
                    duration(env, "GUICHET_LDAP_CACHE", Duration.ofSeconds(30))));
        } catch (RuntimeException e) {
            throw new ServerSettings.InvalidSetting("GUICHET_LDAP_*: " + e.getMessage());
        }
    }

    /** {@code GROUP->CODE:ROLE,ROLE;…}, e.g. {@code PLATEFORME->PLATEFORME:AGENT;ADMINS->:ADMIN}. */
    private static List<LdapConfig.GroupMapping> mappings(String text) {
        return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(item -> {
            String[] sides = item.split("->", 2);
            if (sides.length != 2) {
                throw new IllegalArgumentException("GUICHET_LDAP_GROUP_MAPPINGS: GROUP->CODE:ROLES expected in "
                        + item);
            }
            String[] target = sides[1].split(":", 2);
            GroupCode code = target[0].isBlank() ? null : GroupCode.of(target[0].strip());
            Set<Role> roles = target.length < 2 || target[1].isBlank() ? Set.of()
                    : Arrays.stream(target[1].split(",")).map(r -> Role.valueOf(r.strip().toUpperCase(Locale.ROOT)))
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            return new LdapConfig.GroupMapping(sides[0].strip(), code, roles);
        }).toList();
    }

    /** {@code value=ROLE,…}, e.g. {@code admin-guichet=ADMIN,assistance=AGENT}. */
    private static Map<String, Role> roleValues(String text) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            String[] pair = item.split("=", 2);
            if (pair.length == 2) {
                roles.put(pair[0].strip(), Role.valueOf(pair[1].strip().toUpperCase(Locale.ROOT)));
            }
        }
        return roles;
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        try {
            return value(env, name).map(Duration::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": an ISO-8601 duration such as PT5S is expected");
        }
    }

    private static String required(Map<String, String> env, String name) {
        return value(env, name).orElseThrow(() -> new IllegalArgumentException(name + " is required with "
                + "GUICHET_LDAP_URL"));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
