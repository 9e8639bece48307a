package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The seed's procedure, step by step, in a real browser against the real example server with its demo data. */
class WebFrontBrowserTest {

    private static final String PASSWORD = DemoSite.PASSWORD;

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;
    private static final Path data = site.data;

    /** Signs in on the sign-in page, as a new person at the same computer, and waits to land where the front sends. */
    private void signIn(String identifier) {
        browser.signIn(identifier, PASSWORD);
    }

    @Test
    void staff_land_on_the_queue_after_signing_in_and_teachers_on_their_requests() {
        signIn("agent1");
        browser.waitForPath("/file.html");
        browser.visible(By.id("titre-file"));
        signIn("jdupont");
        browser.waitForPath("/demandes.html");
    }

    @Test
    void an_agent_takes_a_new_request_from_the_queue_in_one_click_and_the_teacher_reads_their_name() {
        signIn("jdupont");
        String number = fileThroughThePage();

        signIn("agent1");
        browser.waitForPath("/file.html");
        WebElement line = queueLine(number);
        assertEquals("Nouvelle", statusOf(line));
        line.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Prendre en charge')]")).click();
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText()
                .equals("Vous avez pris en charge la demande " + number + "."));
        browser.waitFor(d -> statusOf(queueLine(number)).equals("Attribuée"));
        assertTrue(queueLine(number).findElements(By.tagName("button")).isEmpty(), "nothing left to take");

        signIn("jdupont");
        browser.open("/suivi.html?numero=" + number);
        WebElement page = browser.visible(By.id("demande"));
        browser.waitFor(d -> page.getText().contains("Prise en charge"));
        String facts = browser.driver.findElement(By.cssSelector("dl.fiche")).getText();
        assertTrue(facts.contains("Alice Martin"), facts);
        assertTrue(facts.contains("Plateforme d'assistance du rectorat"), facts);
        WebElement taken = browser.driver.findElement(By.xpath("//tr[td[text()='Prise en charge']]"));
        assertTrue(taken.getText().contains("Alice Martin"), taken.getText());
        for (String code : List.of("agent1", "PLATEFORME", "ASSIGNED", "TAKEN")) {
            assertFalse(page.getText().contains(code), code + " shown to the teacher: " + page.getText());
        }
    }

    @Test
    void an_agent_works_the_queue_through_its_views_and_sees_who_spoke_last() {
        signIn("jdupont");
        String followed = fileThroughThePage();
        fileThroughThePage();

        signIn("agent1");
        browser.waitForPath("/file.html");
        openView("À prendre");
        browser.waitFor(d -> d.getCurrentUrl().contains("vue=a-prendre"));
        browser.waitFor(d -> "true".equals(view("À prendre").getAttribute("aria-current")));
        int count = viewCount("À prendre");
        assertTrue(count >= 2, "at least the two new requests to take: " + count);
        assertEquals(count, titleTotal());
        while (count > 0) {
            WebElement first = browser.waitFor(d -> d.findElements(By.cssSelector("#liste li")).stream()
                    .filter(li -> !li.findElements(By.tagName("button")).isEmpty()).findFirst().orElse(null));
            String number = first.getText().substring(0, 7);
            first.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Prendre en charge')]")).click();
            browser.waitFor(d -> d.findElement(By.id("message-succes")).getText()
                    .equals("Vous avez pris en charge la demande " + number + "."));
            int before = count;
            count = browser.waitFor(d -> viewCount("À prendre") < before ? viewCount("À prendre") : null);
        }
        browser.waitFor(d -> d.findElement(By.id("liste")).getText()
                .equals("Aucune demande à prendre : toutes ont quelqu'un pour s'en occuper."));
        assertEquals(0, titleTotal());

        signIn("jdupont");
        browser.open("/suivi.html?numero=" + followed);
        browser.visible(By.id("complement")).sendKeys("Le bourrage continue, même avec du papier neuf.");
        browser.driver.findElement(By.cssSelector("#completer button[type=submit]")).click();
        awaitSuccess();

        signIn("agent1");
        browser.open("/file.html");
        new Select(browser.visible(By.id("tri"))).selectByVisibleText("Dernière activité");
        browser.waitFor(d -> d.getCurrentUrl().contains("sort=-updatedAt"));
        openView("Réponse du demandeur");
        browser.waitFor(d -> d.getCurrentUrl().contains("vue=reponse-demandeur"));
        String line = browser.waitFor(d -> {
            String text = queueLineText(followed);
            return text != null && text.contains("Réponse du demandeur") ? text : null;
        });
        assertTrue(line.contains("Dernière activité : Jeanne Dupont"), line);
        assertTrue(line.contains("Attribuée à Alice Martin"), line);
        for (String code : List.of("agent1", "jdupont", "IN_PROGRESS", "ASSIGNED", "PLATEFORME")) {
            assertFalse(browser.driver.findElement(By.id("contenu")).getText().contains(code), code);
        }

        browser.driver.navigate().refresh();
        browser.waitFor(d -> "true".equals(view("Réponse du demandeur").getAttribute("aria-current")));
        assertEquals("Dernière activité",
                new Select(browser.driver.findElement(By.id("tri"))).getFirstSelectedOption().getText());
        browser.waitFor(d -> queueLineText(followed));

        browser.driver.navigate().back();
        browser.waitFor(d -> !d.getCurrentUrl().contains("vue="));
        browser.waitFor(d -> view("Réponse du demandeur").getAttribute("aria-current") == null);

        assertEquals(List.of(), audit("/file.html?vue=reponse-demandeur&sort=-updatedAt", "h1"));

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open("/file.html?vue=reponse-demandeur&sort=-updatedAt");
            browser.waitFor(d -> queueLineText(followed));
            Object width = browser.driver.executeScript("return document.documentElement.clientWidth;");
            assertTrue(((Number) width).longValue() <= 390, "a phone's width: " + width);
            Object overflow = browser.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "the worklist scrolls sideways on a phone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 1024));
        }
    }

    /** The text of the queue's line for request {@code number}; null while it is not drawn or being redrawn. */
    private String queueLineText(String number) {
        try {
            return browser.driver.findElements(By.cssSelector("#liste li")).stream().map(WebElement::getText)
                    .filter(text -> text.startsWith(number)).findFirst().orElse(null);
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }

    /** The link of a saved view, once the views are drawn with their counts. */
    private WebElement view(String label) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("#vues a")).stream()
                .filter(a -> a.getText().startsWith(label + " (")).findFirst().orElse(null));
    }

    /** Follows a view's link, found and clicked in one wait: the views are redrawn as their counts arrive. */
    private void openView(String label) {
        browser.waitFor(d -> {
            view(label).click();
            return true;
        });
    }

    /** The count a view's link reads, found and read in one wait: the views are redrawn as their counts arrive. */
    private int viewCount(String label) {
        String text = browser.waitFor(d -> d.findElements(By.cssSelector("#vues a")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith(label + " (")).findFirst().orElse(null));
        return Integer.parseInt(text.substring(text.lastIndexOf('(') + 1, text.lastIndexOf(')')));
    }

    /** The total the list's title reads, "(1 - 20 / 57)". */
    private int titleTotal() {
        String text = browser.waitFor(d -> {
            String t = d.findElement(By.id("titre-file")).getText();
            return t.contains("/") ? t : null;
        });
        return Integer.parseInt(text.substring(text.lastIndexOf('/') + 1, text.lastIndexOf(')')).strip());
    }

    /** The status a line shows, as written (the page shows it in capitals). */
    private static String statusOf(WebElement line) {
        return line.findElement(By.className("statut")).getAttribute("textContent");
    }

    /** The line of the queue that shows request {@code number}, once the queue is drawn. */
    private WebElement queueLine(String number) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("#liste li")).stream()
                .filter(li -> li.getText().startsWith(number)).findFirst().orElse(null));
    }

    @Test
    void a_teacher_files_the_seeds_request_and_an_agents_answer_reaches_their_mailbox() throws Exception {
        browser.forget();
        browser.open("/");
        browser.visible(By.partialLinkText("DEMANDES DE DÉPANNAGE, INFORMATION")).click();
        browser.waitForPath("/connexion.html");
        browser.visible(By.id("identifiant")).sendKeys("mmontanes");
        browser.driver.findElement(By.id("mot-de-passe")).sendKeys(PASSWORD);
        browser.driver.findElement(By.cssSelector("label[for=memoriser]")).click();
        browser.driver.findElement(By.xpath("//button[text()='Se connecter']")).click();

        browser.waitForPath("/demande-sujet.html");
        browser.visible(By.xpath("//option[text()='EVE \u2013 4 \u2013 Applications Disciplinaires']"));
        new Select(browser.driver.findElement(By.id("sujet")))
                .selectByVisibleText("EVE \u2013 4 \u2013 Applications Disciplinaires");
        browser.driver.findElement(By.xpath("//button[text()='Valider le choix']")).click();

        browser.waitForPath("/demande.html");
        browser.visible(By.xpath("//option[text()='EVE \u2013 4.2 \u2013 Mathenpoche']"));
        new Select(browser.driver.findElement(By.id("precision"))).selectByVisibleText("EVE \u2013 4.2 \u2013 Mathenpoche");
        new Select(browser.driver.findElement(By.id("type"))).selectByVisibleText("difficulté d'utilisation/installation");
        browser.driver.findElement(By.id("resume")).sendKeys("perte d'identifiant");
        browser.driver.findElement(By.id("description")).sendKeys("Je ne me souviens plus de mon mot de passe");
        Path capture = data.resolve("capture.pdf");
        Files.writeString(capture, "%PDF-1.4\n% capture d'écran\n%%EOF\n", StandardCharsets.ISO_8859_1);
        browser.driver.findElement(By.id("fichier")).sendKeys(capture.toString());
        browser.driver.findElement(By.cssSelector("label[for=etat-privee]")).click();
        browser.driver.findElement(By.xpath("//button[text()='Soumettre la demande']")).click();

        browser.waitForPath("/demandes.html");
        WebElement title = browser.visible(By.id("titre-liste"));
        browser.waitFor(d -> title.getText().contains("(1 - 1 / 1)"));
        assertEquals("Liste de mes dernières demandes (1 - 1 / 1)", title.getText());
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("dd-MM-yy"));
        String line = browser.visible(By.cssSelector("#liste li")).getText().replace('\n', ' ');
        assertTrue(line.matches("[0-9]{7} perte d'identifiant.*"), line);
        String number = line.substring(0, 7);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve("liste-des-demandes.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        assertTrue(line.contains("EVE \u2013 4.2 \u2013 Mathenpoche - " + today
                + " - Collège Jean Moulin (0941295X) par Montanes Marc"), line);

        signIn("agent1");
        browser.open("/file.html");
        browser.visible(By.xpath("//ul[@id='liste']//a[contains(., '" + number + "')]")).click();
        browser.waitForPath("/suivi.html");
        browser.visible(By.linkText("capture.pdf"));
        browser.visible(By.id("reponse")).sendKeys("Bonjour, votre identifiant Mathenpoche vous a été renvoyé.");
        answerAndConfirm();
        browser.waitFor(d -> d.findElement(By.id("message-succes")).getText()
                .contains("Votre réponse a été envoyée à Marc Montanes."));

        MimeMessage mail = awaitMail("marc.montanes@ac-creteil.fr", "Réponse");
        assertTrue(mail.getSubject().contains("[Guichet " + number + "]"), mail.getSubject());
    }

    @Test
    void staff_redirect_and_resolve_a_request_and_the_teacher_reopens_it() {
        signIn("jdupont");
        String number = fileThroughThePage();

        signIn("agent1");
        browser.open("/suivi.html?numero=" + number);
        browser.visible(By.id("note")).sendKeys("Note pour le spécialiste : salle 12, HP LaserJet.");
        browser.driver.findElement(By.xpath("//button[text()='Ajouter une note interne']")).click();
        awaitSuccess();
        new Select(browser.visible(By.id("groupe")))
                .selectByVisibleText("Spécialistes des applications disciplinaires");
        new Select(browser.driver.findElement(By.id("assigne"))).selectByVisibleText("Samir Benali");
        browser.driver.findElement(By.cssSelector("#rediriger button[type=submit]")).click();
        awaitSuccess();
        String facts = browser.driver.findElement(By.cssSelector("dl.fiche")).getText();
        assertTrue(facts.contains("Samir Benali") && facts.contains("Spécialistes des applications disciplinaires"),
                facts);
        assertFalse(facts.contains("specialiste-mep"), facts);

        signIn("specialiste-mep");
        browser.open("/suivi.html?numero=" + number);
        changeStatus("En cours", null);
        changeStatus("Résolue", "Le bac 2 était mal engagé.");

        signIn("jdupont");
        browser.open("/suivi.html?numero=" + number);
        WebElement page = browser.visible(By.id("demande"));
        browser.waitFor(d -> page.getText().contains("Le bac 2 était mal engagé."));
        assertTrue(!page.getText().contains("Note pour le spécialiste"), "internal notes stay hidden");
        browser.visible(By.id("motif")).sendKeys("Le bourrage est revenu ce matin.");
        browser.driver.findElement(By.cssSelector("#rouvrir button[type=submit]")).click();
        awaitSuccess();
        assertTrue(browser.driver.findElement(By.cssSelector("dl.fiche")).getText().contains("En cours"));

        signIn("specialiste-mep");
        browser.waitForPath("/file.html");
        openView("Rouvertes");
        browser.waitFor(d -> d.getCurrentUrl().contains("vue=rouvertes"));
        String line = browser.waitFor(d -> queueLineText(number));
        assertTrue(line.contains("Rouverte") && line.contains("Réponse du demandeur"), line);
        assertTrue(viewCount("Rouvertes") >= 1);
        assertEquals(List.of(), audit("/file.html?vue=rouvertes", "h1"));
    }

    @Test
    void an_agent_answers_with_an_edited_canned_answer_once_confirmed_and_a_note_never_reaches_the_teacher() {
        signIn("jdupont");
        String number = fileThroughThePage();

        signIn("agent1");
        browser.open("/reponses-types.html");
        browser.visible(By.id("titre")).sendKeys("Accusé de réception");
        browser.driver.findElement(By.id("texte")).sendKeys("Bonjour {demandeur}, la demande {numero} est reçue.");
        browser.driver.findElement(By.id("enregistrer")).click();
        awaitSuccess();
        assertTrue(browser.visible(By.id("liste")).getText().contains("Accusé de réception"));
        browser.driver.findElement(By.cssSelector("button[aria-label='Modifier « Accusé de réception »']")).click();
        WebElement title = browser.driver.findElement(By.id("titre"));
        title.clear();
        title.sendKeys("Accusé de réception du ticket");
        browser.driver.findElement(By.id("enregistrer")).click();
        awaitSuccess();
        browser.waitFor(d -> d.findElement(By.id("liste")).getText().contains("Accusé de réception du ticket"));
        assertEquals(List.of(), audit("/reponses-types.html", "h1"));

        browser.open("/suivi.html?numero=" + number);
        Select canned = new Select(browser.visible(By.id("reponse-type")));
        assertTrue(canned.getOptions().stream().anyMatch(o -> o.getText().equals("Accusé de réception du ticket")));
        canned.selectByVisibleText("Préciser le modèle de l'imprimante");
        WebElement answer = browser.driver.findElement(By.id("reponse"));
        browser.waitFor(d -> answer.getDomProperty("value").startsWith("Bonjour Jeanne Dupont,"));
        answer.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " Merci d'indiquer aussi la salle.");
        WebElement note = browser.driver.findElement(By.id("noter"));
        assertTrue(note.getText().contains("Interne — jamais envoyée au demandeur"), note.getText());
        assertEquals("Jeanne Dupont recevra cette réponse par courriel.",
                answerAndConfirm().lines().findFirst().orElseThrow());
        awaitSuccess();
        assertEquals(List.of(), audit("/suivi.html?numero=" + number, "h1"));
        browser.visible(By.id("note")).sendKeys("Imprimante déjà vue en mars, carte réseau à changer.");
        browser.driver.findElement(By.xpath("//button[text()='Ajouter une note interne']")).click();
        awaitSuccess();

        signIn("jdupont");
        browser.open("/suivi.html?numero=" + number);
        WebElement page = browser.visible(By.id("demande"));
        browser.waitFor(d -> page.getText().contains("Merci d'indiquer aussi la salle."));
        assertTrue(page.getText().contains("Pouvez-vous préciser le modèle de l'imprimante"), page.getText());
        assertFalse(page.getText().contains("déjà vue en mars"), "an internal note stays hidden");

        signIn("agent1");
        browser.open("/reponses-types.html");
        browser.visible(By.cssSelector("button[aria-label='Supprimer « Accusé de réception du ticket »']")).click();
        browser.visible(By.xpath("//button[text()='Confirmer la suppression']")).click();
        awaitSuccess();
        assertFalse(browser.visible(By.id("liste")).getText().contains("Accusé de réception du ticket"));
    }

    /** Sends the answer typed in the staff's form and confirms it; returns the confirmation the agent read. */
    private String answerAndConfirm() {
        browser.driver.findElement(By.xpath("//button[text()='Répondre au demandeur']")).click();
        String confirmation = browser.visible(By.id("confirmation-reponse")).getText();
        browser.driver.findElement(By.id("confirmer-reponse")).click();
        return confirmation;
    }

    @Test
    void an_agent_resolves_checked_requests_at_once_and_reads_a_result_per_request() {
        signIn("jdupont");
        String first = fileThroughThePage();
        String second = fileThroughThePage();

        signIn("agent1");
        browser.waitForPath("/file.html");
        for (String number : List.of(first, second)) {
            queueLine(number).findElement(By.cssSelector("input.cocher")).click();
        }
        browser.waitFor(d -> d.findElement(By.id("nombre-cochees")).getText().equals("(2 demandes)"));
        browser.driver.findElement(By.id("appliquer-groupe")).click();
        browser.waitFor(d -> d.findElement(By.id("resultats-groupe")).getText()
                .startsWith("2 demandes sur 2 modifiées."));
        for (String number : List.of(first, second)) {
            queueLine(number).findElement(By.cssSelector("input.cocher")).click();
        }
        new Select(browser.driver.findElement(By.id("action-groupee"))).selectByVisibleText("Changer l'état");
        new Select(browser.visible(By.id("etat-groupe"))).selectByVisibleText("En cours");
        browser.driver.findElement(By.id("appliquer-groupe")).click();
        String results = browser.waitFor(d -> {
            String text = d.findElement(By.id("resultats-groupe")).getText();
            return text.contains(first) ? text : null;
        });
        assertTrue(results.startsWith("2 demandes sur 2 modifiées."), results);
        browser.waitFor(d -> statusOf(queueLine(first)).equals("En cours"));
        assertEquals(List.of(), audit("/file.html", "h1"));
    }

    @Test
    void a_teacher_reads_their_closed_request_on_a_phone_without_stray_words_or_sideways_scrolling() {
        signIn("jdupont");
        String number = fileThroughThePage();
        signIn("agent1");
        browser.open("/suivi.html?numero=" + number);
        changeStatus("En cours", null);
        changeStatus("Résolue", "Le bac 2 était mal engagé.");
        changeStatus("Close", null);

        signIn("jdupont");
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open("/suivi.html?numero=" + number);
            WebElement page = browser.visible(By.id("demande"));
            browser.waitFor(d -> page.getText().contains("Historique"));
            assertFalse(page.getText().contains("null"), page.getText());
            assertTrue(page.findElements(By.id("titre-actions")).isEmpty(), "no action on a closed request");
            Object overflow = browser.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "the request page scrolls sideways on a phone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 1024));
        }
    }

    @Test
    void staff_find_a_request_from_the_teachers_name_typed_without_accents_or_capitals() {
        signIn("jdupont");
        String number = fileThroughThePage();

        signIn("agent1");
        browser.waitForPath("/file.html");
        WebElement search = browser.visible(By.id("filtre-mots"));
        search.sendKeys("jeanne dupont");
        browser.driver.findElement(By.id("filtrer")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("q=jeanne+dupont"));
        String line = browser.waitFor(d -> queueLineText(number));
        assertTrue(line.contains("Dupont Jeanne"), line);
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('#liste li'), li => li.innerText);");
        lines.forEach(text -> assertTrue(text.contains("Dupont Jeanne"), "only Jeanne Dupont's requests: " + text));

        queueLine(number).findElement(By.linkText(number)).click();
        browser.waitForPath("/suivi.html");
        browser.waitFor(d -> d.findElement(By.id("demande")).getText().contains(number));
    }

    @Test
    void staff_go_to_a_request_from_the_number_read_out_on_the_phone() {
        signIn("jdupont");
        String number = fileThroughThePage();

        signIn("agent1");
        WebElement box = browser.visible(By.id("aller-numero"));
        box.sendKeys(number.replaceFirst("^0+", ""));
        box.submit();
        browser.waitForPath("/suivi.html");
        browser.waitFor(d -> d.findElement(By.id("demande")).getText().contains(number));
    }

    @Test
    void a_teacher_adds_a_file_to_their_request_and_an_agent_answers_with_a_procedure_pdf() throws Exception {
        Path video = data.resolve("video.pdf");
        try (RandomAccessFile eleven = new RandomAccessFile(video.toFile(), "rw")) {
            eleven.setLength(11L * 1024 * 1024);
        }
        Path capture = data.resolve("capture-ecran.pdf");
        Files.writeString(capture, "%PDF-1.4\n% capture de l'erreur\n%%EOF\n", StandardCharsets.ISO_8859_1);
        Path procedure = data.resolve("procedure-connexion.pdf");
        Files.writeString(procedure, "%PDF-1.4\n% procédure de connexion\n%%EOF\n", StandardCharsets.ISO_8859_1);
        signIn("jdupont");
        String number = fileThroughThePage();

        browser.open("/suivi.html?numero=" + number);
        browser.visible(By.id("complement")).sendKeys("Voici la vidéo du bourrage.");
        browser.driver.findElement(By.id("fichiers-complement")).sendKeys(video.toString());
        browser.driver.findElement(By.cssSelector("#completer > .actions button")).click();
        WebElement refusal = browser.visible(By.id("erreur-fichiers-complement"));
        browser.waitFor(d -> !refusal.getText().isBlank());
        assertEquals("Le fichier « video.pdf » dépasse 10 Mio, la taille maximale d'un fichier.", refusal.getText());
        assertEquals("true", browser.driver.findElement(By.id("fichiers-complement")).getAttribute("aria-invalid"));
        assertTrue(browser.driver.findElements(By.cssSelector(".fil li")).isEmpty(), "nothing was sent");

        browser.open("/suivi.html?numero=" + number);
        browser.visible(By.id("complement")).sendKeys("Voici la capture de l'erreur.");
        browser.driver.findElement(By.id("fichiers-complement")).sendKeys(capture.toString());
        browser.driver.findElement(By.cssSelector("#completer > .actions button")).click();
        awaitSuccess();
        browser.visible(By.xpath("//ul[@class='fil']//li[contains(., 'Voici la capture')]"
                + "//a[text()='capture-ecran.pdf']"));

        signIn("agent1");
        browser.open("/suivi.html?numero=" + number);
        browser.visible(By.linkText("capture-ecran.pdf"));
        browser.visible(By.id("reponse")).sendKeys("Suivez la procédure jointe, page 2.");
        browser.driver.findElement(By.id("fichiers-reponse")).sendKeys(procedure.toString());
        browser.driver.findElement(By.cssSelector("#repondre > .actions button")).click();
        browser.visible(By.id("confirmer-reponse")).click();
        awaitSuccess();
        assertEquals(List.of(), audit("/suivi.html?numero=" + number, "h1"));

        signIn("jdupont");
        browser.open("/suivi.html?numero=" + number);
        WebElement link = browser.visible(By.xpath("//ul[@class='fil']//li[contains(., 'Suivez la procédure')]"
                + "//a[text()='procedure-connexion.pdf']"));
        assertTrue(link.findElement(By.xpath("..")).getText().matches("procedure-connexion\\.pdf \\([0-9]+ Kio\\)"),
                link.findElement(By.xpath("..")).getText());
        Object download = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then((r) => done(r.status + ' ' + r.headers.get('Content-Type')),"
                + " (e) => done(String(e)));",
                link.getAttribute("href"));
        assertEquals("200 application/pdf", download);
        MimeMessage mail = awaitMail("jeanne.dupont@ac-creteil.fr", "Réponse");
        assertTrue(mail.isMimeType("multipart/alternative"), "the file is a link, not an attachment");
        String text = String.valueOf(((Multipart) mail.getContent()).getBodyPart(0).getContent());
        assertTrue(text.contains("- procedure-connexion.pdf (1 Kio)"), text);
        assertTrue(text.contains("/demandes/" + number), text);
    }

    private void changeStatus(String label, String comment) {
        new Select(browser.visible(By.id("nouvel-etat"))).selectByVisibleText(label);
        if (comment != null) {
            browser.driver.findElement(By.id("commentaire-etat")).sendKeys(comment);
        }
        browser.driver.findElement(By.cssSelector("#changer-etat button[type=submit]")).click();
        awaitSuccess();
    }

    /** Waits for the page's success message or an error, the page's own or that of one of its forms. */
    private void awaitSuccess() {
        browser.waitFor(d -> !d.findElement(By.id("message-succes")).getText().isBlank() || !errors().isBlank());
        assertEquals("", errors());
    }

    private String errors() {
        return browser.driver.findElements(By.cssSelector(".alerte.erreur")).stream().map(WebElement::getText)
                .collect(Collectors.joining());
    }

    @Test
    void a_teacher_files_a_request_with_the_keyboard_alone() {
        signIn("jdupont");
        browser.open("/demandes.html");
        tabTo("Faire une demande");
        press(Keys.ENTER);
        browser.waitForPath("/demande-sujet.html");
        browser.visible(By.xpath("//option[text()='MES \u2013 1 \u2013 Messagerie académique']"));
        tabTo("sujet");
        while (!new Select(browser.driver.findElement(By.id("sujet"))).getFirstSelectedOption().getText()
                .startsWith("MES")) {
            press(Keys.ARROW_DOWN);
        }
        tabTo("valider-choix");
        press(Keys.ENTER);
        browser.waitForPath("/demande.html");
        browser.visible(By.xpath("//option[text()='MES \u2013 1.1 \u2013 Webmail']"));
        tabTo("precision");
        press(Keys.ARROW_DOWN);
        tabTo("type");
        press(Keys.ARROW_DOWN);
        tabTo("resume");
        type("Webmail inaccessible");
        tabTo("description");
        type("Page blanche depuis ce matin.");
        tabTo("soumettre");
        press(Keys.ENTER);
        browser.waitForPath("/demandes.html");
        browser.waitFor(d -> d.findElement(By.id("liste")).getText().contains("Webmail inaccessible"));
    }

    @Test
    void errors_are_shown_next_to_their_fields_and_announced() {
        signIn("jdupont");
        browser.open("/demande.html?sujet=EVE-4");
        browser.visible(By.xpath("//option[text()='EVE \u2013 4.2 \u2013 Mathenpoche']"));
        browser.driver.findElement(By.id("soumettre")).click();
        WebElement summary = browser.visible(By.id("resume-erreurs"));
        assertEquals("alert", summary.getAttribute("role"));
        assertEquals("true", browser.driver.findElement(By.id("resume")).getAttribute("aria-invalid"));
        assertEquals("Le résumé est obligatoire.", browser.driver.findElement(By.id("erreur-summary")).getText());
        assertEquals("erreur-summary", browser.driver.findElement(By.id("resume")).getAttribute("aria-describedby"));
    }

    @Test
    void no_page_has_a_serious_or_critical_accessibility_violation() {
        List<String> problems = new ArrayList<>();
        browser.forget();
        for (String page : List.of("/", "/connexion.html")) {
            problems.addAll(audit(page, "h1"));
        }
        signIn("jdupont");
        String number = fileThroughThePage();
        for (String page : List.of("/demandes.html", "/demande-sujet.html", "/demande.html?sujet=EVE-4",
                "/suivi.html?numero=" + number)) {
            problems.addAll(audit(page, "h1"));
        }
        signIn("agent1");
        for (String page : List.of("/file.html", "/suivi.html?numero=" + number)) {
            problems.addAll(audit(page, "h1"));
        }
        assertEquals(List.of(), problems);
    }

    private String fileThroughThePage() {
        browser.open("/demande.html?sujet=RES-5");
        browser.visible(By.xpath("//option[text()='RES \u2013 5.3 \u2013 Imprimantes']"));
        new Select(browser.driver.findElement(By.id("precision"))).selectByVisibleText("RES \u2013 5.3 \u2013 Imprimantes");
        new Select(browser.driver.findElement(By.id("type"))).selectByVisibleText("incident, panne");
        browser.driver.findElement(By.id("resume")).sendKeys("Imprimante de la salle 12");
        browser.driver.findElement(By.id("description")).sendKeys("Bourrage papier permanent.");
        browser.driver.findElement(By.id("soumettre")).click();
        browser.waitForPath("deposee=");
        return browser.driver.getCurrentUrl().replaceAll(".*deposee=", "");
    }

    private List<String> audit(String page, String readyElement) {
        browser.open(page);
        browser.visible(By.tagName(readyElement));
        browser.waitFor(d -> !d.findElement(By.id("bandeau")).getText().isBlank());
        return browser.seriousViolations(page);
    }

    private void tabTo(String idOrText) {
        for (int i = 0; i < 60; i++) {
            String active = browser.activeId();
            if (active != null && active.strip().equals(idOrText)) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reaches " + idOrText);
    }

    private void press(CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    private void type(String text) {
        new Actions(browser.driver).sendKeys(text).perform();
    }

    private static MimeMessage awaitMail(String recipient, String subjectWord) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            Optional<MimeMessage> found = mails().filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().contains(recipient)
                            && m.getSubject().contains(subjectWord);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no mail \"" + subjectWord + "\" for " + recipient + " in " + data.resolve("mail"));
    }

    private static Stream<MimeMessage> mails() throws Exception {
        Path folder = data.resolve("mail");
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        List<MimeMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    messages.add(new MimeMessage(null, in));
                }
            }
        }
        return messages.stream();
    }
}
