package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Files on messages (API 1.1 "Conversation"): a multipart message, its files, their limits and who sees them. */
class MessageFilesApiTest {

    private final TestServer server = TestServer.shared();
    private final Api teacher = Api.signIn(server.base, server.newRequester().id().value());
    private final Api agent = Api.signIn(server.base, server.newStaff().id().value());

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private String file(Multiparts body) {
        Api.Reply filed = teacher.post("/api/v1/requests", body.build(), body.contentType());
        assertEquals(201, filed.status(), filed.body());
        return filed.json().get("number").asText();
    }

    private String file() {
        return file(new Multiparts().request(Api.filing()));
    }

    private static String message(String body, boolean internal) {
        return Api.object("body", body, "internal", internal);
    }

    private Api.Reply post(Api who, String number, Multiparts body, String... headers) {
        return who.post("/api/v1/requests/" + number + "/messages", body.build(), body.contentType(), headers);
    }

    private static String download(String number, JsonNode attachment) {
        return "/api/v1/requests/" + number + "/attachments/" + attachment.get("id").asText();
    }

    private int messages(Api who, String number) {
        return who.get("/api/v1/requests/" + number).json().get("messages").size();
    }

    @Test
    void a_requester_adds_a_file_to_their_request_and_staff_download_it() {
        String number = file();
        byte[] capture = pdf(5_000);
        Multiparts body = new Multiparts().json("message", message("Voici la capture d'écran.", false))
                .file("capture écran.pdf", "application/pdf", capture);

        Api.Reply posted = post(teacher, number, body);

        assertEquals(201, posted.status(), posted.body());
        assertTrue(posted.header("ETag").matches("\"[0-9]+\""), posted.header("ETag"));
        JsonNode attachment = posted.json().get("attachments").get(0);
        assertEquals("capture écran.pdf", attachment.get("name").asText());
        assertEquals("application/pdf", attachment.get("mediaType").asText());
        assertEquals(capture.length, attachment.get("size").asLong());
        JsonNode shown = agent.get("/api/v1/requests/" + number).json().get("messages").get(0);
        assertEquals(attachment, shown.get("attachments").get(0));
        Api.Reply downloaded = agent.get(download(number, attachment));
        assertEquals(200, downloaded.status());
        assertEquals(capture.length, downloaded.bytes().length);
        assertEquals(0, agent.get("/api/v1/requests/" + number).json().get("attachments").size(),
                "the request's own files are those filed with it");
    }

    @Test
    void an_answer_without_files_has_an_empty_list_of_them() {
        String number = file();
        Api.Reply posted = agent.post("/api/v1/requests/" + number + "/messages", message("Réessayez.", false));
        assertEquals(201, posted.status(), posted.body());
        assertEquals(0, posted.json().get("attachments").size());
    }

    @Test
    void the_file_of_an_internal_note_is_not_found_for_the_requester() {
        String number = file();
        Multiparts note = new Multiparts().json("message", message("Journal du serveur", true))
                .file("journal.txt", "text/plain", "erreur 500\n".getBytes(StandardCharsets.UTF_8));
        JsonNode attachment = post(agent, number, note).json().get("attachments").get(0);

        assertEquals(200, agent.get(download(number, attachment)).status());
        assertEquals("not-found", AttachmentApiTest.kind(teacher.get(download(number, attachment)).problem(404)));
        assertEquals(0, messages(teacher, number));
    }

    @Test
    void a_file_over_the_file_limit_is_refused_on_the_file_field_naming_that_limit() {
        String number = file();
        Multiparts body = new Multiparts().json("message", message("Une vidéo", false))
                .file("video.pdf", "application/pdf", pdf(1024 * 1024 + 1));

        JsonNode problem = post(teacher, number, body).problem(413);

        assertEquals("Le fichier « video.pdf » dépasse 1 Mio, la taille maximale d'un fichier.",
                problem.get("errors").get("file").asText());
        assertEquals("attachment.too_large", problem.get("code").asText());
        assertEquals(0, messages(teacher, number));
    }

    @Test
    void the_request_total_counts_the_files_it_already_has_and_a_refusal_stores_nothing_of_the_message() {
        String number = file(new Multiparts().request(Api.filing()).file("a.pdf", "application/pdf", pdf(900 * 1024))
                .file("b.pdf", "application/pdf", pdf(900 * 1024)));
        Multiparts body = new Multiparts().json("message", message("Une troisième", false))
                .file("c.pdf", "application/pdf", pdf(300 * 1024));

        JsonNode problem = post(agent, number, body).problem(413);

        assertEquals("Les fichiers d'une demande ne peuvent pas dépasser 2 Mio en tout ; ceux déjà joints font "
                + "1,8 Mio.", problem.get("errors").get("file").asText());
        assertEquals("attachment.total_too_large", problem.get("code").asText());
        assertEquals(0, messages(agent, number));
    }

    @Test
    void a_file_whose_content_is_refused_stores_nothing_of_the_message() {
        String number = file();
        Multiparts body = new Multiparts().json("message", message("Le rapport", false))
                .file("ok.pdf", "application/pdf", pdf(100))
                .file("rapport.pdf", "application/pdf", "<html><script>alert(1)</script></html>"
                        .getBytes(StandardCharsets.UTF_8));

        JsonNode problem = post(agent, number, body).problem(415);

        assertTrue(problem.get("errors").get("file").asText().contains("rapport.pdf"), problem.toString());
        assertEquals(0, messages(agent, number));
    }

    @Test
    void a_multipart_message_needs_its_message_part_and_nothing_but_files_beside_it() {
        String number = file();
        Multiparts noMessage = new Multiparts().file("a.pdf", "application/pdf", pdf(100));
        assertTrue(post(teacher, number, noMessage).problem(400).get("errors").has("message"));
        Multiparts unknown = new Multiparts().json("message", message("Bonjour", false))
                .json("request", Api.filing());
        assertTrue(post(teacher, number, unknown).problem(400).get("errors").has("multipart"));
        Multiparts internal = new Multiparts().json("message", message("Note", true));
        assertEquals(403, post(teacher, number, internal).status());
        assertEquals(0, messages(teacher, number));
    }

    @Test
    void a_stale_if_match_refuses_a_multipart_message() {
        String number = file();
        Multiparts body = new Multiparts().json("message", message("Réponse", false))
                .file("a.pdf", "application/pdf", pdf(100));
        post(agent, number, body, "If-Match", "\"7\"").problem(412);
        Multiparts fresh = new Multiparts().json("message", message("Réponse", false))
                .file("a.pdf", "application/pdf", pdf(100));
        assertEquals(201, post(agent, number, fresh, "If-Match", "\"1\"").status());
    }
}
