package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Walks the OpenAPI document and calls every administration route as a teacher, as an agent and without a session:
 * each is refused (403, 403, 401) as a problem, whatever body or path it was sent, and nothing it names changes.
 */
class AdminRoutesAccessTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final TestServer server = TestServer.shared();

    /** Every administration operation of the document, as "method path" with its parameters filled in. */
    private List<String[]> adminOperations() {
        JsonNode document = Api.anonymous(server.base).get("/api/v1/openapi.json").json();
        List<String[]> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method) && path.getKey().startsWith("/api/v1/admin/")) {
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "admin");
                operations.add(new String[] {method, concrete});
            }
        }));
        return operations;
    }

    private static Api.Reply call(Api api, String method, String path) {
        String body = "{\"label\":\"Pris\",\"roles\":[\"ADMIN\"],\"active\":false,\"code\":\"PRIS\"}";
        return switch (method) {
            case "get" -> api.get(path);
            case "delete" -> api.delete(path);
            case "put" -> api.put(path, body);
            case "patch" -> api.patch(path, body);
            default -> api.post(path, body);
        };
    }

    @Test
    void the_document_lists_the_administration_routes_of_http_api_md() {
        List<String> listed = adminOperations().stream().map(o -> o[0] + " " + o[1]).toList();
        assertTrue(listed.contains("get /api/v1/admin/audit"), listed.toString());
    }

    @Test
    void a_teacher_an_agent_and_a_caller_without_session_are_refused_on_every_administration_route() {
        Api teacher = Api.signIn(server.base, server.newRequester().id().value());
        Api agent = Api.signIn(server.base, server.newStaff().id().value());
        Api nobody = Api.anonymous(server.base);
        for (String[] operation : adminOperations()) {
            String what = operation[0] + " " + operation[1];
            for (Api caller : List.of(teacher, agent)) {
                Api.Reply reply = call(caller, operation[0], operation[1]);
                assertEquals(403, reply.status(), what + ": " + reply.body());
                assertEquals("admin.only", reply.json().path("code").asText(), what);
            }
            Api.Reply anonymous = call(nobody, operation[0], operation[1]);
            assertEquals(401, anonymous.status(), what + ": " + anonymous.body());
        }
        Api admin = Api.signIn(server.base, server.newAdmin().id().value());
        JsonNode audit = admin.get("/api/v1/admin/audit?size=100").json();
        Set<String> refused = Set.of(teacher.session.get("person").get("identifier").asText(),
                agent.session.get("person").get("identifier").asText());
        audit.get("items").forEach(entry -> assertTrue(!refused.contains(entry.path("by").path("identifier").asText()),
                "a refused call left an audit entry: " + entry));
    }
}
