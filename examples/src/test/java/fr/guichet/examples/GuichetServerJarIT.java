package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged server jar as a newcomer would, on an empty folder, and files a request over HTTP. */
class GuichetServerJarIT {

    @TempDir
    Path folder;

    @Test
    void the_jar_starts_with_demo_data_in_an_empty_folder_and_files_a_request() throws Exception {
        Path jar = Path.of("target", "guichet-server.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the server first: " + jar);
        int port = ServerNode.freePort();
        Path log = folder.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--demo").directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("GUICHET_PORT", Integer.toString(port));
        builder.environment().remove("GUICHET_DEMO_PASSWORD");
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            waitForHealth(http, base, server, log);
            Matcher printed = Pattern.compile("password \\(shown once\\): (\\S+)").matcher(Files.readString(log));
            assertTrue(printed.find(), "the random demo password is printed once: " + Files.readString(log));

            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"mmontanes\",\"password\":\""
                            + printed.group(1) + "\",\"remember\":false}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, signIn.statusCode(), signIn.body());
            String token = signIn.headers().firstValue("Set-Cookie").orElseThrow()
                    .replaceAll("^GUICHET_SESSION=([^;]+);.*$", "$1");

            HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"EVE-4.2\",\"type\":\"USAGE\","
                            + "\"summary\":\"perte d'identifiant\",\"description\":\"Je ne me souviens plus de mon "
                            + "mot de passe\",\"visibility\":\"PRIVATE\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, filed.statusCode(), filed.body());
            assertEquals("/api/v1/requests/0000001", filed.headers().firstValue("Location").orElseThrow());
            assertTrue(Files.isDirectory(folder.resolve("guichet-data")), "data under ./guichet-data/");

            for (String path : List.of("/api/v1/inconnu", "/api/v2/requests", "/api")) {
                HttpResponse<String> miss = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, miss.statusCode(), path);
                assertEquals("application/problem+json", miss.headers().firstValue("Content-Type").orElseThrow()
                        .replaceAll(";.*", ""), path);
            }
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/catalogue.html"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, page.statusCode());
            assertEquals("text/html", page.headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", ""));
            assertTrue(page.body().contains("<h1>Page introuvable</h1>"), page.body());
            assertFalse(page.body().contains("Endpoint") || page.body().contains("not found"), page.body());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void waitForHealth(HttpClient http, String base, Process server, Path log) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(giveUp)) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("no answer on /health: " + Files.readString(log));
    }
}
