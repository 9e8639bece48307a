package fr.guichet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test client of the API over {@link HttpClient}: anonymous, or signed in with the session cookie (and its CSRF
 * token on state-changing calls) or with a Bearer token. Cookies are sent by hand so that each test controls them.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final URI base;
    final String token;
    final String csrf;
    final boolean bearer;
    final JsonNode session;

    private Api(URI base, String token, String csrf, boolean bearer, JsonNode session) {
        this.base = base;
        this.token = token;
        this.csrf = csrf;
        this.bearer = bearer;
        this.session = session;
    }

    static Api anonymous(URI base) {
        return new Api(base, null, null, false, null);
    }

    /** Signs in and keeps the cookie and CSRF token; fails the test unless the answer is 200. */
    static Api signIn(URI base, String identifier) {
        Reply reply = anonymous(base).post("/api/v1/session", signInBody(identifier, TestServer.PASSWORD, false));
        if (reply.status() != 200) {
            throw new AssertionError("sign-in of " + identifier + " gave " + reply.status() + " " + reply.body());
        }
        return new Api(base, reply.cookieValue(Sessions.COOKIE), reply.json().get("csrfToken").asText(), false,
                reply.json());
    }

    static String signInBody(String identifier, String password, boolean remember) {
        ObjectNode body = JSON.createObjectNode();
        body.put("identifier", identifier);
        body.put("password", password);
        body.put("remember", remember);
        return body.toString();
    }

    Api asBearer() {
        return new Api(base, token, null, true, session);
    }

    Api withoutCsrf() {
        return new Api(base, token, null, bearer, session);
    }

    Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    Reply post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Files, as this client, a request about printers: its subject's requests wait NEW in the platform's queue. */
    JsonNode fileInTheQueue() {
        Reply reply = post("/api/v1/requests", filing("subject", "RES-5.3", "summary", "Imprimante de la salle 12"));
        if (reply.status() != 201) {
            throw new AssertionError("filing refused: " + reply.body());
        }
        return reply.json();
    }

    Reply put(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply patch(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply post(String path, HttpRequest.BodyPublisher body, String contentType, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType).POST(body));
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            if (bearer) {
                b.header("Authorization", "Bearer " + token);
            } else {
                b.header("Cookie", Sessions.COOKIE + "=" + token);
            }
        }
        if (csrf != null && !bearer) {
            b.header(Sessions.CSRF_HEADER, csrf);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A filing body as JSON, with the seed's values unless overridden by pairs of field and value. */
    static String filing(Object... overrides) {
        ObjectNode body = JSON.createObjectNode();
        body.put("subject", "EVE-4.2");
        body.put("type", "USAGE");
        body.put("summary", "perte d'identifiant");
        body.put("description", "Je ne me souviens plus de mon mot de passe");
        body.put("visibility", "PRIVATE");
        for (int i = 0; i < overrides.length; i += 2) {
            body.set((String) overrides[i], JSON.valueToTree(overrides[i + 1]));
        }
        return body.toString();
    }

    static String object(Object... pairs) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            body.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return body.toString();
    }

    /** An answer: status, headers, body. */
    record Reply(int status, Map<String, List<String>> headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return String.join(", ", e.getValue());
                }
            }
            return null;
        }

        List<String> setCookies() {
            List<String> found = new ArrayList<>();
            headers.forEach((k, v) -> {
                if (k.equalsIgnoreCase("set-cookie")) {
                    found.addAll(v);
                }
            });
            return found;
        }

        String cookieValue(String name) {
            for (String c : setCookies()) {
                if (c.startsWith(name + "=")) {
                    return c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length());
                }
            }
            return null;
        }

        /** The problem's type, title, status and detail are there, and the body is a problem. */
        JsonNode problem(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but was " + status + ": " + body());
            }
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                throw new AssertionError("not a problem: " + type + " " + body());
            }
            JsonNode p = json();
            for (String field : List.of("type", "title", "status", "detail")) {
                if (!p.hasNonNull(field)) {
                    throw new AssertionError("problem without " + field + ": " + body());
                }
            }
            if (p.get("status").asInt() != expected) {
                throw new AssertionError("problem status " + p.get("status") + " for " + expected);
            }
            return p;
        }
    }
}
