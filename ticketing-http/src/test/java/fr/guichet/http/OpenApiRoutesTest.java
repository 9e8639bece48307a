package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiRoutesTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final TestServer server = TestServer.shared();

    @Test
    void every_route_the_server_has_is_in_the_document_and_every_documented_operation_is_served() {
        Javalin app = Javalin.create(server.api::mount);
        Set<String> served = new TreeSet<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            served.add(e.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + e.endpoint.path);
        }
        JsonNode document = Api.anonymous(server.base).get("/api/v1/openapi.json").json();
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (METHODS.contains(method)) {
                        documented.add(method + " " + path.getKey());
                    }
                }));
        assertEquals(documented, served);
    }

    @Test
    void every_documented_operation_answers_on_the_running_server() {
        Api me = Api.signIn(server.base, server.newRequester().id().value());
        JsonNode document = me.get("/api/v1/openapi.json").json();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    String concrete = path.getKey().replace("{number}", "1").replace("{token}", "x")
                            .replace("{id}", "00000000-0000-0000-0000-000000000000")
                            .replace("{identifier}", "inconnu").replace("{code}", "INCONNU");
                    Api.Reply reply = method.equals("get") ? me.get(concrete)
                            : method.equals("delete") ? me.withoutCsrf().delete(concrete)
                            : method.equals("put") ? me.withoutCsrf().put(concrete, "{}")
                            : method.equals("patch") ? me.withoutCsrf().patch(concrete, "{}")
                            : me.post(concrete, "{}");
                    String type = reply.status() == 404 || reply.status() == 405
                            ? reply.json().path("type").asText() : "";
                    assertNotEquals("urn:guichet:problem:http-404", type, method + " " + concrete);
                    assertNotEquals("urn:guichet:problem:http-405", type, method + " " + concrete);
                }));
    }
}
