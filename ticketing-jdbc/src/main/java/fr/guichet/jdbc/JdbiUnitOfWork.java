package fr.guichet.jdbc;

import fr.guichet.core.port.UnitOfWork;
import java.util.function.Supplier;

/** One database transaction per use case; repositories called on the same thread join it, as do nested calls. */
final class JdbiUnitOfWork implements UnitOfWork {

    private final Database db;

    JdbiUnitOfWork(Database db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.inTransaction(handle -> work.get());
    }
}
