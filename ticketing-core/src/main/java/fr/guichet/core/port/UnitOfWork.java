package fr.guichet.core.port;

import java.util.function.Supplier;

/**
 * One transaction across every repository a use case touches: all of its writes are kept, or none. An exception from
 * {@code work} rolls back and propagates; a store failure surfaces as a {@code TicketingException} of kind UNAVAILABLE.
 */
public interface UnitOfWork {

    /** Runs {@code work} in a transaction (joining one already open on this thread) and returns its value. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * {@link #inTransaction}, but when {@code work} opens the thread's transaction and the store gives it up (a
     * deadlock, a serialization failure), it is rolled back and {@code work} runs again from the start, a bounded
     * number of times: only for work that acts through the ports alone and reads nothing it cannot read again. Inside a
     * transaction already open it joins it and is not retried. A store that never gives a transaction up runs it once.
     */
    default <T> T inRetryableTransaction(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code work}, which writes nothing, and returns its value: inside the thread's transaction when one is
     * open; otherwise a store may run each of its statements on its own, with no transaction to begin and commit, each
     * seeing what was committed when it runs (as each statement of a READ COMMITTED transaction does).
     */
    default <T> T read(Supplier<T> work) {
        return inTransaction(work);
    }

    /** {@link #inTransaction} for work without a value. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
