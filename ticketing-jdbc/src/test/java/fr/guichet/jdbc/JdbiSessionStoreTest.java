package fr.guichet.jdbc;

import fr.guichet.core.contract.SessionStoreContract;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The session store contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiSessionStoreTest extends SessionStoreContract {

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
    protected SessionStore sessions() {
        return node().sessions();
    }
}
