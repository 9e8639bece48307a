package fr.guichet.jdbc;

import fr.guichet.core.contract.LocalAccountsContract;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The local accounts contract (and the credentials verifier's) on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class Pbkdf2LocalAccountsTest extends LocalAccountsContract {

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
    protected LocalAccounts accounts() {
        return node().accounts();
    }
}
