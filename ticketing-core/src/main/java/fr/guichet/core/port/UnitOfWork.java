package fr.guichet.core.port;

import java.util.function.Supplier;

/**
 * One transaction across every repository a use case touches: all of its writes are kept, or none. An exception from
 * {@code work} rolls back and propagates; a store failure surfaces as a {@code TicketingException} of kind UNAVAILABLE.
 */
public interface UnitOfWork {

    /** Runs {@code work} in a transaction (joining one already open on this thread) and returns its value. */
    <T> T inTransaction(Supplier<T> work);

    /** {@link #inTransaction} for work without a value. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
