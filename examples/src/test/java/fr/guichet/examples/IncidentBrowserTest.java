package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** An agent resolves an incident with 20 requests following it, on its page; each follower is resolved with it. */
class IncidentBrowserTest {

    private static final String PASSWORD = DemoSite.PASSWORD;
    private static final String ANSWER = "L'ENT est de nouveau accessible : reconnectez-vous.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;
    private static final String base = site.base;
    private final HttpClient http = HttpClient.newHttpClient();

    private String session(String identifier) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("POST", "/api/v1/session", null, JSON.createObjectNode()
                .put("identifier", identifier).put("password", PASSWORD).put("remember", false).toString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Set-Cookie").orElseThrow()
                .replaceAll("^GUICHET_SESSION=([^;]+);.*$", "$1");
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String method, String path, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = send(method, path, token, body);
        assertEquals(expected, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private String file(String teacher, int i) throws IOException, InterruptedException {
        return json("POST", "/api/v1/requests", teacher, JSON.createObjectNode().put("subject", "ENT-2.1")
                .put("type", "INCIDENT").put("summary", "ENT inaccessible n° " + i)
                .put("description", "Impossible de se connecter à l'ENT ce matin (" + i + ").")
                .put("visibility", "PRIVATE").toString(), 201).get("number").asText();
    }

    private void changeStatus(String status, String comment) {
        new Select(browser.visible(By.id("nouvel-etat"))).selectByValue(status);
        browser.driver.findElement(By.id("commentaire-etat")).sendKeys(comment);
        browser.driver.findElement(By.cssSelector("#changer-etat button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains("a été changé")
                && !d.findElements(By.cssSelector("#changer-etat")).isEmpty());
    }

    @Test
    void an_agent_resolves_an_incident_on_its_page_and_its_20_followers_are_resolved_with_its_answer()
            throws Exception {
        String teacher = session("jdupont");
        String agent = session("agent1");
        String incident = file(teacher, 0);
        List<String> followers = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            followers.add(file(teacher, i));
        }
        for (String follower : followers.subList(0, 19)) {
            json("POST", "/api/v1/requests/" + follower + "/link", agent,
                    JSON.createObjectNode().put("parent", incident).toString(), 200);
        }
        List<String> violations = new ArrayList<>();

        browser.signIn("agent1", PASSWORD);
        browser.open("/suivi.html?numero=" + followers.get(19));
        browser.visible(By.id("incident")).sendKeys(incident.replaceFirst("^0+", ""));
        browser.driver.findElement(By.cssSelector("#rattacher button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains("rattachée à l'incident"));
        browser.visible(By.linkText("n° " + incident));
        violations.addAll(browser.seriousViolations("suivi.html (demande rattachée)"));

        browser.open("/suivi.html?numero=" + incident);
        browser.waitFor(d -> d.findElements(By.cssSelector("#demandes-rattachees li")).size() == 20);
        String help = browser.driver.findElement(By.cssSelector("label[for=commentaire-etat]")).getText();
        assertTrue(help.contains("envoyé aussi aux demandeurs des 20 demandes rattachées"), help);
        violations.addAll(browser.seriousViolations("suivi.html (incident)"));
        changeStatus("IN_PROGRESS", "Nous regardons la panne.");
        changeStatus("RESOLVED", ANSWER);

        List<String> statuses = new ArrayList<>();
        for (String follower : followers) {
            JsonNode seen = json("GET", "/api/v1/requests/" + follower, teacher, null, 200);
            JsonNode messages = seen.get("messages");
            statuses.add(seen.get("status").asText() + " " + messages.get(messages.size() - 1).get("body").asText());
        }
        assertEquals(Collections.nCopies(20, "RESOLVED " + ANSWER), statuses);
        assertEquals(List.of(), violations);
    }
}
