package fr.guichet.jdbc;

import fr.guichet.core.contract.AuditTrailContract;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.SettingsStore;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit trail and settings contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiAuditTrailTest extends AuditTrailContract {

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
    protected AuditTrail audit() {
        return node().audit();
    }

    @Override
    protected SettingsStore settings() {
        return node().storedSettings();
    }
}
