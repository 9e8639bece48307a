package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.port.UnitOfWork;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Retryable units of work given up by the database, on each selected database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class RetriedTransactionTest {

    @Parameter
    TestDatabase.Kind kind;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private Database database() {
        TestDatabase test = TestDatabase.of(kind);
        return new Database(Jdbi.create(test.node().dataSource()), Dialect.of(test.config.url()));
    }

    @Test
    void two_units_of_work_that_deadlock_both_commit_the_victim_being_run_again() throws Exception {
        Database db = database();
        UnitOfWork unitOfWork = new JdbiUnitOfWork(db);
        String a = "deadlock-a-" + UUID.randomUUID();
        String b = "deadlock-b-" + UUID.randomUUID();
        db.inTransaction(h -> h.execute("INSERT INTO open_request_counts (person_id, open_requests) VALUES (?, 0), "
                + "(?, 0)", a, b));
        CyclicBarrier eachHoldsOne = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        List<Callable<Object>> crosswise = new ArrayList<>();
        for (List<String> order : List.of(List.of(a, b), List.of(b, a))) {
            crosswise.add(() -> {
                AtomicInteger mine = new AtomicInteger();
                return unitOfWork.inRetryableTransaction(() -> {
                    runs.incrementAndGet();
                    add(db, order.get(0));
                    if (mine.incrementAndGet() == 1) {
                        await(eachHoldsOne);
                    }
                    add(db, order.get(1));
                    return mine.get();
                });
            });
        }
        List<Object> attempts = new ArrayList<>();
        for (Future<Object> f : threads.invokeAll(crosswise, 60, TimeUnit.SECONDS)) {
            attempts.add(f.get());
        }
        assertEquals(3, runs.get(), "one of the two ran twice: " + attempts);
        assertEquals(Map.of(a, 2L, b, 2L), counts(db, a, b));
    }

    @Test
    void work_the_database_keeps_giving_up_is_run_a_bounded_number_of_times_then_fails() {
        UnitOfWork unitOfWork = new JdbiUnitOfWork(database());
        AtomicInteger runs = new AtomicInteger();
        TicketingException givenUp = TicketingException.unavailable(new SQLException("deadlock", "40P01"));
        TicketingException thrown = assertThrows(TicketingException.class,
                () -> unitOfWork.inRetryableTransaction(() -> {
                    runs.incrementAndGet();
                    throw givenUp;
                }));
        assertSame(givenUp, thrown);
        assertEquals(Database.ATTEMPTS, runs.get());
    }

    @Test
    void retryable_work_inside_an_open_transaction_is_not_run_again() {
        UnitOfWork unitOfWork = new JdbiUnitOfWork(database());
        AtomicInteger runs = new AtomicInteger();
        assertThrows(TicketingException.class, () -> unitOfWork.run(() -> unitOfWork.inRetryableTransaction(() -> {
            runs.incrementAndGet();
            throw TicketingException.unavailable(new SQLException("serialization failure", "40001"));
        })));
        assertEquals(1, runs.get());
    }

    private static void add(Database db, String person) {
        db.inTransaction(h -> h.execute("UPDATE open_request_counts SET open_requests = open_requests + 1 "
                + "WHERE person_id = ?", person));
    }

    private static Map<String, Long> counts(Database db, String a, String b) {
        return Map.of(a, count(db, a), b, count(db, b));
    }

    private static long count(Database db, String person) {
        return db.inTransaction(h -> h.createQuery("SELECT open_requests FROM open_request_counts "
                + "WHERE person_id = :person").bind("person", person).mapTo(Long.class).one());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
