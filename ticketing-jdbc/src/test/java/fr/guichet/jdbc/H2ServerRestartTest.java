package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.testing.Fixtures;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database server that stops and starts again under a running node (H2 in server mode, on files). */
class H2ServerRestartTest {

    @TempDir
    Path directory;

    @Test
    void a_stopped_server_gives_unavailable_and_the_pool_recovers_when_it_is_back() throws Exception {
        Server server = start("0");
        String port = Integer.toString(server.getPort());
        JdbcConfig config = new JdbcConfig("jdbc:h2:tcp://127.0.0.1:" + port + "/guichet", "sa", "")
                .withConnectionTimeout(Duration.ofSeconds(1)).withMaximumPoolSize(2);
        Instant now = Instant.parse("2035-01-01T00:00:00Z");
        try (TestDatabase.Node node = new TestDatabase.Node(config)) {
            Request kept = node.unitOfWork().inTransaction(() -> {
                Request r = Fixtures.request(node.requests().nextNumber(), Fixtures.newRequester(), now);
                node.requests().add(r);
                return r;
            });
            server.stop();
            TicketingException e = assertThrows(TicketingException.class, () -> node.unitOfWork().inTransaction(
                    () -> node.requests().find(kept.summaryLine().number())));
            assertEquals(ErrorKind.UNAVAILABLE, e.kind());
            server = start(port);
            assertTrue(FaultTest.eventually(() -> node.unitOfWork().inTransaction(
                    () -> node.requests().find(kept.summaryLine().number()))).isPresent());
        } finally {
            server.stop();
        }
    }

    private Server start(String port) throws SQLException {
        return Server.createTcpServer("-tcpPort", port, "-tcpAllowOthers", "-ifNotExists", "-baseDir",
                directory.toString()).start();
    }
}
