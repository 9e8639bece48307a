package fr.guichet.jdbc;

import fr.guichet.core.contract.AttachmentStoreContract;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The attachment store contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiAttachmentStoreTest extends AttachmentStoreContract {

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
    protected AttachmentStore attachments() {
        return node().attachments();
    }
}
