package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server configured for replies by mail ({@code GUICHET_REPLY_TOKEN_KEY}, {@code GUICHET_IMAP_*}) on a
 * GreenMail SMTP and IMAP server: a teacher answers the acknowledgement of their filing from a mail client, and the
 * answer shows on their request, without its quoted part.
 */
class MailRepliesServerTest {

    private static final String PASSWORD = "mot-de-passe-demo";
    private static final String TEACHER_MAIL = "marc.montanes@ac-creteil.fr";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final GreenMail mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(ServerNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(ServerNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    private final HttpClient http = HttpClient.newHttpClient();
    private GuichetServer server;
    private String base;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        mail.stop();
    }

    private HttpResponse<String> call(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Optional<MimeMessage> acknowledgementOf(String number) throws Exception {
        for (MimeMessage m : mail.getReceivedMessages()) {
            InternetAddress to = (InternetAddress) m.getRecipients(Message.RecipientType.TO)[0];
            if (to.getAddress().equals(TEACHER_MAIL) && m.getSubject().contains(number)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Test
    void a_reply_to_the_acknowledgement_is_read_from_the_mailbox_and_shown_on_the_request() throws Exception {
        mail.start();
        mail.setUser("guichet@ac-creteil.fr", "guichet", "secret");
        int port = ServerNode.freePort();
        base = "http://localhost:" + port;
        server = GuichetServer.start(ServerSettings.fromEnvironment(Map.ofEntries(
                Map.entry("GUICHET_PORT", Integer.toString(port)), Map.entry("GUICHET_DATA_DIR", data.toString()),
                Map.entry("GUICHET_DEMO_PASSWORD", PASSWORD), Map.entry("GUICHET_BASE_URL", base),
                Map.entry("GUICHET_SMTP_HOST", "127.0.0.1"),
                Map.entry("GUICHET_SMTP_PORT", Integer.toString(mail.getSmtp().getPort())),
                Map.entry("GUICHET_MAIL_FROM", "guichet@ac-creteil.fr"),
                Map.entry("GUICHET_REPLY_TOKEN_KEY", "la clé du serveur d'exemple"),
                Map.entry("GUICHET_IMAP_URL", "imap://127.0.0.1:" + mail.getImap().getPort()),
                Map.entry("GUICHET_IMAP_USER", "guichet"), Map.entry("GUICHET_IMAP_PASSWORD", "secret"),
                Map.entry("GUICHET_IMAP_POLL_SECONDS", "1"))), true);

        HttpResponse<String> session = call(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identifier\":\"mmontanes\",\"password\":\"" + PASSWORD + "\",\"remember\":false}")));
        assertEquals(200, session.statusCode(), session.body());
        String token = session.headers().firstValue("Set-Cookie").orElseThrow()
                .replaceAll("^GUICHET_SESSION=([^;]+);.*$", "$1");
        HttpResponse<String> filed = call(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"EVE-4.2\",\"type\":\"USAGE\","
                        + "\"summary\":\"vidéoprojecteur en panne\",\"description\":\"Il ne s'allume plus.\","
                        + "\"visibility\":\"PRIVATE\"}")));
        assertEquals(201, filed.statusCode(), filed.body());
        String number = JSON.readTree(filed.body()).path("number").asText();

        Instant giveUp = Instant.now().plus(PATIENCE);
        Optional<MimeMessage> acknowledgement = acknowledgementOf(number);
        while (acknowledgement.isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            acknowledgement = acknowledgementOf(number);
        }
        MimeMessage received = acknowledgement.orElseThrow();
        InternetAddress replyTo = (InternetAddress) received.getReplyTo()[0];
        assertTrue(replyTo.getAddress().startsWith("guichet+" + number + "-"), replyTo.getAddress());

        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", "127.0.0.1");
        smtp.setProperty("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(smtp));
        reply.setFrom(new InternetAddress(TEACHER_MAIL));
        reply.setRecipient(Message.RecipientType.TO, replyTo);
        reply.setSubject("RE: " + received.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", received.getMessageID());
        reply.setText("Il s'allume de nouveau, merci.\n\nLe 01/09/2026 à 10:12, Guichet a écrit :\n> Bonjour",
                "UTF-8");
        Transport.send(reply, new InternetAddress[] {new InternetAddress("guichet@ac-creteil.fr")});

        String shown = "";
        while (!shown.contains("Il s'allume de nouveau, merci.") && Instant.now().isBefore(giveUp.plus(PATIENCE))) {
            Thread.sleep(200);
            shown = call(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests/" + number))
                    .header("Authorization", "Bearer " + token).GET()).body();
        }
        assertTrue(shown.contains("Il s'allume de nouveau, merci."), shown);
        assertFalse(shown.contains("a écrit"), shown);
    }
}
