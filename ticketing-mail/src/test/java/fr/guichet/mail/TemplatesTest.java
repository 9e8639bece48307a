package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.PersonForm;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates: present for every key and language, fed by what the core really queues, overridable. */
class TemplatesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    @TempDir
    Path folder;

    @Test
    void every_key_has_its_three_templates_in_french_and_in_english() {
        for (String language : List.of("fr", "en")) {
            for (TemplateKey key : TemplateKey.values()) {
                for (String part : List.of("subject", "txt", "html")) {
                    String text = resource(language, key, part);
                    assertFalse(text.isBlank(), language + " " + key + " " + part);
                }
                String prefix = key.aboutNoRequest() ? "[Guichet] " : "[Guichet ${number}] ";
                assertTrue(resource(language, key, "subject").startsWith(prefix), key.name());
                assertTrue(resource(language, key, "html").contains("<html lang=\"" + language + "\">"), key.name());
            }
        }
    }

    @Test
    void the_notifications_the_core_queues_carry_every_value_their_templates_use() {
        TestWorld world = new TestWorld();
        Person requester = Fixtures.montanes();
        Person agent = Fixtures.agent();
        Person specialist = Fixtures.specialist();
        world.people.save(Fixtures.newStaff(Fixtures.PLATEFORME));
        RequestNumber number = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null)
                .details().request().summaryLine().number();
        world.ticketing.postMessage().post(agent, number, "Avez-vous essayé « mot de passe oublié » ?", false, null);
        world.ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, specialist.id(), "Pour Sam", null);
        world.ticketing.postMessage().post(requester, number, "Toujours bloqué.", false, null);
        world.ticketing.changeStatus().change(specialist, number, Status.IN_PROGRESS, null, null);
        world.ticketing.changeStatus().change(specialist, number, Status.RESOLVED, "Compte réinitialisé.", null);
        world.ticketing.changeStatus().change(requester, number, Status.IN_PROGRESS, "Bloqué de nouveau.", null);
        world.ticketing.requestPasswordReset().request(requester.id().value());
        Person admin = new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
                new PersonName("Ada", "Admin"), null, Set.of(Role.ADMIN), Set.of(), true);
        world.people.save(admin);
        world.people.save(Fixtures.newStaff(Fixtures.EVE));
        world.ticketing.administerPeople().create(admin, new PersonForm("nbernard", "nina.bernard@ac-creteil.fr",
                "Nina", "Bernard", null, List.of(), List.of(), null));
        world.ticketing.administerPeople().update(admin, specialist.id(),
                new PersonForm(null, null, null, null, null, null, null, false), null);
        RequestNumber waiting = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null)
                .details().request().summaryLine().number();
        world.ticketing.changeStatus().change(agent, waiting, Status.IN_PROGRESS, null, null);
        world.ticketing.changeStatus().change(agent, waiting, Status.WAITING_FOR_REQUESTER, "Quel navigateur ?", null);
        world.clock.advance(Duration.ofDays(11));
        world.ticketing.closeIdleRequests().run();
        world.ticketing.chooseNotifications().choose(agent, "DIGEST", "EACH", 8);
        world.ticketing.fileRequest().file(requester, new RequestDraft(Fixtures.PRINTERS, "INCIDENT",
                new Summary("Imprimante"), new Description("Bourrage papier."), null), List.of(), null);
        world.clock.advance(Duration.ofDays(1));
        world.ticketing.sendDigests().run();

        Set<TemplateKey> seen = EnumSet.noneOf(TemplateKey.class);
        for (OutboxEntry entry : world.outbox.all()) {
            Notification n = entry.notification();
            seen.add(n.template());
            Set<String> given = new HashSet<>(n.data().keySet());
            given.addAll(List.of("link", "helpdeskName", "satisfaction"));
            for (String language : List.of("fr", "en")) {
                for (String part : List.of("subject", "txt", "html")) {
                    Set<String> used = placeholders(resource(language, n.template(), part));
                    assertTrue(given.containsAll(used), n.template() + " " + part + " uses " + used + ", gets "
                            + given);
                }
            }
        }
        assertTrue(seen.containsAll(EnumSet.of(TemplateKey.ANSWER_POSTED, TemplateKey.REQUEST_REDIRECTED,
                TemplateKey.REQUEST_ASSIGNED_TO_YOU, TemplateKey.FOLLOW_UP_POSTED, TemplateKey.REQUEST_RESOLVED,
                TemplateKey.NEW_REQUEST_FOR_GROUP, TemplateKey.REQUEST_REOPENED, TemplateKey.PASSWORD_RESET,
                TemplateKey.ACCOUNT_CREATED, TemplateKey.REQUESTS_RETURNED_TO_GROUP,
                TemplateKey.REQUEST_REMINDER, TemplateKey.DIGEST)),
                seen.toString());
    }

    @Test
    void a_template_in_the_configured_folder_wins_over_the_built_in_one() throws IOException {
        Files.createDirectories(folder.resolve("fr"));
        Files.writeString(folder.resolve("fr/answer_posted.subject"),
                "Académie : réponse ${number} – ${summary}\n", StandardCharsets.UTF_8);

        Templates templates = Templates.load(Locale.FRENCH, Optional.of(folder));
        Templates.Rendered mail = templates.render(TemplateKey.ANSWER_POSTED, values(TemplateKey.ANSWER_POSTED));

        assertEquals("Académie : réponse 0022928 – perte d'identifiant « Mathenpoche » été", mail.subject());
        assertTrue(mail.text().startsWith("Bonjour Élise Ñúñez,"), "the other parts stay built in");
    }

    @Test
    void a_language_without_templates_falls_back_to_french() {
        Templates templates = Templates.load(Locale.GERMAN, Optional.empty());

        assertTrue(templates.render(TemplateKey.REQUEST_RECEIVED, values(TemplateKey.REQUEST_RECEIVED)).subject()
                .startsWith("[Guichet 0022928] Demande reçue"));
    }

    @Test
    void a_missing_value_renders_empty_and_never_leaves_a_placeholder() {
        Templates.Rendered mail = Templates.load(Locale.FRENCH, Optional.empty())
                .render(TemplateKey.REQUEST_RESOLVED, Map.of("number", "0000001"));

        assertFalse(mail.subject().contains("${") || mail.text().contains("${") || mail.html().contains("${"));
        assertFalse(mail.text().contains("\n\n\n"), mail.text());
    }

    @Test
    void a_placeholder_a_key_never_gets_is_refused_when_loading() throws IOException {
        Files.createDirectories(folder.resolve("fr"));
        Files.writeString(folder.resolve("fr/request_received.txt"), "Réponse : ${body}");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Templates.load(Locale.FRENCH, Optional.of(folder)));

        assertTrue(e.getMessage().contains("fr/request_received.txt uses an unknown placeholder ${body}"),
                e.getMessage());
    }

    private static Map<String, String> values(TemplateKey key) {
        Map<String, String> values = new HashMap<>(sample(key, Fixtures.newRequester()).data());
        values.put("recipientName", "Élise Ñúñez");
        return values;
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String resource(String language, TemplateKey key, String part) {
        String name = Templates.RESOURCES + language + "/" + key.name().toLowerCase(Locale.ROOT) + "." + part;
        try (InputStream in = TemplatesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
