package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The administrator changes the reopening window on the settings page and reads the change, with its values before
 * and after, in the journal; a teacher is sent away from the settings page. No serious or critical axe violation.
 */
class SettingsBrowserTest {

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    @Test
    void the_administrator_changes_the_reopening_window_and_finds_the_change_in_the_journal() {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.ADMIN);
        browser.open("/admin.html");
        browser.visible(By.cssSelector("a[href=\"/admin-parametres.html\"]")).click();
        browser.waitForPath("/admin-parametres.html");
        WebElement window = browser.waitFor(d -> {
            WebElement input = d.findElement(By.id("reouverture"));
            return input.getAttribute("value").isEmpty() ? null : input;
        });
        assertEquals("15", window.getAttribute("value"));
        assertEquals("ac-creteil.fr", browser.driver.findElement(By.id("domaines")).getAttribute("value"));
        assertTrue(browser.driver.findElements(By.cssSelector(".fixe")).stream().noneMatch(WebElement::isDisplayed),
                "no setting is fixed by the demo's environment");
        assertTrue(window.isEnabled());
        violations.addAll(browser.seriousViolations("admin-parametres"));

        window.clear();
        window.sendKeys("0");
        browser.driver.findElement(By.id("enregistrer")).click();
        WebElement error = browser.visible(By.id("erreur-reouverture"));
        assertTrue(error.getText().contains("entre 1 et 365"), error.getText());
        assertEquals("true", window.getAttribute("aria-invalid"));
        violations.addAll(browser.seriousViolations("admin-parametres, erreur"));

        window.clear();
        window.sendKeys("30");
        browser.driver.findElement(By.id("enregistrer")).click();
        WebElement success = browser.visible(By.id("message-succes"));
        assertTrue(success.getText().contains("enregistrés"), success.getText());
        assertEquals("message-succes", browser.activeId());
        assertEquals(null, window.getAttribute("aria-invalid"));

        browser.open("/admin-journal.html");
        WebElement first = browser.visible(By.cssSelector("#entrees > li"));
        assertTrue(first.findElement(By.tagName("h2")).getText().contains("Modification des paramètres"),
                first.getText());
        assertTrue(first.getText().contains("Anne Durand"), first.getText());
        WebElement row = first.findElement(By.cssSelector("tbody tr"));
        assertEquals("Délai de réouverture", row.findElement(By.tagName("th")).getText());
        List<WebElement> values = row.findElements(By.tagName("td"));
        assertEquals("15 jours", values.get(0).getText());
        assertEquals("30 jours", values.get(1).getText());
        assertEquals(1, first.findElements(By.cssSelector("tbody tr")).size());
        assertFalse(browser.driver.findElement(By.id("precedent")).isEnabled());
        violations.addAll(browser.seriousViolations("admin-journal"));

        assertEquals(List.of(), violations);
    }

    @Test
    void a_change_made_meanwhile_is_reported_and_the_journal_pages_twenty_entries_at_a_time() {
        site.signInAs(Role.ADMIN);
        browser.open("/admin-parametres.html");
        browser.waitFor(d -> d.findElement(By.id("cloture")).getAttribute("value").isEmpty() ? null : true);
        Object changed = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const headers = { "Content-Type": "application/json",
                    "X-CSRF-Token": localStorage.getItem("guichet.csrf") };
                  for (let days = 101; days <= 121; days++) {
                    const answer = await fetch("/api/v1/admin/settings", { method: "PATCH", headers,
                      body: JSON.stringify({ autoCloseWaitingDays: days }) });
                    if (!answer.ok) return done(answer.status);
                  }
                  done(21);
                })();""");
        assertEquals(21L, changed);

        browser.driver.findElement(By.id("enregistrer")).click();
        WebElement summary = browser.visible(By.id("resume-erreurs"));
        assertTrue(summary.getText().contains("modifiés entre-temps"), summary.getText());
        summary.findElement(By.xpath(".//button[.='Recharger les paramètres']")).click();
        browser.waitFor(d -> d.findElement(By.id("cloture")).getAttribute("value").equals("121"));

        browser.open("/admin-journal.html");
        WebElement position = browser.visible(By.id("position"));
        assertTrue(position.getText().matches("1 – 20 sur [0-9]+"), position.getText());
        int total = Integer.parseInt(position.getText().replaceAll(".* sur ", ""));
        assertEquals(20, browser.driver.findElements(By.cssSelector("#entrees > li")).size());
        assertTrue(browser.driver.findElement(By.cssSelector("#entrees > li td")).getText().equals("120 jours"));
        browser.driver.findElement(By.id("suivant")).click();
        browser.waitFor(d -> d.findElement(By.id("position")).getText().startsWith("21 – "));
        assertEquals("21 – " + Math.min(40, total) + " sur " + total, position.getText());
        assertTrue(browser.driver.findElement(By.id("precedent")).isEnabled());
        assertEquals("position", browser.activeId());
        browser.driver.findElement(By.id("precedent")).click();
        browser.waitFor(d -> d.findElement(By.id("position")).getText().startsWith("1 – 20"));
    }

    @Test
    void mail_domains_set_by_the_environment_are_shown_read_only_and_the_others_still_saved(@TempDir Path other) {
        try (GuichetServer server = GuichetServer.start(ServerSettings.fromEnvironment(Map.of("GUICHET_PORT", "0",
                "GUICHET_DATA_DIR", other.toString(), "GUICHET_DEMO_PASSWORD", DemoSite.PASSWORD,
                "GUICHET_MAIL_DOMAINS", "ac-creteil.fr,ac-paris.fr")), true);
                Browser fixed = new Browser("http://localhost:" + server.port())) {
            fixed.signIn("admin", DemoSite.PASSWORD);
            fixed.open("/admin-parametres.html");
            WebElement domains = fixed.waitFor(d -> {
                WebElement input = d.findElement(By.id("domaines"));
                return input.getAttribute("value").isEmpty() ? null : input;
            });

            assertEquals("ac-creteil.fr\nac-paris.fr", domains.getAttribute("value"));
            assertFalse(domains.isEnabled());
            WebElement mention = domains.findElement(By.xpath("ancestor::div[@class='champ']//*[@class='aide fixe']"));
            assertEquals("Fixé par la configuration du serveur.", mention.getText());
            assertEquals(1, fixed.driver.findElements(By.cssSelector(".fixe")).stream()
                    .filter(WebElement::isDisplayed).count());
            WebElement retention = fixed.driver.findElement(By.id("conservation"));
            retention.clear();
            retention.sendKeys("3");
            fixed.driver.findElement(By.id("enregistrer")).click();
            assertTrue(fixed.visible(By.id("message-succes")).getText().contains("enregistrés"));
            assertEquals(List.of(), fixed.seriousViolations("admin-parametres, domaines fixés"));
        }
    }

    @Test
    void the_administrator_sees_what_would_be_anonymised_then_runs_it_after_confirming() {
        site.signInAs(Role.ADMIN);
        browser.open("/admin-parametres.html");
        browser.visible(By.id("estimer")).click();
        WebElement report = browser.waitFor(d -> {
            WebElement r = d.findElement(By.id("bilan-conservation"));
            return r.getText().isEmpty() ? null : r;
        });
        assertTrue(report.getText().startsWith("Une anonymisation maintenant toucherait :"), report.getText());
        assertTrue(report.getText().matches("(?s).*(aucune demande close|demandes? closes?) avant le 1er septembre "
                + "[0-9]{4}\n.*"), report.getText());
        assertTrue(report.getText().matches("(?s).*\n(aucun fichier|[0-9\u00a0\u202f ]+ fichiers?)\n.*"),
                report.getText());
        List<String> violations = new ArrayList<>(browser.seriousViolations("admin-parametres, anonymisation"));

        browser.driver.findElement(By.id("anonymiser")).click();
        WebElement question = browser.visible(By.id("question-anonymisation"));
        assertTrue(question.getText().contains("définitive"), question.getText());
        assertEquals("confirmer-anonymisation", browser.activeId());
        violations.addAll(browser.seriousViolations("admin-parametres, confirmation"));
        browser.driver.findElement(By.id("confirmer-anonymisation")).click();
        String done = browser.waitFor(d -> {
            String text = d.findElement(By.id("bilan-conservation")).getText();
            return text.startsWith("Anonymisation faite") ? text : null;
        });
        assertTrue(done.matches("(?s).*\n(aucun compte anonymisé|[0-9\u00a0\u202f ]+ comptes? anonymisés?)\n.*"), done);
        assertFalse(browser.driver.findElement(By.id("confirmation-anonymisation")).isDisplayed());

        browser.open("/admin-journal.html");
        WebElement first = browser.visible(By.cssSelector("#entrees > li"));
        assertEquals("Anonymisation des données anciennes", first.findElement(By.tagName("h2")).getText());
        assertEquals(List.of(), violations);
    }

    @Test
    void a_teacher_is_sent_away_from_the_settings_page() {
        site.signInAs(Role.REQUESTER);
        browser.open("/admin-parametres.html");

        browser.waitFor(d -> !d.getCurrentUrl().contains("/admin-parametres.html"));
        assertTrue(browser.driver.findElements(By.linkText("Administration")).isEmpty());
    }
}
