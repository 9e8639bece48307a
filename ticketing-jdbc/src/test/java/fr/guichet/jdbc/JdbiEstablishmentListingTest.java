package fr.guichet.jdbc;

import fr.guichet.core.contract.EstablishmentListingContract;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Lists narrowed and searched by establishment on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiEstablishmentListingTest extends EstablishmentListingContract {

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
    protected EstablishmentDirectory establishments() {
        return node().establishments();
    }
}
