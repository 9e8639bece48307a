package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());

    @Test
    void the_right_password_opens_a_session_that_authenticates_the_person() {
        SignedIn signedIn = world.ticketing.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, false);

        assertEquals(requester.id(), signedIn.person().id());
        assertEquals(Fixtures.SEED_DAY.plus(Duration.ofHours(8)), signedIn.expiresAt());
        assertEquals(requester.id(), world.ticketing.authenticate().person(signedIn.token()).orElseThrow().id());
        assertTrue(world.sessions.find(signedIn.token().hash(), world.clock.instant()).isPresent());
    }

    @Test
    void each_sign_in_gets_a_new_token_and_remember_me_lasts_longer() {
        SignedIn first = world.ticketing.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, false);
        SignedIn remembered = world.ticketing.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, true);

        assertNotEquals(first.token(), remembered.token());
        assertEquals(Fixtures.SEED_DAY.plus(Duration.ofDays(30)), remembered.expiresAt());
    }

    @Test
    void a_wrong_password_and_an_unknown_identifier_get_the_same_refusal() {
        TicketingException wrongPassword = refused(ErrorKind.UNAUTHENTICATED,
                () -> world.ticketing.signIn().signIn(requester.id().value(), "not-the-password", false));
        TicketingException unknown = refused(ErrorKind.UNAUTHENTICATED,
                () -> world.ticketing.signIn().signIn("nobody-" + requester.id().value(), TestWorld.PASSWORD, false));
        TicketingException empty = refused(ErrorKind.UNAUTHENTICATED,
                () -> world.ticketing.signIn().signIn(requester.id().value(), "", false));

        assertEquals(wrongPassword.errors(), unknown.errors());
        assertEquals(wrongPassword.errors(), empty.errors());
        assertEquals("signin.refused", wrongPassword.code());
    }

    @Test
    void a_deactivated_person_is_refused_and_their_sessions_end() {
        SignedIn session = world.ticketing.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, true);
        Person admin = join(world, new Person(PersonId.of("admin-" + requester.id().value()),
                EmailAddress.of("admin@ac-creteil.fr"), new PersonName("Ada", "Admin"), null, Set.of(Role.ADMIN),
                Set.of(), true));

        world.ticketing.administerPeople().update(admin, requester.id(),
                new PersonForm(null, null, null, null, null, null, null, false), null);

        assertTrue(world.ticketing.authenticate().person(session.token()).isEmpty());
        assertTrue(world.sessions.find(session.token().hash(), world.clock.instant()).isEmpty());
        TicketingException refusal = refused(ErrorKind.UNAUTHENTICATED,
                () -> world.ticketing.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, false));
        assertEquals("signin.refused", refusal.code());
    }

    @Test
    void only_an_administrator_deactivates_someone() {
        Person agent = Fixtures.agent();

        refused(ErrorKind.FORBIDDEN, () -> world.ticketing.administerPeople().update(agent, requester.id(),
                new PersonForm(null, null, null, null, null, null, null, false), null));
        assertTrue(world.people.find(requester.id()).orElseThrow().active());
    }

    @Test
    void a_session_ends_when_it_expires_or_on_sign_out() {
        SignedIn expiring = world.ticketing.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, false);
        SignedIn signingOut = world.ticketing.signIn().signIn(requester.id().value(), TestWorld.PASSWORD, true);

        world.ticketing.signOut().signOut(signingOut.token());
        assertTrue(world.ticketing.authenticate().person(signingOut.token()).isEmpty());
        assertTrue(world.ticketing.authenticate().person(expiring.token()).isPresent());

        world.clock.advance(Duration.ofHours(8));
        assertTrue(world.ticketing.authenticate().person(expiring.token()).isEmpty());
    }
}
