package fr.guichet.jdbc;

import fr.guichet.core.contract.RetentionContract;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The retention contract on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiRetentionTest extends RetentionContract {

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
    protected PersonRegistry registry() {
        return node().people();
    }

    @Override
    protected AttachmentStore attachments() {
        return node().attachments();
    }

    @Override
    protected NotificationOutbox outbox() {
        return node().outbox();
    }

    @Override
    protected SessionStore sessions() {
        return node().sessions();
    }

    @Override
    protected PasswordResets passwordResets() {
        return node().passwordResets();
    }
}
