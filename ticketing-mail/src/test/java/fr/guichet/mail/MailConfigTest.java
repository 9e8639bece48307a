package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.EmailAddress;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration record refuses what cannot work and turns into the right Jakarta Mail session. */
class MailConfigTest {

    private static MailConfig.Builder builder() {
        return MailConfig.builder("smtp.ac-creteil.fr", "guichet@ac-creteil.fr", "Guichet", "https://guichet.test");
    }

    @Test
    void the_link_to_a_request_hangs_under_the_base_url_with_or_without_a_trailing_slash() {
        assertEquals("https://guichet.test/demandes/0022928", builder().build().linkTo("0022928"));
        assertEquals("https://x.test/app/demandes/0000001", MailConfig.builder("h", "a@b.fr", "n",
                "https://x.test/app/").build().linkTo("0000001"));
    }

    @Test
    void impossible_settings_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> MailConfig.builder("smtp\r\nX: y", "a@b.fr", "n",
                "https://x.test").build());
        assertThrows(IllegalArgumentException.class, () -> builder().port(0).build());
        assertThrows(IllegalArgumentException.class, () -> builder().credentials("user", null).build());
        assertThrows(IllegalArgumentException.class, () -> MailConfig.builder("h", "a@b.fr", "n", "/relative")
                .build());
        assertThrows(IllegalArgumentException.class, () -> MailConfig.builder("h", "a@b.fr", "n",
                "javascript:alert(1)").build());
        assertThrows(IllegalArgumentException.class, () -> builder().timeouts(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().connectionReuse(Duration.ZERO, 100).build());
        assertThrows(IllegalArgumentException.class, () -> builder().connectionReuse(Duration.ofSeconds(30), 0)
                .build());
    }

    @Test
    void a_connection_is_kept_thirty_seconds_idle_and_for_a_hundred_mails_by_default() {
        MailConfig config = builder().build();

        assertEquals(Duration.ofSeconds(30), config.idleTimeout());
        assertEquals(100, config.mailsPerConnection());
    }

    @Test
    void the_display_name_of_the_sender_cannot_carry_a_line_break() {
        assertEquals("Guichet Bcc: x@example.org", MailConfig.builder("h", "a@b.fr", "Guichet\r\nBcc: x@example.org",
                "https://x.test").build().fromName());
    }

    @Test
    void the_password_never_shows_in_the_text_of_the_configuration() {
        MailConfig config = builder().credentials("guichet", "s3cr3t-value").build();

        assertFalse(config.toString().contains("s3cr3t-value"), config.toString());
        assertTrue(config.toString().contains("guichet"));
    }

    @Test
    void the_helpdesks_own_addresses_are_from_reply_to_and_the_listed_ones() {
        MailConfig config = builder().replyTo("support@ac-creteil.fr").helpdeskAddresses("plateforme@ac-creteil.fr")
                .build();

        assertEquals(Set.of(EmailAddress.of("guichet@ac-creteil.fr"), EmailAddress.of("support@ac-creteil.fr"),
                EmailAddress.of("plateforme@ac-creteil.fr")), config.ownAddresses());
    }

    @Test
    void each_security_sets_its_session_properties() {
        Properties none = SmtpNotificationChannel.properties(builder().build());
        Properties starttls = SmtpNotificationChannel.properties(builder().port(587)
                .security(MailConfig.Security.STARTTLS).credentials("guichet", "pw").build());
        Properties ssl = SmtpNotificationChannel.properties(builder().port(465).security(MailConfig.Security.SSL)
                .build());

        assertNull(none.getProperty("mail.smtp.starttls.enable"));
        assertEquals("false", none.getProperty("mail.smtp.auth"));
        assertEquals("10000", none.getProperty("mail.smtp.timeout"));
        assertEquals("guichet@ac-creteil.fr", none.getProperty("mail.smtp.from"));
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.auth"));
        assertEquals("587", starttls.getProperty("mail.smtp.port"));
        assertEquals("true", ssl.getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", ssl.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertNull(ssl.getProperty("mail.smtp.starttls.enable"));
    }
}
