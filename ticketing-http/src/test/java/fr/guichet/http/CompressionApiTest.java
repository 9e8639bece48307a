package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** JSON answers are streamed, and gzipped from 1 KiB on for a client that accepts gzip, and only for it. */
class CompressionApiTest {

    private final TestServer server = TestServer.shared();

    @Test
    void a_list_of_a_kilobyte_or_more_is_gzipped_for_a_client_that_accepts_it_and_reads_the_same() throws Exception {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        for (int i = 0; i < 6; i++) {
            assertEquals(201, teacher.post("/api/v1/requests", Api.filing()).status());
        }

        HttpResponse<byte[]> plain = get(teacher, "/api/v1/requests?scope=mine", null);
        HttpResponse<byte[]> gzipped = get(teacher, "/api/v1/requests?scope=mine", "gzip, deflate");

        assertEquals(Optional.empty(), plain.headers().firstValue("Content-Encoding"));
        assertTrue(plain.body().length >= 1024, () -> plain.body().length + " bytes");
        assertEquals(Optional.of("gzip"), gzipped.headers().firstValue("Content-Encoding"));
        assertTrue(gzipped.body().length < plain.body().length);
        JsonNode read = Api.JSON.readTree(gunzip(gzipped.body()));
        assertEquals(Api.JSON.readTree(plain.body()), read);
        assertEquals(6, read.get("items").size());
    }

    @Test
    void a_small_answer_is_sent_as_it_is() throws Exception {
        String id = server.newRequester().id().value();
        Api teacher = Api.signIn(server.base, id);

        HttpResponse<byte[]> me = get(teacher, "/api/v1/me", "gzip");

        assertEquals(200, me.statusCode());
        assertEquals(Optional.empty(), me.headers().firstValue("Content-Encoding"));
        assertTrue(me.body().length < 1024, () -> me.body().length + " bytes");
        assertTrue(new String(me.body(), java.nio.charset.StandardCharsets.UTF_8).contains(id));
    }

    private static HttpResponse<byte[]> get(Api api, String path, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.base.resolve(path))
                .header("Authorization", "Bearer " + api.token);
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return Api.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
