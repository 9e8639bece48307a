package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator adds LaboMEP under EVE – 4 with its specialist, a teacher files a request under it at once and
 * the specialist finds it assigned to them; the administrator creates a group and gives it a member found by name.
 * No serious or critical axe violation.
 */
class AdminCatalogBrowserTest {

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    /** Keeps a picture of the page in target/screenshots, for a person to look at. */
    private static void picture(String name) throws IOException {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits for the success message to name {@code expected}. */
    /** The page shows groups, types, subjects and routings by their labels: none of their codes. */
    private void noCodes(String page) {
        String shown = browser.driver.findElement(By.tagName("main")).getText();
        for (String code : List.of("(EVE)", "(PLATEFORME)", "(USAGE)", "(INCIDENT)", "FEWEST_OPEN", "GROUP_QUEUE",
                "EVE-4")) {
            assertFalse(shown.contains(code), page + " shows " + code + ": " + shown);
        }
    }

    private void success(String expected) {
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains(expected) ? true : null);
    }

    @Test
    void a_subject_added_with_its_specialist_is_offered_at_once_and_its_request_goes_to_the_specialist()
            throws IOException {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.ADMIN);
        browser.open("/admin.html");
        browser.visible(By.cssSelector("a[href='/admin-catalogue.html']")).click();
        browser.waitForPath("/admin-catalogue.html");
        browser.visible(By.id("sujet-EVE-4.1"));
        violations.addAll(browser.seriousViolations("admin-catalogue"));

        WebElement eve = browser.driver.findElement(By.id("sujet-EVE-4"));
        eve.findElement(By.xpath("./div/details[2]/summary")).click();
        browser.visible(By.id("sujet-EVE-4-nouveau-libelle"));
        browser.driver.findElement(By.cssSelector("#sujet-EVE-4 > div > details:nth-of-type(2) button.bouton[type=submit]"))
                .click();
        WebElement labelError = browser.visible(By.id("sujet-EVE-4-nouveau-libelle-erreur"));
        assertTrue(labelError.getText().contains("obligatoire"), labelError.getText());
        assertEquals("true", browser.driver.findElement(By.id("sujet-EVE-4-nouveau-libelle"))
                .getAttribute("aria-invalid"));
        violations.addAll(browser.seriousViolations("admin-catalogue, erreur"));

        browser.driver.findElement(By.id("sujet-EVE-4-nouveau-libelle")).sendKeys("LaboMEP");
        new Select(browser.driver.findElement(By.id("sujet-EVE-4-nouveau-groupe"))).selectByValue("EVE");
        new Select(browser.driver.findElement(By.id("sujet-EVE-4-nouveau-acheminement")))
                .selectByVisibleText("Au membre le moins chargé");
        browser.driver.findElement(By.id("sujet-EVE-4-nouveau-specialiste")).sendKeys("Benali");
        eve.findElement(By.xpath("./div/details[2]//button[text()='Chercher']")).click();
        browser.visible(By.xpath("//button[text()='Ajouter Samir Benali (specialiste-mep)']")).click();
        browser.waitFor(d -> d.findElement(By.cssSelector("#sujet-EVE-4 > div > details:nth-of-type(2) ul.membres"))
                .getText().contains("Samir Benali (specialiste-mep)"));
        browser.driver.findElement(By.cssSelector("#sujet-EVE-4 > div > details:nth-of-type(2) button.bouton[type=submit]"))
                .click();
        success("Le sujet « EVE – 4.5 – LaboMEP » a été ajouté.");
        assertEquals("message-succes", browser.activeId());
        String added = browser.visible(By.id("sujet-EVE-4.5")).getText();
        assertTrue(added.contains("Spécialistes des applications disciplinaires"), added);
        assertTrue(added.contains("Au membre le moins chargé"), added);
        assertTrue(added.contains("Samir Benali"), added);
        violations.addAll(browser.seriousViolations("admin-catalogue, ajout"));
        picture("admin-catalogue");
        noCodes("admin-catalogue");
        browser.open("/admin-groupes.html");
        browser.visible(By.id("groupe-EVE"));
        noCodes("admin-groupes");
        browser.open("/admin-journal.html");
        browser.waitFor(d -> d.findElement(By.id("entrees")).getText().contains("LaboMEP") ? true : null);
        noCodes("admin-journal");
        browser.open("/admin-catalogue.html");
        browser.visible(By.id("sujet-EVE-4.4"));
        browser.driver.findElement(By.cssSelector("button[aria-label='Désactiver EVE – 4.4 – Éduthèque']")).click();
        success("Le sujet « EVE – 4.4 – Éduthèque » a été désactivé.");
        assertTrue(browser.visible(By.id("sujet-EVE-4.4")).getText().toLowerCase().contains("désactivé"));
        browser.visible(By.cssSelector("button[aria-label='Activer EVE – 4.4 – Éduthèque']"));

        Object status = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/admin/subjects/EVE-4.2', {method: 'PATCH', headers: {'Content-Type': "
                + "'application/json', 'X-CSRF-Token': localStorage.getItem('guichet.csrf')},"
                + "body: JSON.stringify({label: 'Mathenpoche 2'})}).then(r => done(r.status));");
        assertEquals(200L, status, "another administrator renames Mathenpoche meanwhile");
        browser.driver.findElement(By.cssSelector("button[aria-label='Descendre EVE – 4.2 – Mathenpoche']")).click();
        WebElement stale = browser.visible(By.cssSelector("#sujet-EVE-4\\.2 [role=alert]"));
        assertTrue(stale.getText().contains("modifié entre-temps"), stale.getText());

        site.signInAs(Role.REQUESTER);
        browser.open("/demande-sujet.html");
        browser.visible(By.xpath("//option[text()='EVE \u2013 4 \u2013 Applications Disciplinaires']"));
        new Select(browser.driver.findElement(By.id("sujet")))
                .selectByVisibleText("EVE \u2013 4 \u2013 Applications Disciplinaires");
        browser.driver.findElement(By.xpath("//button[text()='Valider le choix']")).click();
        browser.waitForPath("/demande.html");
        browser.visible(By.xpath("//option[text()='EVE \u2013 4.5 \u2013 LaboMEP']"));
        assertTrue(browser.driver.findElements(By.xpath("//option[text()='EVE \u2013 4.4 \u2013 Éduthèque']"))
                .isEmpty(), "a deactivated subject is no longer offered");
        new Select(browser.driver.findElement(By.id("precision"))).selectByVisibleText("EVE \u2013 4.5 \u2013 LaboMEP");
        new Select(browser.driver.findElement(By.id("type")))
                .selectByVisibleText("difficulté d'utilisation/installation");
        browser.driver.findElement(By.id("resume")).sendKeys("Exercices LaboMEP introuvables");
        browser.driver.findElement(By.id("description")).sendKeys("La séance de 3e B ne s'ouvre plus.");
        browser.driver.findElement(By.xpath("//button[text()='Soumettre la demande']")).click();
        browser.waitForPath("/demandes.html");
        String line = browser.visible(By.cssSelector("#liste li")).getText().replace('\n', ' ');
        assertTrue(line.contains("EVE \u2013 4.5 \u2013 LaboMEP"), line);
        String number = line.substring(0, 7);

        site.signInAs(Role.SPECIALIST);
        browser.waitForPath("/file.html");
        String mine = browser.waitFor(d -> d.findElements(By.cssSelector("#liste li")).stream()
                .map(WebElement::getText).filter(t -> t.contains(number)).findFirst().orElse(null));
        assertTrue(mine.contains("Exercices LaboMEP introuvables"), mine);
        assertTrue(mine.contains("Attribuée"), mine);

        assertEquals(List.of(), violations);
    }

    /** Types {@code text} into the field {@code id}, emptied first, and submits its form. */
    private void submitTarget(String id, String text) {
        WebElement input = browser.visible(By.id(id));
        input.clear();
        input.sendKeys(text, Keys.ENTER);
    }

    private String targets(String code) {
        return browser.visible(By.id("sujet-" + code + "-objectifs")).getText();
    }

    @Test
    void a_target_set_on_a_subject_is_shown_inherited_by_its_children_under_the_parents_label_and_can_be_cleared()
            throws IOException {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.ADMIN);
        browser.open("/admin-catalogue.html");
        String root = "Réseau et matériel de l'établissement";
        assertEquals("Objectifs de service : première réponse en 8 h ouvrées · résolution en 40 h ouvrées",
                targets("RES-5"));
        assertEquals("Objectifs de service : première réponse en 8 h ouvrées (hérité de « " + root + " ») · "
                + "résolution en 40 h ouvrées (hérité de « " + root + " »)", targets("RES-5.1"));

        browser.driver.findElement(By.cssSelector("#sujet-RES-5 > div > details:nth-of-type(3) > summary")).click();
        String first = "sujet-RES-5-objectif-reponse";
        submitTarget(first, "une heure");
        WebElement error = browser.visible(By.id(first + "-erreur"));
        assertTrue(error.getText().contains("nombre entier d'heures ouvrées, ou laissez le champ vide pour n'avoir "
                + "aucun objectif"), error.getText());
        assertTrue(browser.driver.findElement(By.cssSelector("#sujet-RES-5 > div > details:nth-of-type(3) form"))
                .getText().contains("s'applique aux demandes déposées ensuite"));
        assertEquals("true", browser.driver.findElement(By.id(first)).getAttribute("aria-invalid"));
        WebElement alert = browser.driver.findElement(By.cssSelector("#sujet-RES-5 > div > details:nth-of-type(3) "
                + "[role=alert]"));
        assertTrue(alert.getText().contains("Les objectifs de service sont à corriger."), alert.getText());
        violations.addAll(browser.seriousViolations("admin-catalogue, objectif invalide"));
        submitTarget(first, "5000");
        browser.waitFor(d -> d.findElement(By.id(first + "-erreur")).getText()
                .contains("L'objectif de première réponse est un nombre d'heures ouvrées de 1 à 2000.") ? true : null);

        submitTarget(first, "4");
        success("Les objectifs de service de « RES \u2013 5 \u2013 " + root + " » ont été enregistrés.");
        assertEquals("Objectifs de service : première réponse en 4 h ouvrées · résolution en 40 h ouvrées",
                targets("RES-5"));
        assertEquals("Objectifs de service : première réponse en 4 h ouvrées (hérité de « " + root + " ») · "
                + "résolution en 40 h ouvrées (hérité de « " + root + " »)", targets("RES-5.1"));
        violations.addAll(browser.seriousViolations("admin-catalogue, objectifs"));
        picture("admin-catalogue-objectifs");

        browser.driver.findElement(By.cssSelector("#sujet-RES-5\\.2 > div > details:nth-of-type(3) > summary"))
                .click();
        String child = "sujet-RES-5.2-objectif-resolution";
        assertTrue(browser.visible(By.xpath("//label[@for='" + child + "']")).getText()
                .contains("reprendre l'objectif hérité de « " + root + " » (40 h ouvrées)"));
        submitTarget(child, "16");
        success("Les objectifs de service de « RES \u2013 5.2 \u2013 Poste de travail » ont été enregistrés.");
        assertEquals("Objectifs de service : première réponse en 4 h ouvrées (hérité de « " + root + " ») · "
                + "résolution en 16 h ouvrées", targets("RES-5.2"));

        browser.driver.findElement(By.cssSelector("#sujet-RES-5 > div > details:nth-of-type(3) > summary")).click();
        submitTarget(first, "");
        success("Les objectifs de service de « RES \u2013 5 \u2013 " + root + " » ont été enregistrés.");
        assertEquals("Objectifs de service : première réponse : aucun objectif · résolution en 40 h ouvrées",
                targets("RES-5"));
        assertEquals("Objectifs de service : première réponse : aucun objectif · résolution en 16 h ouvrées",
                targets("RES-5.2"));
        assertTrue(targets("RES-5.1").contains("résolution en 40 h ouvrées (hérité de « " + root + " »)"),
                targets("RES-5.1"));

        assertEquals(List.of(), violations);
    }

    @Test
    void the_administrator_creates_a_group_and_gives_it_a_member_found_by_name() throws IOException {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.ADMIN);
        browser.open("/admin-groupes.html");
        browser.visible(By.id("groupe-PLATEFORME"));
        violations.addAll(browser.seriousViolations("admin-groupes"));

        browser.driver.findElement(By.id("code")).sendKeys("ENT");
        browser.driver.findElement(By.cssSelector("#creation button[type=submit]")).click();
        WebElement labelError = browser.visible(By.id("erreur-libelle"));
        assertTrue(labelError.getText().contains("obligatoire"), labelError.getText());
        browser.driver.findElement(By.id("libelle")).sendKeys("Équipe ENT");
        browser.driver.findElement(By.cssSelector("#creation button[type=submit]")).click();
        success("Le groupe « Équipe ENT » a été créé.");

        browser.visible(By.id("groupe-ENT-ajout")).sendKeys("Martin");
        browser.driver.findElement(By.xpath("//li[@id='groupe-ENT']//button[text()='Chercher']")).click();
        browser.visible(By.xpath("//li[@id='groupe-ENT']//button[text()='Ajouter Alice Martin (agent1)']")).click();
        success("Alice Martin fait désormais partie du groupe « Équipe ENT ».");
        assertTrue(browser.visible(By.id("groupe-ENT")).getText().contains("Alice Martin (agent1)"));
        violations.addAll(browser.seriousViolations("admin-groupes, membre"));
        picture("admin-groupes");

        assertEquals(List.of(), violations);
    }
}
