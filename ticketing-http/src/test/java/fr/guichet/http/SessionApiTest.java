package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.session.SignInLimits;
import fr.guichet.core.domain.session.ThrottleKey;
import fr.guichet.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SessionApiTest {

    private final TestServer server = TestServer.shared();
    private final Api anonymous = Api.anonymous(server.base);

    @Test
    void signing_in_gives_the_person_a_csrf_token_and_a_strict_http_only_cookie() {
        String id = server.newRequester().id().value();
        Api.Reply reply = anonymous.post("/api/v1/session", Api.signInBody(id, "secret", false));
        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals(id, body.get("person").get("identifier").asText());
        assertEquals(id + "@ac-creteil.fr", body.get("person").get("email").asText());
        assertEquals("Élise Ñúñez", body.get("person").get("displayName").asText());
        assertEquals("0941295X", body.get("person").get("establishment").asText());
        assertEquals("REQUESTER", body.get("person").get("roles").get(0).asText());
        assertTrue(body.get("person").get("groups").isArray());
        assertFalse(body.get("csrfToken").asText().isEmpty());
        assertEquals(server.clock.instant().plus(Duration.ofHours(8)),
                OffsetDateTime.parse(body.get("expiresAt").asText()).toInstant());
        assertTrue(body.get("expiresAt").asText().endsWith("+02:00"), body.get("expiresAt").asText());
        String cookie = reply.setCookies().get(0);
        assertTrue(cookie.startsWith("GUICHET_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
        assertFalse(cookie.contains("Max-Age"), cookie);
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    @Test
    void remember_makes_the_session_last_thirty_days() {
        Api.Reply reply = anonymous.post("/api/v1/session",
                Api.signInBody(server.newRequester().id().value(), "secret", true));
        assertEquals(server.clock.instant().plus(Duration.ofDays(30)),
                OffsetDateTime.parse(reply.json().get("expiresAt").asText()).toInstant());
        assertTrue(reply.setCookies().get(0).contains("Max-Age=2592000"), reply.setCookies().get(0));
    }

    @Test
    void a_server_configured_for_https_sets_secure_cookies() {
        try (TestServer.Node node = server.node(TestServer.CONFIG.withSecureCookies(true),
                new MutableClock(Instant.now()), server.readiness)) {
            Api.Reply reply = Api.anonymous(node.base()).post("/api/v1/session",
                    Api.signInBody("jdupont", "secret", false));
            assertTrue(reply.setCookies().get(0).contains("Secure"), reply.setCookies().get(0));
        }
    }

    @Test
    void unknown_identifier_and_wrong_password_give_the_same_401() {
        Api.Reply unknown = anonymous.post("/api/v1/session", Api.signInBody("personne-inconnue", "secret", false));
        Api.Reply wrong = anonymous.post("/api/v1/session",
                Api.signInBody(server.newRequester().id().value(), "mauvais", false));
        JsonNode a = unknown.problem(401);
        JsonNode b = wrong.problem(401);
        assertEquals(a, b);
        assertTrue(unknown.setCookies().isEmpty());
    }

    @Test
    void every_sign_in_gives_a_new_token() {
        String id = server.newRequester().id().value();
        Api first = Api.signIn(server.base, id);
        Api second = Api.signIn(server.base, id);
        assertNotEquals(first.token, second.token);
        assertNotEquals(first.csrf, second.csrf);
    }

    @Test
    void signing_out_kills_the_session_on_the_server() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        assertEquals(200, me.get("/api/v1/me").status());
        Api.Reply out = me.delete("/api/v1/session");
        assertEquals(204, out.status());
        String cleared = out.setCookies().get(0);
        assertTrue(cleared.startsWith("GUICHET_SESSION=;") && (cleared.contains("Max-Age=0")
                || cleared.contains("Expires=Thu, 01 Jan 1970")), cleared);
        me.get("/api/v1/me").problem(401);
        me.asBearer().get("/api/v1/me").problem(401);
    }

    @Test
    void signing_out_of_a_session_that_already_ended_clears_the_cookie() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        assertEquals(204, me.delete("/api/v1/session").status());
        Api.Reply again = me.delete("/api/v1/session");
        assertEquals(204, again.status());
        assertTrue(again.setCookies().get(0).startsWith("GUICHET_SESSION=;"), again.setCookies().get(0));
        anonymous.delete("/api/v1/session").problem(401);
    }

    @Test
    void me_gives_back_the_csrf_token_of_the_session_for_a_page_that_lost_it() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        assertEquals(me.csrf, me.get("/api/v1/me").json().get("csrfToken").asText());
    }

    @Test
    void a_cookie_call_that_changes_state_without_the_csrf_header_is_forbidden() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        assertEquals("csrf.invalid", me.withoutCsrf().delete("/api/v1/session").problem(403).get("code").asText());
        me.withoutCsrf().post("/api/v1/requests", Api.filing()).problem(403);
        me.withoutCsrf().post("/api/v1/requests", Api.filing(), Sessions.CSRF_HEADER, "faux").problem(403);
        assertEquals(200, me.get("/api/v1/me").status());
    }

    @Test
    void a_bearer_token_needs_no_csrf_header() {
        Api me = Api.signIn(server.base, server.newRequester().id().value()).asBearer();
        assertEquals(201, me.post("/api/v1/requests", Api.filing()).status());
        assertEquals(204, me.delete("/api/v1/session").status());
    }

    @Test
    void me_answers_who_is_signed_in_and_401_to_anyone_else() {
        Api agent = Api.signIn(server.base, "agent1");
        JsonNode person = agent.get("/api/v1/me").json();
        assertEquals("agent1", person.get("identifier").asText());
        assertTrue(person.get("establishment").isNull());
        assertEquals("PLATEFORME", person.get("groups").get(0).asText());
        assertEquals("AGENT", person.get("roles").get(0).asText());
        anonymous.get("/api/v1/me").problem(401);
        anonymous.get("/api/v1/me", "Cookie", "GUICHET_SESSION=inconnu-inconnu-inconnu").problem(401);
        anonymous.get("/api/v1/me", "Authorization", "Bearer " + "A".repeat(43)).problem(401);
        anonymous.get("/api/v1/me", "Authorization", "Basic YWdlbnQxOnNlY3JldA==").problem(401);
    }

    @Test
    void malformed_or_foreign_sign_in_bodies_are_refused() {
        anonymous.post("/api/v1/session", "{\"identifier\": \"mmontanes\", ").problem(400);
        assertTrue(anonymous.post("/api/v1/session", "{\"identifier\":\"mmontanes\",\"password\":\"secret\","
                + "\"role\":\"ADMIN\"}").problem(400).get("errors").has("role"));
        assertTrue(anonymous.post("/api/v1/session", "{\"identifier\":\"mmontanes\",\"password\":\"secret\","
                + "\"remember\":\"yes\"}").problem(400).get("errors").has("remember"));
        anonymous.post("/api/v1/session", Api.signInBody("mmontanes", "secret", false), "Content-Type",
                "text/plain").problem(415);
        anonymous.post("/api/v1/session", "[]").problem(400);
    }

    private static final String PROXY = "127.0.0.1/32";

    private static HttpConfig limits(int free, int perAddress, String... trustedProxies) {
        return TestServer.CONFIG.withSignInLimits(new SignInLimits(free, Duration.ofSeconds(2), Duration.ofSeconds(60),
                perAddress, Duration.ofMinutes(15))).withTrustedProxies(List.of(trustedProxies));
    }

    private static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    @Test
    void repeated_failures_for_one_identifier_get_growing_delays_not_a_lockout() {
        MutableClock throttleClock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
        String id = server.newRequester().id().value();
        try (TestServer.Node node = server.node(limits(3, 1000), throttleClock, server.readiness)) {
            Api client = Api.anonymous(node.base());
            for (int i = 0; i < 3; i++) {
                client.post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
            }
            Api.Reply held = client.post("/api/v1/session", Api.signInBody(id, "secret", false));
            held.problem(429);
            assertEquals("2", held.header("Retry-After"));
            throttleClock.advance(Duration.ofSeconds(2));
            client.post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
            Api.Reply longer = client.post("/api/v1/session", Api.signInBody(id, "secret", false));
            longer.problem(429);
            assertEquals("4", longer.header("Retry-After"));
            throttleClock.advance(Duration.ofSeconds(4));
            assertEquals(200, client.post("/api/v1/session", Api.signInBody(id, "secret", false)).status());
            client.post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
            assertEquals(200, client.post("/api/v1/session", Api.signInBody(id, "secret", false)).status(),
                    "a sign-in forgets the failures before it");
        }
    }

    @Test
    void failures_counted_on_one_node_hold_on_another() {
        MutableClock throttleClock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
        String id = server.newRequester().id().value();
        try (TestServer.Node first = server.node(limits(3, 1000), throttleClock, server.readiness);
                TestServer.Node second = server.node(limits(3, 1000), throttleClock, server.readiness)) {
            Api.anonymous(first.base()).post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
            Api.anonymous(second.base()).post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
            Api.anonymous(first.base()).post("/api/v1/session", Api.signInBody(id, "mauvais", false)).problem(401);
            Api.anonymous(second.base()).post("/api/v1/session", Api.signInBody(id, "secret", false)).problem(429);
        }
    }

    @Test
    void others_failures_behind_one_address_never_refuse_a_correct_password_of_an_account_not_under_attack() {
        MutableClock throttleClock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
        String school = someAddress();
        String teacher = server.newRequester().id().value();
        try (TestServer.Node node = server.node(limits(100, 4, PROXY), throttleClock, server.readiness)) {
            Api client = Api.anonymous(node.base());
            for (int i = 0; i < 4; i++) {
                client.post("/api/v1/session", Api.signInBody("devine-" + school + "-" + i, "mauvais", false),
                        "X-Forwarded-For", school).problem(401);
            }
            Api.Reply again = client.post("/api/v1/session", Api.signInBody("devine-" + school + "-0", "mauvais",
                    false), "X-Forwarded-For", school);
            assertEquals("signin.throttled", again.problem(429).get("code").asText());
            assertNotNull(again.header("Retry-After"));
            assertEquals(200, client.post("/api/v1/session", Api.signInBody(teacher, "secret", false),
                    "X-Forwarded-For", school).status());
        }
    }

    @Test
    void a_forwarded_client_address_is_believed_only_from_a_trusted_proxy() {
        String prefix = "devine-" + UUID.randomUUID() + "-";
        MutableClock throttleClock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
        try (TestServer.Node behindProxy = server.node(limits(100, 2, PROXY), throttleClock, server.readiness)) {
            Api viaProxy = Api.anonymous(behindProxy.base());
            for (int i = 0; i < 2; i++) {
                viaProxy.post("/api/v1/session", Api.signInBody(prefix + i, "mauvais", false), "Forwarded",
                        "for=\"" + someAddress() + ":4711\";proto=https").problem(401);
            }
            viaProxy.post("/api/v1/session", Api.signInBody(prefix + 0, "mauvais", false), "X-Forwarded-For",
                    someAddress()).problem(401);
        }
        MutableClock alone = new MutableClock(Instant.parse("2027-01-05T08:00:00Z"));
        try (TestServer.Node untrusting = server.node(limits(100, 2), alone, server.readiness)) {
            Api spoofing = Api.anonymous(untrusting.base());
            for (int i = 0; i < 2; i++) {
                spoofing.post("/api/v1/session", Api.signInBody(prefix + "x" + i, "mauvais", false),
                        "X-Forwarded-For", someAddress()).problem(401);
            }
            spoofing.post("/api/v1/session", Api.signInBody(prefix + "x0", "mauvais", false), "X-Forwarded-For",
                    someAddress()).problem(429);
        }
    }

    @Test
    void an_oversized_sign_in_is_refused_before_any_work_and_counts_nothing() {
        String huge = "a".repeat(300);
        assertTrue(anonymous.post("/api/v1/session", Api.signInBody(huge, "secret", false)).problem(400)
                .get("errors").has("identifier"));
        assertTrue(anonymous.post("/api/v1/session", Api.signInBody("mmontanes", huge, false)).problem(400)
                .get("errors").has("password"));
        anonymous.post("/api/v1/session", Api.signInBody("b".repeat(9000), "secret", false)).problem(413);
        assertTrue(server.signInFailures().find(Set.of(ThrottleKey.identifier(huge)), Instant.EPOCH).isEmpty());
    }
}
