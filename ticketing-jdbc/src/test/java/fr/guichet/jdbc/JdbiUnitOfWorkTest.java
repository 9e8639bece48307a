package fr.guichet.jdbc;

import fr.guichet.core.contract.UnitOfWorkContract;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The unit-of-work contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiUnitOfWorkTest extends UnitOfWorkContract {

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
    protected RequestRepository requests() {
        return node().requests();
    }

    @Override
    protected NotificationOutbox outbox() {
        return node().outbox();
    }

    @Override
    protected SessionStore sessions() {
        return node().sessions();
    }
}
