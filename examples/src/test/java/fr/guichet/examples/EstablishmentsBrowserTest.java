package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Schools by name: a teacher's list and request page name the demo school beside its UAI; an agent keeps the queue to
 * a département and a school; the administrator searches the directory and imports a file whose refused line says
 * why. No serious or critical axe violation.
 */
class EstablishmentsBrowserTest {

    private static final String SCHOOL = "Collège Jean Moulin (0941295X)";

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    private String file(String summary) {
        return (String) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/requests', {method: 'POST', headers: {'Content-Type': 'application/json', "
                + "'X-CSRF-Token': localStorage.getItem('guichet.csrf')}, body: JSON.stringify({subject: 'MES-1.2', "
                + "type: 'USAGE', summary: '" + summary + "', description: 'Je ne peux plus me connecter.', "
                + "visibility: 'PRIVATE'})}).then(r => r.json()).then(j => done(j.number));");
    }

    @Test
    void names_stand_beside_uais_the_queue_keeps_to_a_school_and_the_directory_is_imported() throws IOException {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.REQUESTER);
        String number = file("Messagerie bloquée");
        browser.open("/demandes.html");
        WebElement line = browser.waitFor(d -> d.findElements(By.cssSelector("#liste li")).stream()
                .filter(li -> li.getText().contains(number)).findFirst().orElse(null));
        assertTrue(line.getText().contains(SCHOOL), line.getText());
        violations.addAll(browser.seriousViolations("demandes"));
        browser.open("/suivi.html?numero=" + number);
        browser.waitFor(d -> d.findElement(By.tagName("main")).getText().contains(SCHOOL) ? true : null);
        violations.addAll(browser.seriousViolations("suivi"));

        site.signInAs(Role.AGENT);
        browser.open("/file.html?scope=all");
        browser.visible(By.xpath("//option[text()='Val-de-Marne (94)']"));
        new Select(browser.driver.findElement(By.id("filtre-departement"))).selectByVisibleText("Val-de-Marne (94)");
        WebElement school = browser.driver.findElement(By.id("filtre-etablissement"));
        school.sendKeys("0941295x");
        browser.driver.findElement(By.id("filtrer")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("establishment=0941295X") ? true : null);
        WebElement found = browser.waitFor(d -> d.findElements(By.cssSelector("#liste li")).stream()
                .filter(li -> li.getText().contains(number)).findFirst().orElse(null));
        assertTrue(found.getText().contains(SCHOOL), found.getText());
        browser.waitFor(d -> school.getAttribute("value").startsWith("Collège Jean Moulin") ? true : null);
        violations.addAll(browser.seriousViolations("file"));
        school.clear();
        school.sendKeys("Jean Moulin sans code");
        browser.driver.findElement(By.id("filtrer")).click();
        browser.waitFor(d -> d.findElement(By.id("erreur-filtre-etablissement")).getText()
                .contains("Choisissez un établissement") ? true : null);

        site.signInAs(Role.ADMIN);
        browser.open("/admin.html");
        browser.visible(By.cssSelector("a[href='/admin-etablissements.html']")).click();
        browser.waitForPath("/admin-etablissements.html");
        WebElement words = browser.visible(By.id("mots"));
        words.sendKeys("neruda bobigny");
        words.submit();
        WebElement neruda = browser.waitFor(d -> d.findElements(By.cssSelector("#etablissements tr")).stream()
                .filter(r -> r.getText().contains("Collège Pablo Neruda")).findFirst().orElse(null));
        assertTrue(neruda.getText().contains("0930122C"), neruda.getText());
        Path csv = site.data.resolve("annuaire.csv");
        Files.writeString(csv, "\uFEFFIdentifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;"
                + "Statut_public_prive;Nom_commune;Code_departement\n"
                + "0771234Y;\"Collège \"\"Les Sources\"\"\";Collège;Public;Lagny-sur-Marne;077\n"
                + "0771234A;École fausse;Ecole;Public;Lagny-sur-Marne;077\n");
        browser.driver.findElement(By.id("fichier")).sendKeys(csv.toString());
        browser.driver.findElement(By.id("importer")).click();
        WebElement bilan = browser.waitFor(d -> d.findElement(By.id("bilan")).getText().contains("Import terminé")
                ? d.findElement(By.id("bilan")) : null);
        assertTrue(bilan.getText().contains("1 établissement ajouté(s)"), bilan.getText());
        assertTrue(bilan.getText().contains("1 ligne refusée(s)"), bilan.getText());
        WebElement refused = browser.visible(By.cssSelector("#rapport-lignes tr"));
        assertTrue(refused.getText().contains("0771234A") && refused.getText().contains("lettre de contrôle"),
                refused.getText());
        violations.addAll(browser.seriousViolations("admin-etablissements"));

        assertEquals(List.of(), violations);
    }
}
