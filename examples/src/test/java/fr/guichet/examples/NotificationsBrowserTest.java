package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent reaches « Mes notifications » from the menu, reads every mail as the default, chooses the daily digest at
 * 17 h for their groups' new requests and finds the choice again after a reload; a teacher is sent away. No serious or
 * critical axe violation.
 */
class NotificationsBrowserTest {

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;

    private static boolean checked(String id) {
        return browser.driver.findElement(By.id(id)).isSelected();
    }

    @Test
    void an_agent_chooses_the_daily_digest_for_their_groups_new_requests() {
        List<String> violations = new ArrayList<>();
        site.signInAs(Role.AGENT);
        browser.open("/file.html");
        browser.visible(By.cssSelector("a[href=\"/mes-notifications.html\"]")).click();
        browser.waitForPath("/mes-notifications.html");
        browser.waitFor(d -> checked("groupes-chaque") ? true : null);
        assertTrue(checked("miennes-chaque"));
        assertEquals("8", new Select(browser.driver.findElement(By.id("heure"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("heure de Paris", browser.driver.findElement(By.id("fuseau")).getText());
        violations.addAll(browser.seriousViolations("mes notifications"));

        browser.driver.findElement(By.cssSelector("label[for=\"groupes-recapitulatif\"]")).click();
        new Select(browser.driver.findElement(By.id("heure"))).selectByVisibleText("17 h");
        browser.driver.findElement(By.id("enregistrer")).click();
        assertEquals("Vos choix de notifications sont enregistrés.",
                browser.visible(By.id("message-succes")).getText());
        assertEquals("message-succes", browser.activeId());
        violations.addAll(browser.seriousViolations("mes notifications, enregistré"));

        browser.open("/mes-notifications.html");
        browser.waitFor(d -> checked("groupes-recapitulatif") ? true : null);
        assertTrue(checked("miennes-chaque"));
        assertEquals("17", new Select(browser.driver.findElement(By.id("heure"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals(List.of(), violations);
    }

    @Test
    void a_teacher_has_no_such_page() {
        site.signInAs(Role.REQUESTER);
        browser.open("/mes-notifications.html");
        browser.waitForPath("/");
        assertEquals(0, browser.driver.findElements(By.cssSelector("a[href=\"/mes-notifications.html\"]")).size());
    }
}
