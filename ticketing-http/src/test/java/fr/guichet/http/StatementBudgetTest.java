package fr.guichet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statements and transactions one HTTP call sends to the database, counted by {@link CountingDriver} on a server
 * of its own, on H2 and on PostgreSQL when selected ({@code guichet.databases}): each main call within the budget
 * written here, so that a change that adds a round trip fails this test rather than a benchmark. A transaction is a
 * commit or a rollback; a statement run in auto-commit is not counted as one.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class StatementBudgetTest {

    private static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    /**
     * Each call's budget, what it spends today on the busier database: at most so many statements in at most so many
     * transactions. The queue page is the list and its counts, two calls, as the front loads it. Every call comes
     * within seconds of its caller's sign-in, so the node's session cache answers who calls (no statement); reads run
     * in auto-commit (no transaction); the filing, the first call after the server started, loads the catalog. A
     * list page and a request's view each read the names of their establishments in one more statement (issue 19). A
     * filing reads the notification preferences of the staff it mails, in one more statement (issue 17). The teacher's
     * list names two agents who answered, read in one statement (issue 18): one per person would exceed its budget.
     * A filing and a public answer also write their words to the index of words (issue 14), the vocabulary's and the
     * postings' in one statement each, and on PostgreSQL a shared lock on the vocabulary's words in one more. A
     * filing adds its request to the tallies of the queues' counts in one statement, a change that moves it from one
     * tally to another in two (issue 14).
     */
    private static final Map<String, CountingDriver.Sent> BUDGETS = budgets();

    /** What each call sent, in order, for the message of a call over its budget. */
    private final Map<String, List<String>> sent = new LinkedHashMap<>();

    @Parameter
    String database;

    static List<String> databases() {
        return Arrays.stream(System.getProperty("guichet.databases", "h2").split(","))
                .filter(k -> k.equals("h2") || k.equals("postgresql")).toList();
    }

    private static Map<String, CountingDriver.Sent> budgets() {
        Map<String, CountingDriver.Sent> budgets = new LinkedHashMap<>();
        budgets.put("sign-in", new CountingDriver.Sent(4, 2));
        budgets.put("GET /me", new CountingDriver.Sent(0, 0));
        budgets.put("list mine", new CountingDriver.Sent(5, 0));
        budgets.put("queue page with counts", new CountingDriver.Sent(6, 0));
        budgets.put("view one request", new CountingDriver.Sent(9, 0));
        budgets.put("file", new CountingDriver.Sent(23, 2));
        budgets.put("answer", new CountingDriver.Sent(21, 1));
        budgets.put("status change", new CountingDriver.Sent(20, 1));
        return budgets;
    }

    @Test
    void each_main_call_stays_within_its_statement_budget() throws Exception {
        CountingDriver driver = CountingDriver.installed();
        String name = CountingDriver.MARK + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestServer server = database.equals("h2")
                ? TestServer.on("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa")
                : TestServer.on(createPostgres(name), "postgres");
        Map<String, CountingDriver.Sent> spent = new LinkedHashMap<>();
        try {
            String teacherId = server.newRequester().id().value();
            String agentId = server.newStaff().id().value();
            Api agent = Api.signIn(server.base, agentId);
            Api otherAgent = Api.signIn(server.base, server.newStaff().id().value());
            Api teacher = measure(driver, spent, "sign-in", () -> Api.signIn(server.base, teacherId));
            measure(driver, spent, "GET /me", () -> ok(teacher.get("/api/v1/me")));
            String number = measure(driver, spent, "file",
                    () -> created(teacher.post("/api/v1/requests", Api.filing())).json().get("number").asText());
            for (Api staff : List.of(agent, otherAgent)) {
                String answered = created(teacher.post("/api/v1/requests", Api.filing())).json().get("number")
                        .asText();
                created(staff.post("/api/v1/requests/" + answered + "/messages",
                        Api.object("body", "Nous regardons.")));
            }
            measure(driver, spent, "list mine", () -> ok(teacher.get("/api/v1/requests?scope=mine")));
            measure(driver, spent, "queue page with counts", () -> List.of(
                    ok(agent.get("/api/v1/requests?scope=queue")), ok(agent.get("/api/v1/requests/counts?scope=queue"))));
            measure(driver, spent, "view one request", () -> ok(agent.get("/api/v1/requests/" + number)));
            measure(driver, spent, "answer", () -> created(agent.post("/api/v1/requests/" + number + "/messages",
                    Api.object("body", "Voici la réponse."))));
            measure(driver, spent, "status change", () -> ok(agent.post("/api/v1/requests/" + number + "/status",
                    Api.object("status", "IN_PROGRESS"))));
        } finally {
            server.stop();
            if (!database.equals("h2")) {
                dropPostgres(name);
            }
        }
        List<String> over = new ArrayList<>();
        BUDGETS.forEach((call, budget) -> {
            CountingDriver.Sent used = spent.get(call);
            if (used.statements() > budget.statements() || used.transactions() > budget.transactions()) {
                over.add(call + ": " + used + " over " + budget + ", sent:\n  " + String.join("\n  ", sent.get(call)));
            }
        });
        assertEquals(List.of(), over, () -> "spent on " + database + ": " + spent);
    }

    private <T> T measure(CountingDriver driver, Map<String, CountingDriver.Sent> spent, String call,
            Supplier<T> work) {
        CountingDriver.Sent before = driver.sent();
        driver.drainLog();
        T result = work.get();
        spent.put(call, driver.sent().since(before));
        sent.put(call, driver.drainLog());
        return result;
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::body);
        return reply;
    }

    private static Api.Reply created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply::body);
        return reply;
    }

    private static String createPostgres(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    private static void dropPostgres(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
