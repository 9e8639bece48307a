package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A read ({@code UnitOfWork.read}) refuses to write instead of committing the write at once, on each database. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class ReadOnlyUnitTest {

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node node() {
        return TestDatabase.of(kind).node();
    }

    private static SupportGroup group() {
        return new SupportGroup(GroupCode.of("RO" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()),
                "Groupe lu");
    }

    @Test
    void a_write_inside_a_read_fails_before_it_runs_the_reads_before_it_answered_and_nothing_written() {
        UnitOfWork unitOfWork = node().unitOfWork();
        PersonRegistry people = node().people();
        SupportGroup group = group();
        int[] seen = {-1};
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> unitOfWork.read(() -> {
            seen[0] = people.groups().size();
            people.saveGroup(group);
            return null;
        }));
        assertTrue(refused.getMessage().contains("UnitOfWork.read"), refused.getMessage());
        assertTrue(seen[0] >= 0);
        assertTrue(people.group(group.code()).isEmpty());
    }

    @Test
    void after_a_refused_read_the_same_thread_reads_and_writes_as_before() {
        UnitOfWork unitOfWork = node().unitOfWork();
        PersonRegistry people = node().people();
        SupportGroup refused = group();
        assertThrows(IllegalStateException.class, () -> unitOfWork.read(() -> {
            people.saveGroup(refused);
            return null;
        }));
        SupportGroup kept = group();
        unitOfWork.run(() -> people.saveGroup(kept));
        people.saveGroup(group());
        assertEquals(kept, unitOfWork.read(() -> people.group(kept.code())).orElseThrow());
    }

    @Test
    void a_read_inside_a_transaction_writes_with_that_transaction() {
        UnitOfWork unitOfWork = node().unitOfWork();
        PersonRegistry people = node().people();
        SupportGroup kept = group();
        SupportGroup undone = group();
        unitOfWork.run(() -> unitOfWork.read(() -> {
            people.saveGroup(kept);
            return null;
        }));
        assertThrows(IllegalArgumentException.class, () -> unitOfWork.run(() -> {
            unitOfWork.read(() -> {
                people.saveGroup(undone);
                return null;
            });
            throw new IllegalArgumentException("the transaction fails after its read");
        }));
        assertTrue(people.group(kept.code()).isPresent());
        assertFalse(people.group(undone.code()).isPresent());
    }

    @Test
    void the_guard_remembers_its_answers_for_at_most_its_bound_of_texts_plus_one_per_thread_adding_meanwhile()
            throws Exception {
        int most = 50;
        int threads = 4;
        Database.Checked checked = new Database.Checked(most);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> largest = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                largest.add(pool.submit(() -> {
                    int held = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String read = "SELECT a FROM t WHERE b IN (" + thread + ", " + i + ")";
                        assertTrue(checked.reads(read));
                        assertFalse(checked.reads("DELETE FROM t WHERE b IN (" + thread + ", " + i + ")"));
                        assertTrue(checked.reads(read));
                        held = Math.max(held, checked.size());
                    }
                    return held;
                }));
            }
            for (Future<Integer> held : largest) {
                assertTrue(held.get() <= most + 2 * threads, held.get() + " texts held (a map's size read while "
                        + "other threads empty and fill it is only near its size)");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "  (select a from b) union (select a from c)",
            "WITH x AS (SELECT 1) SELECT * FROM x",
            "-- the groups\nSELECT code FROM support_groups", "/* listing\n of requests */ (SELECT 1)",
            "SELECT updated_at, \"delete\" FROM t WHERE action = 'UPDATE' AND b = 'it''s new table' "
                    + "AND c = REPLACE(d, '-', '')",
            "SELECT a FROM t -- for update\nWHERE b = 1"})
    void a_read_even_with_comments_or_writing_words_in_its_literals_and_names_is_a_read(String sql) {
        assertTrue(Database.reads(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO t VALUES (1)", "update t set a = 1", "MERGE INTO t KEY (id) VALUES (1)",
            "DELETE FROM t", "WITH d AS (DELETE FROM t WHERE a = 1 RETURNING id) SELECT * FROM d",
            "EXPLAIN ANALYZE UPDATE t SET a = 1", "EXPLAIN (ANALYZE, BUFFERS) DELETE FROM t",
            "SELECT * FROM FINAL TABLE (INSERT INTO t VALUES (1))",
            "SELECT * FROM new table (merge into t key (id) values (1))", "SELECT nextval('request_number')",
            "SELECT NEXT VALUE FOR request_number", "SELECT a FROM t WHERE id = 1 FOR UPDATE",
            "SELECT a FROM t WHERE id = 1 FOR NO KEY UPDATE", "SELECT a FROM t FOR SHARE",
            "SELECT a FROM t LOCK IN SHARE MODE", "/* a read */ DELETE FROM t"})
    void a_statement_that_writes_or_locks_even_if_it_begins_like_a_read_is_refused(String sql) {
        assertFalse(Database.reads(sql));
    }
}
