package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.SatisfactionToken;
import fr.guichet.core.domain.request.RequestNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The satisfaction survey's page in a real browser against the example server with its demo data: opened from the
 * one-click link, without signing in; a missing score is reported by its field, an answer is thanked once, a second
 * one told it was given; no serious accessibility violation (axe).
 */
class SatisfactionBrowserTest {

    private static final String KEY = "clé de signature du test de navigateur";
    private static final String PASSWORD = DemoSite.PASSWORD;

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass(url -> Map.of("GUICHET_BASE_URL", url,
            "GUICHET_REPLY_TOKEN_KEY", KEY));
    private static final Browser browser = site.browser;
    private static final String base = site.base;

    /** A request filed over HTTP by the demo's teacher, whose number the survey link names. */
    private static RequestNumber filed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identifier\":\"mmontanes\",\"password\":\"" + PASSWORD + "\",\"remember\":false}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = session.headers().firstValue("Set-Cookie").orElseThrow().replaceAll("^[^=]*=([^;]*).*$", "$1");
        HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"MES-1.2\",\"type\":\"ACCES\","
                        + "\"summary\":\"Mot de passe perdu\",\"description\":\"Je ne peux plus me connecter.\","
                        + "\"visibility\":\"PRIVATE\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, filed.statusCode(), filed.body());
        Matcher number = Pattern.compile("\"number\":\"([0-9]+)\"").matcher(filed.body());
        assertTrue(number.find(), filed.body());
        return RequestNumber.parse(number.group(1));
    }

    @Test
    void a_requester_rates_the_answer_once_from_the_link_without_signing_in() throws Exception {
        String link = "/satisfaction/" + SatisfactionToken.issue(ReplyKeys.of(List.of(KEY)), filed(), Instant.now())
                .text();
        List<String> violations = new ArrayList<>();
        browser.forget();
        browser.open(link);
        browser.visible(By.id("note-4"));
        violations.addAll(browser.seriousViolations("satisfaction"));
        browser.driver.findElement(By.id("envoyer")).click();
        browser.waitFor(d -> d.findElement(By.id("erreur-score")).getText().contains("Choisissez une note"));
        violations.addAll(browser.seriousViolations("satisfaction, erreur"));

        browser.driver.findElement(By.id("note-4")).click();
        browser.driver.findElement(By.id("commentaire")).sendKeys("Réponse claire, merci.");
        browser.driver.findElement(By.id("envoyer")).click();
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains("bien été enregistré"));
        assertFalse(browser.driver.findElement(By.id("formulaire-avis")).isDisplayed());
        violations.addAll(browser.seriousViolations("satisfaction, merci"));

        browser.open(link);
        browser.visible(By.id("note-2")).click();
        browser.driver.findElement(By.id("envoyer")).click();
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains("déjà donné votre avis"));
        assertEquals(List.of(), violations);
    }
}
