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
import org.openqa.selenium.support.ui.Select;

/**
 * The « Statistiques » page: staff read the demo's figures of the current school year as charts whose bars carry their
 * numbers, each chart's numbers also in a table folded under it, and as a table, regroup them by subject from the form
 * kept in the URL, and find the CSV export carrying the same parameters; the lists offer their own export; a teacher
 * is sent away. No serious or critical axe violation.
 */
class StatisticsBrowserTest {

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    private static void file(String subject, String summary) {
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/requests', {method: 'POST', headers: {'Content-Type': 'application/json', "
                + "'X-CSRF-Token': localStorage.getItem('guichet.csrf')}, body: JSON.stringify({subject: '" + subject
                + "', type: 'USAGE', summary: '" + summary + "', description: 'Pour les statistiques.', "
                + "visibility: 'PRIVATE'})}).then(r => done(r.status));");
    }

    @Test
    void staff_read_the_figures_as_charts_and_a_table_and_regroup_them_by_subject() {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.REQUESTER);
        file("MES-1.2", "Messagerie bloquée");
        file("MES-1.2", "Messagerie toujours bloquée");
        file("EVE-4.2", "Mathenpoche ne répond plus");
        site.signInAs(Role.AGENT);
        browser.visible(By.cssSelector("a[href=\"/statistiques.html\"]")).click();
        browser.waitForPath("/statistiques.html");

        WebElement table = browser.visible(By.cssSelector("#tableau table.chiffres"));
        assertEquals("Mois", table.findElement(By.cssSelector("thead th")).getText());
        WebElement months = browser.visible(By.cssSelector("#figure-mois svg[role=img]"));
        assertEquals("titre-mois", months.getAttribute("aria-labelledby"));
        assertTrue(months.findElements(By.tagName("text")).stream().anyMatch(t -> t.getText().equals("3")),
                "each bar carries its number");
        assertTrue(browser.visible(By.cssSelector("#figure-sujets svg[role=img]")).findElements(By.tagName("text"))
                .stream().anyMatch(t -> t.getText().equals("2")), "the subjects' bars carry their numbers");
        WebElement monthNumbers = browser.driver.findElement(By.cssSelector("#figure-mois details"));
        monthNumbers.findElement(By.tagName("summary")).click();
        assertEquals("Mois", monthNumbers.findElement(By.cssSelector("thead th")).getText());
        assertTrue(monthNumbers.findElements(By.cssSelector("tbody td")).stream().anyMatch(td -> td.getText()
                .equals("3")), "the chart's numbers stand in a table under it");
        assertTrue(browser.driver.findElement(By.id("exporter")).getAttribute("href")
                .contains("/api/v1/stats.csv?from="), browser.driver.findElement(By.id("exporter")).getAttribute("href"));
        violations.addAll(browser.seriousViolations("statistiques"));

        new Select(browser.driver.findElement(By.id("regroupement"))).selectByVisibleText("Sujet");
        browser.driver.findElement(By.cssSelector("#choix button[type=submit]")).click();
        browser.waitForPath("by=subject");
        browser.waitFor(d -> d.findElements(By.cssSelector("#tableau table.chiffres thead th")).stream()
                .anyMatch(th -> th.getText().equals("Sujet")) ? true : null);
        assertTrue(browser.driver.findElement(By.id("exporter")).getAttribute("href").contains("by=subject"));
        assertTrue(browser.driver.findElement(By.cssSelector("#figure-sujets details")).getAttribute("textContent")
                .contains("Les chiffres du graphique"));
        violations.addAll(browser.seriousViolations("statistiques par sujet"));

        browser.open("/file.html");
        browser.waitFor(d -> d.findElement(By.id("exporter")).getAttribute("href").contains("requests.csv?sort=")
                ? true : null);
        assertEquals(List.of(), violations);
    }

    @Test
    void a_teacher_is_sent_away_from_the_figures() {
        site.signInAs(Role.REQUESTER);
        browser.open("/statistiques.html");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/") ? true : null);
        assertTrue(browser.driver.findElements(By.cssSelector("a[href=\"/statistiques.html\"]")).isEmpty());
    }
}
