package fr.guichet.jdbc;

import fr.guichet.core.contract.RequestListingContract;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The request lists' contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiRequestListingTest extends RequestListingContract {

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

    /**
     * {@inheritDoc} Below {@link Count#CAP}, a search by words looks first among a window of newest requests, and a
     * queue's among a window of its newest holders of a word, smaller than most examples, so that its answers from the
     * windows and from the whole list are all checked.
     */
    @Override
    protected RequestRepository requestsCountingUpTo(long cap) {
        TestDatabase test = TestDatabase.of(kind);
        return new JdbiRequestRepository(new Database(Jdbi.create(test.node().dataSource()),
                Dialect.of(test.config.url())), cap, cap == Count.CAP ? RequestListing.WINDOW : (int) (2 * cap + 1),
                cap == Count.CAP ? RequestListing.POSTED : (int) (2 * cap + 1));
    }
}
