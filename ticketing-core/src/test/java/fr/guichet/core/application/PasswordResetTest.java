package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordResetTest {

    private static final String NEW_PASSWORD = "une phrase de passe assez longue";

    private final TestWorld world = new TestWorld();
    private final Person teacher = join(world, Fixtures.newRequester());

    private List<Notification> mails() {
        return world.outbox.all().stream().map(OutboxEntry::notification)
                .filter(n -> n.template() == TemplateKey.PASSWORD_RESET).toList();
    }

    /** Asks for a reset of the teacher's password and returns the token of the link it mailed. */
    private String askAndReadLink() {
        int before = mails().size();
        assertEquals(PasswordHelp.LOCAL_ACCOUNTS, world.ticketing.requestPasswordReset().request(teacher.id().value()));
        List<Notification> mails = mails();
        assertEquals(before + 1, mails.size(), "one mail for one request");
        return mails.get(mails.size() - 1).data().get("resetToken");
    }

    private PasswordHelp ask(String identifier) {
        return world.ticketing.requestPasswordReset().request(identifier);
    }

    private void reset(String token, String password) {
        world.ticketing.resetPassword().reset(token, password);
    }

    private boolean signsIn(String password) {
        return world.accounts.verify(teacher.id().value(), password).isPresent();
    }

    @Test
    void the_mailed_link_sets_a_new_password_once() {
        String token = askAndReadLink();
        Notification mail = mails().get(0);
        assertEquals(teacher.email(), mail.recipient());
        assertNull(mail.request());

        reset(token, NEW_PASSWORD);

        assertTrue(signsIn(NEW_PASSWORD));
        assertFalse(signsIn(TestWorld.PASSWORD));
        TicketingException again = refused(ErrorKind.NOT_FOUND, () -> reset(token, "encore une autre phrase"));
        assertEquals("password_reset.link_invalid", again.code());
        assertTrue(signsIn(NEW_PASSWORD));
    }

    @Test
    void only_the_hash_of_the_token_is_stored() {
        String token = askAndReadLink();
        TokenHash stored = world.passwordResets.of(teacher.id()).orElseThrow().tokenHash();
        assertEquals(new ResetToken(token).hash(), stored);
        assertNotEquals(token, stored.value());
        assertTrue(token.length() >= 22, "at least 128 bits");
    }

    @Test
    void a_link_expires_after_one_hour() {
        String token = askAndReadLink();
        world.clock.advance(RequestPasswordReset.LINK_VALIDITY);
        refused(ErrorKind.NOT_FOUND, () -> reset(token, NEW_PASSWORD));
        assertTrue(signsIn(TestWorld.PASSWORD));
    }

    @Test
    void a_link_works_until_its_hour_is_over() {
        String token = askAndReadLink();
        world.clock.advance(RequestPasswordReset.LINK_VALIDITY.minusSeconds(1));
        reset(token, NEW_PASSWORD);
        assertTrue(signsIn(NEW_PASSWORD));
    }

    @Test
    void a_newer_link_voids_the_older_one() {
        String older = askAndReadLink();
        world.clock.advance(RequestPasswordReset.RESEND_AFTER);
        String newer = askAndReadLink();
        refused(ErrorKind.NOT_FOUND, () -> reset(older, NEW_PASSWORD));
        reset(newer, NEW_PASSWORD);
        assertTrue(signsIn(NEW_PASSWORD));
    }

    @Test
    void asking_again_within_five_minutes_mails_nobody_and_keeps_the_first_link() {
        String token = askAndReadLink();
        world.clock.advance(RequestPasswordReset.RESEND_AFTER.minusSeconds(1));
        assertEquals(PasswordHelp.LOCAL_ACCOUNTS, ask(teacher.id().value()));
        assertEquals(1, mails().size());
        reset(token, NEW_PASSWORD);
        assertTrue(signsIn(NEW_PASSWORD));
    }

    @Test
    void using_a_link_ends_every_session_of_the_person_only() {
        SignedIn office = world.ticketing.signIn().signIn(teacher.id().value(), TestWorld.PASSWORD, false);
        SignedIn home = world.ticketing.signIn().signIn(teacher.id().value(), TestWorld.PASSWORD, true);
        SignedIn colleague = world.ticketing.signIn().signIn(Fixtures.dupont().id().value(), TestWorld.PASSWORD,
                false);

        reset(askAndReadLink(), NEW_PASSWORD);

        assertTrue(world.ticketing.authenticate().person(office.token()).isEmpty());
        assertTrue(world.ticketing.authenticate().person(home.token()).isEmpty());
        assertTrue(world.ticketing.authenticate().person(colleague.token()).isPresent());
    }

    @Test
    void an_unknown_or_inactive_account_gets_the_same_answer_and_nobody_is_mailed() {
        Person gone = join(world, Fixtures.newRequester().deactivated());
        int queued = world.outbox.all().size();

        assertEquals(PasswordHelp.LOCAL_ACCOUNTS, ask("nobody-" + teacher.id().value()));
        assertEquals(PasswordHelp.LOCAL_ACCOUNTS, ask(gone.id().value()));
        assertEquals(PasswordHelp.LOCAL_ACCOUNTS, ask("pas un identifiant, avec des espaces"));

        assertEquals(queued, world.outbox.all().size());
        assertTrue(world.passwordResets.of(gone.id()).isEmpty());
    }

    @Test
    void a_blank_or_overlong_identifier_is_refused_on_its_field() {
        TicketingException blank = refused(ErrorKind.INVALID, () -> ask("  "));
        assertEquals("identifier", blank.errors().get(0).field());
        refused(ErrorKind.INVALID, () -> ask("x".repeat(SignIn.MAX_INPUT_LENGTH + 1)));
    }

    @Test
    void a_too_short_password_is_refused_on_its_field_and_the_link_still_works() {
        String token = askAndReadLink();
        TicketingException shortOne = refused(ErrorKind.INVALID, () -> reset(token, "court"));
        assertEquals("password", shortOne.errors().get(0).field());
        refused(ErrorKind.INVALID, () -> reset(token, "x".repeat(257)));
        reset(token, NEW_PASSWORD);
        assertTrue(signsIn(NEW_PASSWORD));
    }

    @Test
    void a_malformed_or_unknown_token_is_not_found() {
        refused(ErrorKind.NOT_FOUND, () -> reset("not a token", NEW_PASSWORD));
        refused(ErrorKind.NOT_FOUND, () -> reset(ResetToken.random().value(), NEW_PASSWORD));
    }

    @Test
    void where_passwords_live_in_a_directory_nothing_is_mailed_and_no_token_works() {
        Ticketing directory = Ticketing.builder(world.ports().withDirectory(world.people,
                (identifier, password) -> Optional.empty())).clock(world.clock).build();
        int queued = world.outbox.all().size();

        assertEquals(PasswordHelp.DIRECTORY, directory.requestPasswordReset().request(teacher.id().value()));
        assertEquals(queued, world.outbox.all().size());
        String token = askAndReadLink();
        refused(ErrorKind.NOT_FOUND, () -> directory.resetPassword().reset(token, NEW_PASSWORD));
    }
}
