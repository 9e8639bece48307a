package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web front tells time by the server's clock, not the browser's: on a computer whose clock runs ahead, the queue
 * shows a request filed a moment ago as just filed, and the requester's list and the statistics open on the current
 * school year. No serious or critical axe violation.
 */
class WrongBrowserClockBrowserTest {

    /** Replaces the page's {@code Date} with one whose now ({@code Date.now()}, {@code new Date()}) runs ahead. */
    private static final String CLOCK_AHEAD = """
            (() => {
              const RealDate = Date;
              const ahead = %d;
              globalThis.Date = class extends RealDate {
                constructor(...args) { if (args.length) super(...args); else super(RealDate.now() + ahead); }
                static now() { return RealDate.now() + ahead; }
              };
            })();""";

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    /** Sets the browser's clock {@code ahead} of the real one in every page loaded until {@link #rightTime}. */
    private static String clockAhead(Duration ahead) {
        return (String) browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", CLOCK_AHEAD.formatted(ahead.toMillis()))).get("identifier");
    }

    private static void rightTime(String script) {
        browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
    }

    /** How far ahead of this machine's clock the page's clock runs, as the page's scripts read it. */
    private static Duration pageClockAhead() {
        long page = (Long) browser.driver.executeScript("return Date.now();");
        return Duration.ofMillis(page - System.currentTimeMillis());
    }

    @Test
    void a_request_filed_a_moment_ago_is_shown_just_filed_when_the_browser_clock_is_two_days_ahead() {
        String ahead = clockAhead(Duration.ofDays(2));
        try {
            site.signInAs(Role.REQUESTER);
            browser.open("/demande.html?sujet=RES-5");
            String printers = "RES \u2013 5.3 \u2013 Imprimantes";
            browser.visible(By.xpath("//option[text()='" + printers + "']"));
            new Select(browser.driver.findElement(By.id("precision"))).selectByVisibleText(printers);
            new Select(browser.driver.findElement(By.id("type"))).selectByVisibleText("incident, panne");
            browser.driver.findElement(By.id("resume")).sendKeys("Horloge du poste en avance");
            browser.driver.findElement(By.id("description")).sendKeys("Le vidéoprojecteur ne s'allume plus.");
            browser.driver.findElement(By.id("soumettre")).click();
            browser.waitForPath("deposee=");
            String number = browser.driver.getCurrentUrl().replaceAll(".*deposee=", "");

            site.signInAs(Role.AGENT);
            browser.waitForPath("/file.html");
            WebElement filed = browser.waitFor(d -> d.findElements(By.cssSelector("#liste > li")).stream()
                    .filter(li -> li.getText().startsWith(number)).findFirst().orElse(null))
                    .findElement(By.tagName("time"));
            assertTrue(pageClockAhead().compareTo(Duration.ofDays(2).minusMinutes(1)) > 0, "the page's clock");
            assertTrue(filed.getText().matches("à l'instant|il y a \\d+ min"), "filed a moment ago, shown "
                    + filed.getText());
            assertEquals(List.of(), browser.seriousViolations("file, horloge en avance"));
        } finally {
            rightTime(ahead);
        }
    }

    @Test
    void the_requests_list_and_the_statistics_open_on_the_current_school_year_when_the_browser_clock_is_a_year_ahead() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        String ahead = clockAhead(Duration.ofDays(400));
        try {
            site.signInAs(Role.REQUESTER);
            browser.waitForPath("/demandes.html");
            assertEquals(start + "-" + (start + 1), browser.waitFor(d -> new Select(d.findElement(By.id("annee")))
                    .getOptions().stream().findFirst().map(o -> o.getAttribute("value")).orElse(null)));

            site.signInAs(Role.AGENT);
            browser.open("/statistiques.html");
            assertEquals(start + "-09-01", browser.waitFor(d -> {
                String from = d.findElement(By.id("debut")).getAttribute("value");
                return from.isEmpty() ? null : from;
            }));
            assertEquals((start + 1) + "-08-31", browser.driver.findElement(By.id("fin")).getAttribute("value"));
            assertTrue(pageClockAhead().compareTo(Duration.ofDays(399)) > 0, "the page's clock");
        } finally {
            rightTime(ahead);
        }
    }
}
