package fr.guichet.core.domain.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailDomainsTest {

    @Test
    void a_configured_list_is_split_on_commas_and_trimmed() {
        MailDomains domains = MailDomains.parse(" ac-creteil.fr , ac-paris.fr,");

        assertEquals(Set.of("ac-creteil.fr", "ac-paris.fr"), domains.domains());
        assertTrue(domains.isEligible(EmailAddress.of("marc.montanes@ac-paris.fr")));
        assertFalse(domains.isEligible(EmailAddress.of("marc.montanes@ac-versailles.fr")));
    }

    @Test
    void a_domain_listed_twice_is_kept_once() {
        assertEquals(Set.of("ac-creteil.fr"), MailDomains.parse("ac-creteil.fr,AC-CRETEIL.fr,ac-creteil.fr")
                .domains());
        assertEquals(Set.of("ac-creteil.fr"), MailDomains.of("ac-creteil.fr", "ac-creteil.fr").domains());
    }

    @Test
    void an_empty_list_is_refused() {
        TicketingException e = assertThrows(TicketingException.class, () -> MailDomains.parse(" , "));

        assertEquals(ErrorKind.INVALID, e.kind());
        assertEquals("mail_domains.empty", e.code());
    }

    @Test
    void an_invalid_domain_is_refused_naming_the_field_and_the_domain() {
        TicketingException e = assertThrows(TicketingException.class,
                () -> MailDomains.of(List.of("ac-creteil.fr", "ac creteil")));

        assertEquals("mailDomains", e.errors().get(0).field());
        assertEquals("mail_domains.invalid", e.code());
        assertEquals("« ac creteil » n'est pas un domaine de messagerie valide (par exemple ac-creteil.fr).",
                e.errors().get(0).message());
    }
}
