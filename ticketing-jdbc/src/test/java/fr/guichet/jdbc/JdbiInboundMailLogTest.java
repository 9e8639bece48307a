package fr.guichet.jdbc;

import fr.guichet.core.contract.InboundMailLogContract;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The inbound mail log contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiInboundMailLogTest extends InboundMailLogContract {

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
    protected InboundMailLog log() {
        return node().injector.getInstance(InboundMailLog.class);
    }
}
