package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.application.InboundMail;
import fr.guichet.core.domain.person.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The mail kept for staff: listed, read, filed away and posted on a request over HTTP, by staff only. */
class MailApiTest {

    private static final String UNATTACHED = "/api/v1/mail/unattached";

    private final TestServer server = TestServer.shared();
    private final Person teacher = server.newRequester();
    private final Api agent = Api.signIn(server.base, server.newStaff().id().value());
    private final Api requester = Api.signIn(server.base, teacher.id().value());
    private final String subject = "Question " + UUID.randomUUID();

    private void receive(String from, String text) {
        server.ticketing.receiveMail().receive(new InboundMail("<" + UUID.randomUUID() + "@example.org>", from,
                List.of("guichet@ac-creteil.fr"), subject, text, Map.of(), List.of()));
    }

    private Optional<JsonNode> listed(String path) {
        Api.Reply reply = agent.get(path + "?size=100");
        assertEquals(200, reply.status(), reply.body());
        return StreamSupport.stream(reply.json().get("items").spliterator(), false)
                .filter(m -> m.get("subject").asText().equals(subject)).findFirst();
    }

    @Test
    void staff_read_a_kept_mail_with_its_reason_in_french_and_file_it_away() {
        receive("Parent d'élève <parent@example.org>", "Bonjour,\nmon enfant n'a pas accès à l'ENT.");

        JsonNode line = listed(UNATTACHED).orElseThrow();
        assertEquals("parent@example.org", line.get("sender").asText());
        assertEquals("no-token", line.get("reason").asText());
        assertEquals("aucune demande indiquée", line.get("reasonLabel").asText());
        assertEquals("Bonjour,\nmon enfant n'a pas accès à l'ENT.", line.get("excerpt").asText());
        assertFalse(line.get("handled").asBoolean());
        String path = UNATTACHED + "/" + line.get("id").asText();

        JsonNode mail = agent.get(path).json();
        assertEquals("Bonjour,\nmon enfant n'a pas accès à l'ENT.", mail.get("text").asText());
        assertTrue(mail.get("handledAt").isNull());

        requester.get(path).problem(403);
        requester.get(UNATTACHED).problem(403);
        requester.post(path + "/handled", "").problem(403);

        assertEquals(204, agent.post(path + "/handled", "").status());
        assertTrue(listed(UNATTACHED).isEmpty());
        assertEquals("mail.handled", agent.post(path + "/handled", "").problem(409).get("code").asText());
        assertFalse(agent.get(path).json().get("handledAt").isNull());
        agent.get(UNATTACHED + "/" + UUID.randomUUID()).problem(404);
        agent.get(UNATTACHED + "/pas-un-identifiant").problem(404);
    }

    @Test
    void a_kept_mail_from_the_requesters_address_is_posted_on_their_request_as_an_internal_note() {
        String number = requester.post("/api/v1/requests", Api.filing()).json().get("number").asText();
        receive(teacher.email().value(), "Voici la suite de ma demande.");
        String path = UNATTACHED + "/" + listed(UNATTACHED).orElseThrow().get("id").asText();

        agent.post(path + "/attach", Api.object("number", "pas un numéro")).problem(400);
        Api.Reply attached = agent.post(path + "/attach", Api.object("number", number));

        assertEquals(200, attached.status(), attached.body());
        assertEquals(number, attached.json().get("request").asText());
        String body = attached.json().get("message").get("body").asText();
        assertTrue(body.startsWith("Courriel de " + teacher.email().value() + " reçu le "), body);
        assertTrue(body.endsWith(" :\n\nVoici la suite de ma demande."), body);
        assertTrue(attached.json().get("message").get("internal").asBoolean());
        assertTrue(listed(UNATTACHED).isEmpty());
        JsonNode messages = requester.get("/api/v1/requests/" + number).json().get("messages");
        assertFalse(StreamSupport.stream(messages.spliterator(), false)
                .anyMatch(m -> m.get("body").asText().contains("Voici la suite de ma demande.")));
    }

    @Test
    void automatic_mail_is_listed_apart_as_ignored() {
        server.ticketing.receiveMail().receive(new InboundMail("<" + UUID.randomUUID() + "@example.org>",
                "robot@example.org", List.of("guichet@ac-creteil.fr"), subject, "Je suis absent.",
                Map.of("Auto-Submitted", List.of("auto-replied")), List.of()));

        assertTrue(listed(UNATTACHED).isEmpty());
        assertEquals("réponse automatique ignorée", listed("/api/v1/mail/ignored").orElseThrow()
                .get("reasonLabel").asText());
    }
}
