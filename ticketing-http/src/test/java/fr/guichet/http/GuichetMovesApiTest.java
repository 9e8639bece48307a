package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.api.Test;

/** What Guichet does on its own to an idle request reads as done by "Guichet", never by an identifier. */
class GuichetMovesApiTest {

    private final TestServer server = TestServer.shared();
    private final Person staff = server.newStaff();
    private final Person requester = server.newRequester();
    private final Api agent = Api.signIn(server.base, staff.id().value());
    private final Api teacher = Api.signIn(server.base, requester.id().value());

    @Test
    void a_request_guichet_resolved_shows_its_answer_and_history_by_guichet() {
        String number = teacher.fileInTheQueue().get("number").asText();
        for (String s : new String[] {"IN_PROGRESS", "WAITING_FOR_REQUESTER"}) {
            assertEquals(200, agent.post("/api/v1/requests/" + number + "/status", Api.object("status", s)).status());
        }
        UnitOfWork uow = server.injector.getInstance(UnitOfWork.class);
        RequestRepository requests = server.injector.getInstance(RequestRepository.class);
        uow.run(() -> {
            Request r = requests.find(RequestNumber.parse(number)).orElseThrow();
            assertTrue(requests.update(r.remind("21 septembre 2008", server.clock.instant())));
            Request reminded = requests.find(RequestNumber.parse(number)).orElseThrow();
            assertTrue(requests.update(reminded.moveBySystem(Status.WAITING_FOR_REQUESTER, Status.RESOLVED,
                    new MessageBody("Sans réponse de votre part depuis 15 jours, votre demande est considérée comme "
                            + "résolue."), server.clock.instant())));
        });

        for (Api who : new Api[] {teacher, agent}) {
            JsonNode view = who.get("/api/v1/requests/" + number).json();
            JsonNode messages = view.get("messages");
            JsonNode answer = messages.get(messages.size() - 1);
            assertEquals("Guichet", answer.get("author").get("displayName").asText(), answer.toString());
            JsonNode history = view.get("history");
            JsonNode resolved = history.get(history.size() - 1);
            JsonNode reminded = history.get(history.size() - 2);
            assertEquals("REMINDED", reminded.get("event").asText());
            assertEquals("Guichet", reminded.get("byName").asText());
            assertEquals("RESOLVED", resolved.get("to").asText());
            assertEquals("Guichet", resolved.get("byName").asText());
        }
    }
}
