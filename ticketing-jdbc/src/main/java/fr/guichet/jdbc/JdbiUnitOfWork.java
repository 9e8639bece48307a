package fr.guichet.jdbc;

import fr.guichet.core.port.UnitOfWork;
import java.util.function.Supplier;

/**
 * One database transaction per use case; repositories called on the same thread join it, as do nested calls. A read
 * runs its statements on one connection in auto-commit, without a transaction to begin and commit, and refuses a
 * statement that would write (an {@link IllegalStateException}) instead of committing it at once. Work
 * that may be retried is run again from the start when the database gives its transaction up for a deadlock or a
 * serialization failure, up to {@link Database#ATTEMPTS} times in all.
 */
final class JdbiUnitOfWork implements UnitOfWork {

    private final Database db;

    JdbiUnitOfWork(Database db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.inTransaction(handle -> work.get());
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return db.readOnly(handle -> work.get());
    }

    @Override
    public <T> T inRetryableTransaction(Supplier<T> work) {
        return db.inRetriedTransaction(handle -> work.get());
    }
}
