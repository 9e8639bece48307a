package fr.guichet.ldap;

import com.unboundid.ldap.sdk.Entry;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the core's {@link Person} out of a person entry and the mappings of the groups it belongs to, per
 * {@link LdapConfig.People}; an entry that cannot make a person (no valid identifier, e-mail or name) gives none.
 */
final class PersonEntries {

    private static final Logger LOG = System.getLogger(PersonEntries.class.getName());

    private final LdapConfig.People config;

    PersonEntries(LdapConfig.People config) {
        this.config = config;
    }

    /** The attributes to ask the directory for. */
    String[] attributes() {
        return Stream.of(config.identifierAttribute(), config.mailAttribute(), config.givenNameAttribute(),
                config.familyNameAttribute(), config.commonNameAttribute(), config.uaiAttribute(),
                config.roleAttribute(), config.activeAttribute())
                .filter(a -> a != null).distinct().toArray(String[]::new);
    }

    /** The identifier of {@code entry}, if it has a valid one. */
    Optional<PersonId> identifier(Entry entry) {
        String value = entry.getAttributeValue(config.identifierAttribute());
        try {
            return Optional.ofNullable(value).map(PersonId::of);
        } catch (TicketingException e) {
            LOG.log(Level.WARNING, "LDAP entry {0} skipped: invalid identifier", entry.getDN());
            return Optional.empty();
        }
    }

    /** The person of {@code entry}, member of the directory groups {@code groups}. */
    Optional<Person> person(Entry entry, Collection<LdapConfig.GroupMapping> groups) {
        Optional<PersonId> id = identifier(entry);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            EmailAddress email = EmailAddress.of(entry.getAttributeValue(config.mailAttribute()));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Set<GroupCode> codes = new HashSet<>();
            for (LdapConfig.GroupMapping group : groups) {
                roles.addAll(group.roles());
                if (group.code() != null) {
                    codes.add(group.code());
                }
            }
            roles.addAll(attributeRoles(entry));
            return Optional.of(new Person(id.get(), email, name(entry), establishment(entry), roles, codes,
                    active(entry)));
        } catch (TicketingException e) {
            LOG.log(Level.WARNING, "LDAP entry {0} skipped: {1}", entry.getDN(), e.code());
            return Optional.empty();
        }
    }

    private PersonName name(Entry entry) {
        String given = entry.getAttributeValue(config.givenNameAttribute());
        String family = entry.getAttributeValue(config.familyNameAttribute());
        if (given == null || given.isBlank() || family == null || family.isBlank()) {
            String common = entry.getAttributeValue(config.commonNameAttribute());
            String[] words = common == null ? new String[0] : common.strip().split("\\s+", 2);
            if (given == null || given.isBlank()) {
                given = words.length == 2 ? words[0] : common;
            }
            if (family == null || family.isBlank()) {
                family = words.length == 2 ? words[1] : common;
            }
        }
        return new PersonName(given, family);
    }

    private Uai establishment(Entry entry) {
        if (config.uaiAttribute() == null) {
            return null;
        }
        String value = entry.getAttributeValue(config.uaiAttribute());
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Uai.parse(value);
        } catch (TicketingException e) {
            LOG.log(Level.WARNING, "LDAP entry {0}: invalid UAI \"{1}\" ignored", entry.getDN(), value);
            return null;
        }
    }

    private List<Role> attributeRoles(Entry entry) {
        List<Role> roles = new ArrayList<>();
        if (config.roleAttribute() != null) {
            String[] values = entry.getAttributeValues(config.roleAttribute());
            for (String value : values == null ? new String[0] : values) {
                Role role = config.roleValues().get(value.toLowerCase(Locale.ROOT));
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private boolean active(Entry entry) {
        if (config.activeAttribute() == null) {
            return true;
        }
        String[] values = entry.getAttributeValues(config.activeAttribute());
        return values != null && Stream.of(values)
                .anyMatch(v -> config.activeValues().contains(v.toLowerCase(Locale.ROOT)));
    }
}
