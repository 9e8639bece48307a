package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administrator finds a person by name (a search too long is refused beside its field) and changes their groups,
 * creates an account, and imports a small CSV file whose report shows each line. No serious or critical axe violation.
 */
class AdminPeopleBrowserTest {

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    private WebElement rowOf(String name) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("#lignes tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElse(null));
    }

    /** Waits for the success message to name {@code expected}. */
    private void success(String expected) {
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains(expected) ? true : null);
    }

    @Test
    void the_administrator_changes_groups_creates_an_account_and_imports_a_file() throws IOException {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.ADMIN);
        browser.open("/admin.html");
        browser.visible(By.cssSelector("a[href='/admin-personnes.html']")).click();
        browser.waitForPath("/admin-personnes.html");
        rowOf("Durand Anne");
        violations.addAll(browser.seriousViolations("admin-personnes"));

        WebElement words = browser.visible(By.id("mots"));
        words.sendKeys("a".repeat(201));
        words.submit();
        browser.waitFor(d -> d.findElement(By.id("erreur-mots")).getText().contains("200 caractères") ? true : null);
        assertEquals("true", words.getAttribute("aria-invalid"));
        words.clear();
        words.sendKeys("BENALI");
        words.submit();
        browser.waitFor(d -> d.findElement(By.id("titre-liste")).getText().contains("« BENALI » : 1") ? true : null);
        WebElement samir = rowOf("Benali Samir");
        assertTrue(samir.getText().contains("Spécialiste"), samir.getText());
        assertTrue(samir.getText().contains("Spécialistes des applications disciplinaires"), samir.getText());
        samir.findElement(By.tagName("button")).click();
        browser.waitFor(d -> d.findElement(By.id("titre-fiche")).getText().contains("Samir Benali") ? true : null);
        WebElement export = browser.visible(By.id("exporter"));
        assertEquals("Exporter ses données", export.getText());
        assertTrue(export.getAttribute("href").matches(".*/api/v1/admin/people/[^/]+/export"),
                export.getAttribute("href"));
        String groupChoices = browser.driver.findElement(By.id("groupes-choix")).getText();
        assertTrue(groupChoices.contains("Plateforme d'assistance du rectorat"), groupChoices);
        assertFalse(groupChoices.contains("PLATEFORME"), groupChoices);
        browser.driver.findElement(By.cssSelector("input[name='group'][value='PLATEFORME']")).click();
        browser.driver.findElement(By.id("enregistrer")).click();
        success("Samir Benali : modifications enregistrées");
        assertTrue(rowOf("Benali Samir").getText().contains("Plateforme d'assistance du rectorat"));
        violations.addAll(browser.seriousViolations("admin-personnes, fiche"));

        browser.driver.findElement(By.id("fermer")).click();
        browser.driver.findElement(By.id("nouvelle")).click();
        assertFalse(browser.driver.findElement(By.id("exporter")).isDisplayed(), "a new account has no data yet");
        browser.visible(By.id("identifiant")).sendKeys("nbernard");
        browser.driver.findElement(By.id("prenom")).sendKeys("Nina");
        browser.driver.findElement(By.id("nom")).sendKeys("Bernard");
        browser.driver.findElement(By.id("adresse")).sendKeys("nina.bernard@gmail.com");
        browser.driver.findElement(By.id("enregistrer")).click();
        WebElement error = browser.visible(By.id("erreur-adresse"));
        assertTrue(error.getText().contains("ac-creteil.fr"), error.getText());
        violations.addAll(browser.seriousViolations("admin-personnes, erreur"));
        WebElement email = browser.driver.findElement(By.id("adresse"));
        email.clear();
        email.sendKeys("nina.bernard@ac-creteil.fr");
        browser.driver.findElement(By.id("enregistrer")).click();
        success("(nbernard) a été créé");

        Path csv = site.data.resolve("personnes.csv");
        Files.writeString(csv, "identifier;email;givenName;familyName;establishment;roles;groups\n"
                + "lpetit;lea.petit@ac-creteil.fr;Léa;Petit;0941295X;Agent;PLATEFORME\n"
                + "fautif;fautif@ac-creteil.fr;=1+2;Fautif;123;;\n", StandardCharsets.UTF_8);
        browser.driver.findElement(By.id("fichier")).sendKeys(csv.toString());
        browser.driver.findElement(By.id("importer")).click();
        WebElement summary = browser.visible(By.id("bilan"));
        assertTrue(summary.getText().contains("1 créée(s)") && summary.getText().contains("1 refusée(s)"),
                summary.getText());
        List<WebElement> lines = browser.driver.findElements(By.cssSelector("#rapport-lignes tr"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).getText().contains("lpetit") && lines.get(0).getText().contains("Créée"),
                lines.get(0).getText());
        assertTrue(lines.get(1).getText().contains("Refusée") && lines.get(1).getText().contains("Établissement"),
                lines.get(1).getText());
        violations.addAll(browser.seriousViolations("admin-personnes, import"));

        assertEquals(List.of(), violations);
    }
}
