package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Role;
import fr.guichet.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Service levels in the queue against the example server on a clock the test moves: a request past its first-answer
 * due is marked « En retard » in words, one still within it is not, and sorted by due the earliest due comes first
 * whatever the filing order; the département filter offers the départements of the directory's schools. No serious or
 * critical axe violation.
 */
class QueueLateBrowserTest {

    /** Tuesday 6 October 2026, 9:00 in Paris: a school day, within the opening hours. */
    private static final Instant TUESDAY_9_AM = Instant.parse("2026-10-06T07:00:00Z");

    private static final MutableClock clock = new MutableClock(TUESDAY_9_AM);
    @RegisterExtension
    static final DemoSite site = DemoSite.perClass(clock);
    private static final Browser browser = site.browser;

    /** The demo teacher files a request under {@code root} on {@code subject}; its number. */
    private static String file(String root, String subject, String summary) {
        site.signInAs(Role.REQUESTER);
        browser.open("/demande-sujet.html");
        browser.visible(By.xpath("//option[text()=\"" + root + "\"]"));
        new Select(browser.driver.findElement(By.id("sujet"))).selectByVisibleText(root);
        browser.driver.findElement(By.xpath("//button[text()='Valider le choix']")).click();
        browser.waitForPath("/demande.html");
        browser.visible(By.xpath("//option[text()=\"" + subject + "\"]"));
        new Select(browser.driver.findElement(By.id("precision"))).selectByVisibleText(subject);
        new Select(browser.driver.findElement(By.id("type"))).selectByVisibleText("incident, panne");
        browser.driver.findElement(By.id("resume")).sendKeys(summary);
        browser.driver.findElement(By.id("description")).sendKeys("Depuis ce matin, en salle des professeurs.");
        browser.driver.findElement(By.xpath("//button[text()='Soumettre la demande']")).click();
        browser.waitForPath("/demandes.html");
        String line = browser.waitFor(d -> d.findElements(By.cssSelector("#liste li")).stream()
                .map(WebElement::getText).filter(t -> t.contains(summary)).findFirst().orElse(null));
        return line.substring(0, 7);
    }

    /** The texts of the queue's lines as shown, once both {@code numbers} are listed. */
    private static List<String> queueLines(String... numbers) {
        return browser.waitFor(d -> {
            List<String> lines = d.findElements(By.cssSelector("#liste > li")).stream().map(WebElement::getText)
                    .toList();
            for (String number : numbers) {
                if (lines.stream().noneMatch(l -> l.contains(number))) {
                    return null;
                }
            }
            return lines;
        });
    }

    private static String line(List<String> lines, String number) {
        return lines.stream().filter(l -> l.contains(number)).findFirst().orElseThrow();
    }

    private static int position(List<String> lines, String number) {
        return lines.indexOf(line(lines, number));
    }

    @Test
    void a_request_past_its_first_answer_due_is_marked_late_in_words_and_sorted_by_due_first() {
        List<String> violations = new ArrayList<>();
        String password = file("MES \u2013 1 \u2013 Messagerie académique",
                "MES \u2013 1.2 \u2013 Identifiant et mot de passe", "Mot de passe refusé au webmail");
        clock.advance(Duration.ofMinutes(30));
        String printer = file("RES \u2013 5 \u2013 Réseau et matériel de l'établissement",
                "RES \u2013 5.3 \u2013 Imprimantes", "Imprimante du CDI hors service");

        clock.set(Instant.parse("2026-10-06T10:00:00Z"));
        site.signInAs(Role.AGENT);
        browser.open("/file.html");
        List<String> newest = queueLines(password, printer);
        assertEquals(List.of("Tous", "Seine-et-Marne (77)", "Seine-Saint-Denis (93)", "Val-de-Marne (94)"),
                browser.waitFor(d -> {
                    List<String> offered = new Select(d.findElement(By.id("filtre-departement"))).getOptions()
                            .stream().map(WebElement::getText).toList();
                    return offered.size() > 1 ? offered : null;
                }), "the départements of the demo's schools, from the directory");
        assertTrue(position(newest, printer) < position(newest, password), newest.toString());
        assertTrue(line(newest, password).contains("En retard"),
                "answered within 2 working hours, due at 11:00, it is 12:00: " + line(newest, password));
        assertFalse(line(newest, printer).contains("En retard"),
                "answered within 8 working hours, due at 17:30: " + line(newest, printer));
        violations.addAll(browser.seriousViolations("file, en retard"));

        new Select(browser.driver.findElement(By.id("tri"))).selectByVisibleText("Échéance la plus proche");
        browser.driver.findElement(By.id("filtrer")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("sort=due"));
        List<String> byDue = browser.waitFor(d -> {
            List<String> lines = queueLines(password, printer);
            return position(lines, password) < position(lines, printer) ? lines : null;
        });
        assertTrue(line(byDue, password).contains("En retard"), line(byDue, password));

        clock.set(Instant.parse("2026-10-07T07:00:00Z"));
        site.signInAs(Role.AGENT);
        browser.open("/file.html?sort=due");
        List<String> nextDay = queueLines(password, printer);
        assertTrue(line(nextDay, printer).contains("En retard"), "due the day before: " + line(nextDay, printer));
        violations.addAll(browser.seriousViolations("file, par échéance"));
        assertEquals(List.of(), violations);
    }
}
