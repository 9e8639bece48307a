package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttachmentApiTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    private final TestServer server = TestServer.shared();

    private Api requester() {
        return Api.signIn(server.base, server.newRequester().id().value());
    }

    @Test
    void an_attachment_is_downloaded_with_its_type_an_attachment_disposition_and_nosniff() {
        Api me = requester();
        Multiparts body = new Multiparts().request(Api.filing()).file("compte rendu élève.pdf", "text/html", PDF);
        Api.Reply filed = me.post("/api/v1/requests", body.build(), body.contentType());
        assertEquals(201, filed.status(), filed.body());
        JsonNode attachment = filed.json().get("attachments").get(0);
        assertEquals("compte rendu élève.pdf", attachment.get("name").asText());
        assertEquals("application/pdf", attachment.get("mediaType").asText());
        assertEquals(PDF.length, attachment.get("size").asLong());

        Api.Reply download = me.get("/api/v1/requests/" + filed.json().get("number").asText() + "/attachments/"
                + attachment.get("id").asText());
        assertEquals(200, download.status());
        assertEquals("application/pdf", download.header("Content-Type"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertEquals("attachment; filename=\"compte rendu eleve.pdf\"; "
                + "filename*=UTF-8''compte%20rendu%20%C3%A9l%C3%A8ve.pdf", download.header("Content-Disposition"));
        assertEquals("no-store", download.header("Cache-Control"));
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body());
    }

    @Test
    void another_requesters_attachment_is_not_found() {
        Api owner = requester();
        Multiparts body = new Multiparts().request(Api.filing()).file("a.pdf", "application/pdf", PDF);
        JsonNode filed = owner.post("/api/v1/requests", body.build(), body.contentType()).json();
        String path = "/api/v1/requests/" + filed.get("number").asText() + "/attachments/"
                + filed.get("attachments").get(0).get("id").asText();

        assertEquals("not-found", kind(requester().get(path).problem(404)));
        assertEquals("not-found", kind(owner.get("/api/v1/requests/" + filed.get("number").asText()
                + "/attachments/" + UUID.randomUUID()).problem(404)));
        assertEquals("not-found", kind(owner.get("/api/v1/requests/" + filed.get("number").asText()
                + "/attachments/..%2F..%2Fetc%2Fpasswd").problem(404)));
    }

    @Test
    void a_file_whose_content_is_html_is_refused_whatever_its_name() {
        Api me = requester();
        Multiparts body = new Multiparts().request(Api.filing()).file("rapport.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = me.post("/api/v1/requests", body.build(), body.contentType()).problem(415);
        assertTrue(problem.get("detail").asText().contains("rapport.pdf"));
    }

    @Test
    void file_names_lose_their_path_and_markup() {
        Api me = requester();
        Multiparts body = new Multiparts().request(Api.filing())
                .file("../../etc/<script>alert('x')</script>passwd.txt", "text/plain",
                        "bonjour".getBytes(StandardCharsets.UTF_8))
                .file("..\\..\\windows\\system.ini", "text/plain", "bonjour".getBytes(StandardCharsets.UTF_8));
        Api.Reply filed = me.post("/api/v1/requests", body.build(), body.contentType());
        assertEquals(201, filed.status(), filed.body());
        JsonNode attachments = filed.json().get("attachments");
        for (JsonNode a : attachments) {
            String name = a.get("name").asText();
            assertFalse(name.contains("/") || name.contains("\\") || name.contains("<") || name.contains(">")
                    || name.startsWith("."), name);
            Api.Reply download = me.get("/api/v1/requests/" + filed.json().get("number").asText()
                    + "/attachments/" + a.get("id").asText());
            assertEquals(200, download.status());
            String disposition = download.header("Content-Disposition");
            assertTrue(disposition.startsWith("attachment; filename=\""), disposition);
            assertFalse(disposition.contains("/") || disposition.contains("<"), disposition);
        }
        assertEquals("system.ini", attachments.get(1).get("name").asText());
    }

    @Test
    void a_text_file_named_html_is_stored_and_downloaded_under_a_text_name() {
        Api me = requester();
        Multiparts body = new Multiparts().request(Api.filing()).file("consignes.html", "text/html",
                "Apporter une clé USB.".getBytes(StandardCharsets.UTF_8));
        Api.Reply filed = me.post("/api/v1/requests", body.build(), body.contentType());
        assertEquals(201, filed.status(), filed.body());
        JsonNode attachment = filed.json().get("attachments").get(0);
        assertEquals("consignes.txt", attachment.get("name").asText());
        assertEquals("text/plain", attachment.get("mediaType").asText());
        Api.Reply download = me.get("/api/v1/requests/" + filed.json().get("number").asText() + "/attachments/"
                + attachment.get("id").asText());
        assertTrue(download.header("Content-Disposition").contains("filename=\"consignes.txt\""),
                download.header("Content-Disposition"));
    }

    @Test
    void a_multipart_filing_without_its_request_part_or_with_an_unknown_part_is_refused() {
        Api me = requester();
        Multiparts noRequest = new Multiparts().file("a.pdf", "application/pdf", PDF);
        assertTrue(me.post("/api/v1/requests", noRequest.build(), noRequest.contentType()).problem(400)
                .get("errors").has("request"));
        Multiparts unknown = new Multiparts().request(Api.filing()).part("status", "x.txt", "text/plain",
                "CLOSED".getBytes(StandardCharsets.UTF_8));
        assertTrue(me.post("/api/v1/requests", unknown.build(), unknown.contentType()).problem(400)
                .get("errors").has("multipart"));
        Multiparts serverOwned = new Multiparts().request(Api.filing("number", "0000001"));
        assertTrue(me.post("/api/v1/requests", serverOwned.build(), serverOwned.contentType()).problem(400)
                .get("errors").has("number"));
    }

    @Test
    void a_file_over_the_per_file_limit_is_too_large() {
        Api me = requester();
        Multiparts body = new Multiparts().request(Api.filing());
        Api.Reply reply = me.send(me.request("/api/v1/requests").header("Content-Type", body.contentType())
                .POST(body.withGeneratedFile("gros.pdf", new Multiparts.Generated(1024 * 1024 + 1), true)));
        reply.problem(413);
    }

    @Test
    void a_body_declared_over_the_limit_is_refused_before_any_of_it_is_sent() throws IOException {
        Api me = requester();
        try (Socket socket = new Socket(server.base.getHost(), server.base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/requests HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + me.token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + 100L * 1024 * 1024 + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 413 Payload Too Large", in.readLine());
        }
    }

    @Test
    void a_hundred_megabyte_chunked_upload_is_refused_without_being_read_whole() {
        Api me = requester();
        Multiparts body = new Multiparts().request(Api.filing());
        Multiparts.Generated file = new Multiparts.Generated(HUNDRED_MB);
        assertRefusedEarly(me, me.request("/api/v1/requests").header("Content-Type", body.contentType())
                .POST(body.withGeneratedFile("enorme.pdf", file, false)), file);
    }

    @Test
    void a_hundred_megabyte_json_body_is_refused_without_being_read_whole() {
        Api me = requester();
        Multiparts.Generated json = new Multiparts.Generated(HUNDRED_MB);
        assertRefusedEarly(me, me.request("/api/v1/requests").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> json)), json);
    }

    /**
     * The server answers 413, or (an HTTP/1.1 race: it closes the connection once it has answered, while the client
     * is still writing) the client sees the connection closed; either way it stopped well before the end of the body
     * and still serves. The heap of the test JVM (256 MB, see the pom) leaves no room for buffering 100 MB twice.
     */
    private static void assertRefusedEarly(Api me, HttpRequest.Builder request, Multiparts.Generated body) {
        try {
            me.send(request).problem(413);
        } catch (UncheckedIOException closedWhileSending) {
            assertTrue(body.position() < HUNDRED_MB, "the whole body was sent before the refusal");
        }
        assertEquals(200, me.get("/api/v1/me").status());
    }

    static String kind(JsonNode problem) {
        return problem.get("type").asText().replace("urn:guichet:problem:", "");
    }
}
