package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.SignInLimits;
import fr.guichet.core.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API 1.1 "Password help (local accounts)" on the test server: each test asks from an address of its own (behind a
 * trusted proxy), so that the per-address bound of one never holds another back.
 */
class PasswordResetApiTest {

    private static final String NEW_PASSWORD = "une phrase de passe assez longue";

    private final TestServer server = TestServer.shared();
    private final MutableClock throttleClock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final TestServer.Node node = server.node(TestServer.CONFIG
            .withSignInLimits(new SignInLimits(3, Duration.ofSeconds(2), Duration.ofSeconds(60), 1000,
                    Duration.ofMinutes(15)))
            .withTrustedProxies(List.of("127.0.0.1/32")), throttleClock, server.readiness);
    private final Api anonymous = Api.anonymous(node.base());
    private final String address = "203.0." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(1, 255);

    @AfterEach
    void stop() {
        node.close();
    }

    private Api.Reply ask(String identifier) {
        return ask(identifier, address);
    }

    private Api.Reply ask(String identifier, String from) {
        return anonymous.post("/api/v1/password-reset", Api.object("identifier", identifier), "X-Forwarded-For",
                from);
    }

    private Api.Reply choose(String token, String password) {
        return anonymous.post("/api/v1/password-reset/" + token, Api.object("password", password),
                "X-Forwarded-For", address);
    }

    /** The tokens of the reset mails queued for {@code person}, oldest first. */
    private List<String> mailedTokens(Person person) {
        List<String> tokens = new ArrayList<>();
        try (Connection c = server.injector.getInstance(DataSource.class).getConnection();
                PreparedStatement s = c.prepareStatement("SELECT data FROM outbox WHERE template = 'PASSWORD_RESET' "
                        + "AND recipient = ? ORDER BY seq")) {
            s.setString(1, person.email().value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tokens.add(Api.JSON.readTree(rs.getString(1)).get("resetToken").asText());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Test
    void a_local_account_is_mailed_a_link_that_sets_a_new_password_once_and_ends_its_sessions() {
        Person teacher = server.newRequester();
        Api oldSession = Api.signIn(node.base(), teacher.id().value());

        Api.Reply asked = ask(teacher.id().value());
        assertEquals(202, asked.status());
        assertEquals("no-store", asked.header("Cache-Control"));
        assertFalse(asked.json().get("directory").asBoolean());
        List<String> tokens = mailedTokens(teacher);
        assertEquals(1, tokens.size());

        Api.Reply chosen = choose(tokens.get(0), NEW_PASSWORD);
        assertEquals(204, chosen.status());
        assertEquals("no-store", chosen.header("Cache-Control"));

        oldSession.get("/api/v1/me").problem(401);
        anonymous.post("/api/v1/session", Api.signInBody(teacher.id().value(), TestServer.PASSWORD, false))
                .problem(401);
        assertEquals(200, anonymous.post("/api/v1/session", Api.signInBody(teacher.id().value(), NEW_PASSWORD,
                false)).status());
        JsonNode again = choose(tokens.get(0), "encore une autre phrase de passe").problem(404);
        assertEquals("password_reset.link_invalid", again.get("code").asText());
    }

    @Test
    void an_unknown_identifier_gets_the_same_answer_and_nobody_is_mailed() {
        Person teacher = server.newRequester();
        Api.Reply known = ask(teacher.id().value());
        Api.Reply unknown = ask("inconnu-" + teacher.id().value());
        assertEquals(202, unknown.status());
        assertEquals(known.json(), unknown.json());
        assertEquals(known.header("Content-Type"), unknown.header("Content-Type"));
    }

    @Test
    void faulty_bodies_are_refused_on_their_fields_and_a_refused_password_leaves_the_link_working() {
        assertTrue(ask("  ").problem(400).get("errors").has("identifier"));
        assertTrue(ask("x".repeat(300)).problem(400).get("errors").has("identifier"));
        assertTrue(anonymous.post("/api/v1/password-reset", "{\"identifier\":\"a\",\"email\":\"b\"}",
                "X-Forwarded-For", address).problem(400).get("errors").has("email"));

        Person teacher = server.newRequester();
        assertEquals(202, ask(teacher.id().value()).status());
        String token = mailedTokens(teacher).get(0);
        JsonNode tooShort = choose(token, "court").problem(400);
        assertTrue(tooShort.get("errors").has("password"));
        assertEquals(204, choose(token, NEW_PASSWORD).status());
        choose("pas-un-jeton", NEW_PASSWORD).problem(404);
    }

    @Test
    void asking_again_and_again_for_one_identifier_is_held_back_and_mails_once() {
        Person teacher = server.newRequester();
        for (int i = 0; i < PasswordResetThrottle.PER_IDENTIFIER; i++) {
            assertEquals(202, ask(teacher.id().value(), "198.51.100." + (i + 1)).status());
        }
        Api.Reply held = ask(teacher.id().value(), "198.51.100.99");
        assertEquals("password_reset.throttled", held.problem(429).get("code").asText());
        assertEquals(Long.toString(PasswordResetThrottle.WINDOW.toSeconds()), held.header("Retry-After"));
        assertEquals(1, mailedTokens(teacher).size(), "one mail per account in five minutes");
        throttleClock.advance(PasswordResetThrottle.WINDOW.plusSeconds(1));
        assertEquals(202, ask(teacher.id().value(), "198.51.100.99").status());
    }

    @Test
    void one_address_asking_for_many_identifiers_is_held_back() {
        String prefix = "devine-" + address + "-";
        for (int i = 0; i < PasswordResetThrottle.PER_ADDRESS; i++) {
            assertEquals(202, ask(prefix + i).status());
        }
        ask(prefix + "encore").problem(429);
        assertEquals(202, ask(prefix + "encore", "192.0.2.7").status(), "another address is not held back");
    }

    @Test
    void a_new_password_forgives_the_failed_sign_ins_of_its_identifier() {
        Person teacher = server.newRequester();
        String id = teacher.id().value();
        for (int i = 0; i < 3; i++) {
            anonymous.post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
        }
        anonymous.post("/api/v1/session", Api.signInBody(id, TestServer.PASSWORD, false)).problem(429);

        ask(id);
        assertEquals(204, choose(mailedTokens(teacher).get(0), NEW_PASSWORD).status());

        assertEquals(200, anonymous.post("/api/v1/session", Api.signInBody(id, NEW_PASSWORD, false)).status());
    }
}
