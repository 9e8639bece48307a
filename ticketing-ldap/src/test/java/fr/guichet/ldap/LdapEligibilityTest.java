package fr.guichet.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.core.application.Filing;
import fr.guichet.core.application.SignedIn;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core's rules still apply to directory people: the core's use cases with the in-memory ports, people and
 * passwords from the LDAP directory.
 */
class LdapEligibilityTest {

    private final AcademieDirectory server = AcademieDirectory.start();
    private final LdapDirectory ldap = LdapDirectory.open(server.config());
    private final TestWorld world = new TestWorld();
    private final Ticketing ticketing = Ticketing.builder(world.ports().withDirectory(ldap.personDirectory(),
            ldap.credentialsVerifier())).clock(world.clock).build();

    @AfterEach
    void stop() {
        ldap.close();
        server.close();
    }

    @Test
    public void a_directory_person_outside_the_mail_domains_signs_in_but_cannot_file_a_request() {
        SignedIn intrus = ticketing.signIn().signIn("intrus", "Iprof-intrus", false);
        assertEquals(EmailAddress.of("intrus@evil-ac-creteil.fr"), intrus.person().email());

        TicketingException refused = assertThrows(TicketingException.class,
                () -> ticketing.fileRequest().file(intrus.person(), Fixtures.seedDraft(), List.of(), null));
        assertEquals(ErrorKind.FORBIDDEN, refused.kind());
        assertEquals("request.not_eligible", refused.code());
    }

    @Test
    public void a_directory_person_of_the_academie_files_a_request_routed_to_a_directory_agent() {
        SignedIn montanes = ticketing.signIn().signIn("mmontanes", "Iprof-mmontanes", true);
        assertEquals(Fixtures.montanes(), montanes.person());
        assertEquals(Fixtures.montanes(), ticketing.authenticate().person(montanes.token()).orElseThrow());

        Filing filing = ticketing.fileRequest().file(montanes.person(), Fixtures.seedDraft(), List.of(), null);
        assertEquals(Fixtures.PLATEFORME, filing.details().request().summaryLine().assignedGroup());
        assertEquals(Fixtures.agent().id(), filing.details().request().summaryLine().assignee());
    }

    @Test
    public void a_disabled_directory_account_is_refused_like_a_wrong_password() {
        TicketingException disabled = assertThrows(TicketingException.class,
                () -> ticketing.signIn().signIn("ancien-agent", "Iprof-ancien-agent", false));
        TicketingException wrong = assertThrows(TicketingException.class,
                () -> ticketing.signIn().signIn("mmontanes", "Iprof-jdupont", false));
        assertEquals(ErrorKind.UNAUTHENTICATED, disabled.kind());
        assertEquals(wrong.errors(), disabled.errors());
    }

    @Test
    public void sign_in_while_the_directory_is_down_is_unavailable() {
        server.close();
        TicketingException e = assertThrows(TicketingException.class,
                () -> ticketing.signIn().signIn("mmontanes", "Iprof-mmontanes", false));
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    }
}
