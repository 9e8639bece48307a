package fr.guichet.jdbc;

import fr.guichet.core.contract.EstablishmentDirectoryContract;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The establishment directory contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiEstablishmentDirectoryTest extends EstablishmentDirectoryContract {

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
    protected EstablishmentDirectory establishments() {
        return node().establishments();
    }
}
