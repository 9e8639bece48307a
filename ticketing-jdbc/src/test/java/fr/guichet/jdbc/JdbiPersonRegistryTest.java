package fr.guichet.jdbc;

import fr.guichet.core.contract.PersonRegistryContract;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The person registry contract (and the directory's) on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiPersonRegistryTest extends PersonRegistryContract {

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
    protected PersonRegistry registry() {
        return node().people();
    }
}
