package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.mail.ImapConfig;
import fr.guichet.mail.MailConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    void four_threads_send_mail_unless_set_between_one_and_sixty_four() {
        assertEquals(4, ServerSettings.fromEnvironment(Map.of()).dispatch().senders());
        assertEquals(8, ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_SENDERS", "8")).dispatch().senders());
        for (String refused : new String[] {"0", "65", "quatre"}) {
            ServerSettings.InvalidSetting e = assertThrows(ServerSettings.InvalidSetting.class,
                    () -> ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_SENDERS", refused)));
            assertTrue(e.getMessage().contains("GUICHET_MAIL_SENDERS"), e.getMessage());
        }
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
    void replies_by_mail_are_read_from_the_reply_key_the_mailbox_and_the_trust_stores() {
        ServerSettings s = ServerSettings.fromEnvironment(Map.ofEntries(
                Map.entry("GUICHET_SMTP_HOST", "smtp.ac-creteil.fr"),
                Map.entry("GUICHET_SMTP_TRUST_STORE", "/etc/guichet/smtp.p12"),
                Map.entry("GUICHET_SMTP_TRUST_STORE_PASSWORD", "changeit"),
                Map.entry("GUICHET_MAIL_FROM", "guichet@ac-creteil.fr"),
                Map.entry("GUICHET_MAIL_REPLY_TO", "assistance@ac-creteil.fr"),
                Map.entry("GUICHET_REPLY_TOKEN_KEY", "une nouvelle clé assez longue, l'ancienne clé assez longue"),
                Map.entry("GUICHET_IMAP_URL", "imaps://imap.ac-creteil.fr/Guichet"),
                Map.entry("GUICHET_IMAP_USER", "guichet"), Map.entry("GUICHET_IMAP_PASSWORD", "secret"),
                Map.entry("GUICHET_IMAP_POLL_SECONDS", "10"),
                Map.entry("GUICHET_IMAP_TRUST_STORE", "/etc/guichet/imap.jks"),
                Map.entry("GUICHET_IMAP_TRUST_STORE_TYPE", "jks")));

        MailConfig smtp = s.smtp().orElseThrow();
        assertEquals(Path.of("/etc/guichet/smtp.p12"), smtp.trust().orElseThrow().path());
        assertEquals("PKCS12", smtp.trust().orElseThrow().type());
        assertTrue(smtp.keys().isPresent());
        ImapConfig imap = s.imap().orElseThrow();
        assertEquals("imap.ac-creteil.fr", imap.host());
        assertEquals(993, imap.port());
        assertEquals("Guichet", imap.folder());
        assertEquals(Duration.ofSeconds(10), imap.pollInterval());
        assertEquals("Guichet-traites", imap.doneFolder());
        assertEquals("JKS", imap.trust().orElseThrow().type());
        assertEquals(Set.of(EmailAddress.of("guichet@ac-creteil.fr"), EmailAddress.of("assistance@ac-creteil.fr")),
                s.ownAddresses());
        ReplyKeys keys = s.replyKeys().orElseThrow();
        ReplyKeys old = ReplyKeys.of(List.of("l'ancienne clé assez longue"));
        RequestNumber number = RequestNumber.parse("0022928");
        EmailAddress teacher = EmailAddress.of("marc.montanes@ac-creteil.fr");
        assertTrue(keys.verifies(old.tag(number, teacher), teacher));
    }

    @Test
    void without_reply_key_nor_mailbox_mail_stays_as_it_was() {
        ServerSettings s = ServerSettings.fromEnvironment(Map.of("GUICHET_SMTP_HOST", "smtp.ac-creteil.fr"));
        assertTrue(s.replyKeys().isEmpty());
        assertTrue(s.imap().isEmpty());
        assertTrue(s.smtp().orElseThrow().keys().isEmpty());
        assertTrue(s.smtp().orElseThrow().trust().isEmpty());
    }

    @Test
    void a_short_reply_key_or_a_bad_mailbox_url_is_refused_with_the_variable_named() {
        ServerSettings.InvalidSetting key = assertThrows(ServerSettings.InvalidSetting.class,
                () -> ServerSettings.fromEnvironment(Map.of("GUICHET_REPLY_TOKEN_KEY", "courte")));
        assertTrue(key.getMessage().contains("GUICHET_REPLY_TOKEN_KEY"), key.getMessage());
        assertFalse(key.getMessage().contains("courte"), key.getMessage());
        ServerSettings.InvalidSetting url = assertThrows(ServerSettings.InvalidSetting.class,
                () -> ServerSettings.fromEnvironment(Map.of("GUICHET_IMAP_URL", "pop3://mail.ac-creteil.fr",
                        "GUICHET_IMAP_USER", "guichet")));
        assertTrue(url.getMessage().contains("GUICHET_IMAP_"), url.getMessage());
    }

    @Test
    void mail_without_a_tag_files_in_the_subject_for_mail_when_one_is_named() {
        assertTrue(ServerSettings.fromEnvironment(Map.of()).mailSubject().isEmpty());
        assertEquals(Optional.of(SubjectCode.parse("EVE-4.2")),
                ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_SUBJECT", " EVE-4.2 ")).mailSubject());
        ServerSettings.InvalidSetting bad = assertThrows(ServerSettings.InvalidSetting.class,
                () -> ServerSettings.fromEnvironment(Map.of("GUICHET_MAIL_SUBJECT", "à trier")));
        assertTrue(bad.getMessage().contains("GUICHET_MAIL_SUBJECT"), bad.getMessage());
    }

    @Test
    void opening_hours_too_short_for_the_longest_target_are_refused_at_start_with_the_variable_named() {
        ServerSettings.InvalidSetting e = assertThrows(ServerSettings.InvalidSetting.class,
                () -> ServerSettings.fromEnvironment(Map.of("GUICHET_OPENING_HOURS", "08:00-08:30")).calendar());
        assertTrue(e.getMessage().contains("GUICHET_OPENING_HOURS") && e.getMessage().contains("heures ouvrées"),
                e.getMessage());
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
