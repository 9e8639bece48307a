package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.person.EmailAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void an_empty_environment_gives_the_embedded_defaults() {
        ServerSettings s = ServerSettings.fromEnvironment(Map.of());
        assertEquals(8080, s.port());
        assertEquals(Path.of("guichet-data").toAbsolutePath(), s.dataDirectory());
        assertTrue(s.database().url().startsWith("jdbc:h2:file:"), s.database().url());
        assertTrue(s.smtp().isEmpty());
        assertEquals(Path.of("guichet-data", "mail").toAbsolutePath(), s.mailFolder());
        assertTrue(s.mailDomains().isEligible(EmailAddress.of("marc.montanes@ac-creteil.fr")));
        assertEquals("http://localhost:8080", s.baseUrl());
        assertFalse(s.secureCookies());
    }

    @Test
    void every_documented_variable_is_read() {
        ServerSettings s = ServerSettings.fromEnvironment(Map.of("GUICHET_PORT", "9090",
                "GUICHET_DB_URL", "jdbc:postgresql://db:5432/guichet", "GUICHET_DB_USER", "guichet",
                "GUICHET_DB_PASSWORD", "secret", "GUICHET_SMTP_HOST", "smtp.ac-creteil.fr", "GUICHET_SMTP_PORT", "587",
                "GUICHET_MAIL_DOMAINS", "ac-creteil.fr, ac-paris.fr", "GUICHET_BASE_URL", "https://guichet.ac-creteil.fr/"));
        assertEquals(9090, s.port());
        assertEquals("jdbc:postgresql://db:5432/guichet", s.database().url());
        assertEquals("guichet", s.database().user());
        assertEquals("smtp.ac-creteil.fr", s.smtp().orElseThrow().host());
        assertEquals(587, s.smtp().orElseThrow().port());
        assertTrue(s.mailDomains().isEligible(EmailAddress.of("x@ac-paris.fr")));
        assertEquals("https://guichet.ac-creteil.fr", s.baseUrl());
        assertTrue(s.secureCookies());
    }

    @Test
    void the_mail_domains_are_fixed_by_the_environment_only_when_set_there() {
        assertEquals(Set.of(), ServerSettings.fromEnvironment(Map.of()).fixedSettings());
        assertEquals(Set.of(SettingName.MAIL_DOMAINS), ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_DOMAINS",
                "ac-creteil.fr")).fixedSettings());
    }

    @Test
    void the_mail_lease_is_a_minute_unless_set_in_seconds_or_as_a_duration_of_ten_seconds_at_least() {
        assertEquals(Duration.ofSeconds(60), ServerSettings.fromEnvironment(Map.of()).dispatch().lease());
        assertEquals(Duration.ofSeconds(15), ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_LEASE_SECONDS",
                "15")).dispatch().lease());
        assertEquals(Duration.ofSeconds(90), ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_LEASE_SECONDS",
                "PT1M30S")).dispatch().lease());
        for (String refused : new String[] {"9", "PT5S", "une minute", "-60"}) {
            ServerSettings.InvalidSetting e = assertThrows(ServerSettings.InvalidSetting.class,
                    () -> ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_LEASE_SECONDS", refused)));
            assertTrue(e.getMessage().contains("GUICHET_MAIL_LEASE_SECONDS"), e.getMessage());
        }
    }

    @Test
    void a_bad_port_is_refused_with_the_variable_named() {
        ServerSettings.InvalidSetting e = assertThrows(ServerSettings.InvalidSetting.class,
                () -> ServerSettings.fromEnvironment(Map.of("GUICHET_PORT", "huit-mille")));
        assertTrue(e.getMessage().contains("GUICHET_PORT"), e.getMessage());
    }

    @Test
    void ldap_settings_are_read_and_an_incomplete_set_is_refused() {
        assertTrue(LdapEnvironment.config(Map.of()).isEmpty());
        assertTrue(LdapEnvironment.config(Map.of("GUICHET_LDAP_URL", "ldap://annuaire:389",
                "GUICHET_LDAP_BASE_DN", "dc=ac-creteil,dc=fr", "GUICHET_LDAP_BIND_DN", "cn=guichet,dc=ac-creteil,dc=fr",
                "GUICHET_LDAP_BIND_PASSWORD", "secret", "GUICHET_LDAP_ATTR_UAI", "rne",
                "GUICHET_LDAP_GROUP_MAPPINGS", "PLATEFORME->PLATEFORME:AGENT;ADMINS->:ADMIN")).isPresent());
        ServerSettings.InvalidSetting e = assertThrows(ServerSettings.InvalidSetting.class,
                () -> LdapEnvironment.config(Map.of("GUICHET_LDAP_URL", "ldap://annuaire:389")));
        assertTrue(e.getMessage().contains("GUICHET_LDAP_BASE_DN"), e.getMessage());
    }
}
