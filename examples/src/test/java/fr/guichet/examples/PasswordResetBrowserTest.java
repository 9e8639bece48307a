package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A teacher with a local account who forgot their password, in a real browser against the example server with its
 * demo data, its mail going through SMTP to GreenMail: ask from the sign-in page, follow the mailed link, choose a new
 * password, sign in with it; the link then no longer works.
 */
class PasswordResetBrowserTest {

    private static final String NEW_PASSWORD = "la cour de récréation est fermée";
    private static final String TEACHER = "mmontanes";
    private static final String TEACHER_MAIL = "marc.montanes@ac-creteil.fr";
    private static final ServerSetup SMTP = new ServerSetup(ServerNode.freePort(), "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP);

    @RegisterExtension
    @Order(1)
    static final GreenMailExtension smtp = new GreenMailExtension(SMTP).withPerMethodLifecycle(false);
    @RegisterExtension
    @Order(2)
    static final DemoSite site = DemoSite.perClass(url -> Map.of("GUICHET_BASE_URL", url, "GUICHET_SMTP_HOST",
            "127.0.0.1", "GUICHET_SMTP_PORT", Integer.toString(SMTP.getPort()), "GUICHET_MAIL_FROM",
            "guichet@ac-creteil.fr"));
    private static final Browser browser = site.browser;
    private static final String base = site.base;

    private static List<MimeMessage> resetMails() throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(TEACHER_MAIL)) {
                found.add(mail);
            }
        }
        return found;
    }

    private static String awaitLink() throws Exception {
        assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the reset mail arrives");
        MimeMessage mail = resetMails().get(0);
        assertEquals("[Guichet] Choisir un nouveau mot de passe", mail.getSubject());
        String text = ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent().toString();
        assertTrue(text.startsWith("Bonjour Marc Montanes,"), text);
        Matcher link = Pattern.compile(Pattern.quote(base) + "/nouveau-mot-de-passe\\.html#[A-Za-z0-9_-]{43}")
                .matcher(text);
        assertTrue(link.find(), text);
        return link.group();
    }

    private void choose(String password, String confirmation) {
        browser.visible(By.id("nouveau")).clear();
        browser.driver.findElement(By.id("nouveau")).sendKeys(password);
        browser.driver.findElement(By.id("confirmation")).clear();
        browser.driver.findElement(By.id("confirmation")).sendKeys(confirmation);
        browser.driver.findElement(By.id("enregistrer")).click();
    }

    @Test
    void a_teacher_asks_for_a_link_sets_a_new_password_with_it_signs_in_and_the_link_then_no_longer_works()
            throws Exception {
        List<String> violations = new ArrayList<>();
        browser.forget();
        browser.open("/connexion.html");
        browser.visible(By.linkText("Mot de passe oublié ?")).click();
        browser.waitForPath("/mot-de-passe-oublie.html");
        browser.visible(By.id("identifiant"));
        browser.driver.findElement(By.id("envoyer-lien")).click();
        browser.waitFor(d -> d.findElement(By.id("erreur-identifier")).getText()
                .equals("Saisissez votre identifiant."));
        violations.addAll(browser.seriousViolations("mot-de-passe-oublie.html"));
        browser.driver.findElement(By.id("identifiant")).sendKeys(TEACHER);
        browser.driver.findElement(By.id("envoyer-lien")).click();
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains("valable une heure"));

        String link = awaitLink();
        browser.driver.get(link);
        browser.visible(By.id("nouveau"));
        browser.waitFor(d -> d.getCurrentUrl().equals(base + "/nouveau-mot-de-passe.html"));
        choose("trop court", "trop court");
        browser.waitFor(d -> d.findElement(By.id("erreur-password")).getText().contains("12 caractères"));
        assertEquals("true", browser.driver.findElement(By.id("nouveau")).getAttribute("aria-invalid"));
        violations.addAll(browser.seriousViolations("nouveau-mot-de-passe.html"));
        choose(NEW_PASSWORD, NEW_PASSWORD + " !");
        browser.waitFor(d -> d.findElement(By.id("erreur-confirmation")).getText().contains("pas identiques"));
        choose(NEW_PASSWORD, NEW_PASSWORD);
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText().contains("a été changé"));

        browser.driver.findElement(By.id("aller-connexion")).click();
        browser.visible(By.id("identifiant")).sendKeys(TEACHER);
        browser.driver.findElement(By.id("mot-de-passe")).sendKeys(NEW_PASSWORD);
        browser.driver.findElement(By.id("se-connecter")).click();
        browser.waitForPath("/demandes.html");

        browser.forget();
        browser.driver.get(link);
        choose("encore une autre phrase de passe", "encore une autre phrase de passe");
        browser.waitFor(d -> d.findElement(By.id("resume-erreurs")).getText().contains("n'est plus valable"));
        assertTrue(browser.visible(By.linkText("Demander un nouveau lien")).isDisplayed());
        assertFalse(browser.driver.findElement(By.id("formulaire-nouveau")).isDisplayed());
        assertEquals(1, resetMails().size());
        assertEquals(List.of(), violations);
    }
}
