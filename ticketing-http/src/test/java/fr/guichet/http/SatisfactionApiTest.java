package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.SatisfactionToken;
import fr.guichet.core.domain.request.RequestNumber;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The satisfaction survey over HTTP: without signing in, once per request, only through a genuine, recent link. */
class SatisfactionApiTest {

    private final TestServer server = TestServer.shared();
    private final Api teacher = Api.signIn(server.base, server.newRequester().id().value());
    private final Api agent = Api.signIn(server.base, server.newStaff().id().value());
    private final Api nobody = Api.anonymous(server.base);

    private RequestNumber file() {
        Api.Reply filed = teacher.post("/api/v1/requests", Api.filing());
        assertEquals(201, filed.status(), filed.body());
        return RequestNumber.parse(filed.json().get("number").asText());
    }

    private String link(RequestNumber number) {
        return "/api/v1/satisfaction/" + server.ticketing.answerSatisfaction().link(number).orElseThrow().text();
    }

    @Test
    void an_answer_through_the_link_is_taken_once_and_staff_read_it() {
        RequestNumber n = file();
        String link = link(n);

        assertEquals(204, nobody.post(link, Api.object("score", 4, "comment", "Réponse rapide, merci")).status());
        JsonNode again = nobody.post(link, Api.object("score", 1)).problem(409);
        assertEquals("satisfaction.answered", again.get("code").asText());

        JsonNode answer = agent.get("/api/v1/requests/" + n.display() + "/satisfaction").json();
        assertEquals(4, answer.get("score").asInt());
        assertEquals("Réponse rapide, merci", answer.get("comment").asText());
        assertEquals(403, teacher.get("/api/v1/requests/" + n.display() + "/satisfaction").status());
        assertEquals(204, agent.get("/api/v1/requests/" + file().display() + "/satisfaction").status());
    }

    @Test
    void a_forged_expired_or_unknown_link_is_404_and_a_score_out_of_range_400() {
        RequestNumber n = file();
        String link = link(n);
        String forged = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
        SatisfactionToken old = SatisfactionToken.issue(TestServer.KEYS, n,
                server.clock.instant().minus(Duration.ofDays(31)));
        SatisfactionToken otherKey = SatisfactionToken.issue(ReplyKeys.of(List.of("une clé que le serveur ignore")), n,
                server.clock.instant());
        for (String path : List.of(forged, "/api/v1/satisfaction/" + old.text(),
                "/api/v1/satisfaction/" + otherKey.text(), "/api/v1/satisfaction/inconnu",
                link(RequestNumber.of(9_000_000_000L)))) {
            assertEquals("satisfaction.unknown", nobody.post(path, Api.object("score", 5)).problem(404)
                    .get("code").asText(), path);
        }
        JsonNode invalid = nobody.post(link, Api.object("score", 6)).problem(400);
        assertTrue(invalid.get("errors").has("score"), invalid.toString());
        assertEquals(204, nobody.post(link, Api.object("score", 5)).status());
    }
}
