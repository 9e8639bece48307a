package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An agent finds the demo's mail that Guichet could not place under « Courrier non rattaché », with its reason in
 * French, reads one whole and files it away ("Classer"); the ignored auto-reply is listed apart; a teacher is sent
 * away. No serious or critical axe violation.
 */
class CourrierBrowserTest {

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    private static List<WebElement> mails() {
        return browser.driver.findElements(By.cssSelector("#courriels > li"));
    }

    private static WebElement mail(String subject) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("#courriels > li")).stream()
                .filter(li -> li.findElement(By.tagName("h2")).getText().equals(subject)).findFirst().orElse(null));
    }

    @Test
    void an_agent_reads_the_unattached_mail_and_files_one_away() {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.AGENT);
        browser.open("/file.html");
        browser.visible(By.cssSelector("a[href=\"/courrier.html\"]")).click();
        browser.waitForPath("/courrier.html");

        WebElement parent = mail("Accès à l'ENT de mon fils");
        assertTrue(parent.getText().contains("de sophie.martin@example.org"), parent.getText());
        assertTrue(parent.getText().contains("Raison : aucune demande indiquée"), parent.getText());
        assertTrue(parent.findElement(By.cssSelector(".extrait")).getText().contains("n'arrive plus à se connecter"));
        WebElement forged = mail("RE: Votre demande [Guichet 0000001-AAAAAAAAAA]");
        assertTrue(forged.getText().contains("Raison : jeton invalide"), forged.getText());
        assertEquals("1 – 2 sur 2", browser.driver.findElement(By.id("position")).getText());
        violations.addAll(browser.seriousViolations("courrier"));

        forged.findElement(By.tagName("summary")).click();
        browser.waitFor(d -> forged.findElement(By.cssSelector(".texte-courriel")).getText()
                .contains("Guichet a écrit") ? true : null);
        violations.addAll(browser.seriousViolations("courrier, texte complet"));

        parent.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Classer')]")).click();
        WebElement success = browser.visible(By.id("message-succes"));
        assertTrue(success.getText().contains("« Accès à l'ENT de mon fils » est classé"), success.getText());
        assertEquals("message-succes", browser.activeId());
        browser.waitFor(d -> mails().size() == 1 ? true : null);
        assertEquals("1 – 1 sur 1", browser.driver.findElement(By.id("position")).getText());
        violations.addAll(browser.seriousViolations("courrier, classé"));

        browser.driver.findElement(By.id("onglet-ignores")).click();
        WebElement absence = mail("Absence du 1er au 5 septembre");
        assertTrue(absence.getText().contains("Raison : réponse automatique ignorée"), absence.getText());
        assertEquals(0, absence.findElements(By.cssSelector("form.verser")).size());
        violations.addAll(browser.seriousViolations("courrier, ignorés"));

        assertEquals(List.of(), violations);
    }

    @Test
    void a_teacher_has_no_such_page() {
        site.signInAs(Role.REQUESTER);
        browser.open("/courrier.html");
        browser.waitForPath("/");
        assertEquals(0, browser.driver.findElements(By.cssSelector("a[href=\"/courrier.html\"]")).size());
    }
}
