package fr.guichet.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.contract.CredentialsVerifierContract;
import fr.guichet.core.contract.PersonDirectoryContract;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The LDAP adapter passes the core's contracts against a real in-memory directory loaded with the académie's LDIF. */
class LdapContractsTest {

    private final AcademieDirectory server = AcademieDirectory.start();
    private LdapDirectory ldap;

    @AfterEach
    void stop() {
        if (ldap != null) {
            ldap.close();
        }
        server.close();
    }

    /**
     * The LDIF holds exactly the Fixtures' people and groups (besides other people the contract does not look up);
     * a change of Fixtures must be mirrored in academie-creteil.ldif.
     */
    private LdapDirectory open(List<Person> people, List<SupportGroup> groups, Duration cacheExpiry) {
        assertEquals(Fixtures.people(), people);
        assertEquals(Fixtures.groups(), groups);
        ldap = LdapDirectory.open(server.config().withCacheExpiry(cacheExpiry));
        return ldap;
    }

    @Nested
    class People extends PersonDirectoryContract {
        @Override
        protected PersonDirectory directoryWith(List<Person> people, List<SupportGroup> groups) {
            return open(people, groups, Duration.ZERO).personDirectory();
        }
    }

    @Nested
    class CachedPeople extends PersonDirectoryContract {
        @Override
        protected PersonDirectory directoryWith(List<Person> people, List<SupportGroup> groups) {
            return open(people, groups, Duration.ofSeconds(30)).personDirectory();
        }
    }

    @Nested
    class Credentials extends CredentialsVerifierContract {
        @Override
        protected CredentialsVerifier verifierWith(PersonId person, String password) {
            server.setPassword(person.value(), password);
            return open(Fixtures.people(), Fixtures.groups(), Duration.ZERO).credentialsVerifier();
        }
    }
}
