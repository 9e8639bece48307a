package fr.guichet.jdbc;

import fr.guichet.core.contract.NotificationOutboxContract;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The notification outbox contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiNotificationOutboxTest extends NotificationOutboxContract {

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node node() {
        return TestDatabase.of(kind).node();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return node().unitOfWork();
    }

    @Override
    protected NotificationOutbox outbox() {
        return node().outbox();
    }
}
