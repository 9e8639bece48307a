package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations give every database the same schema: the same tables and columns (name, type family, nullability)
 * and the same keys and indexes. H2 is the reference, always created; each other database selected for the run
 * ({@code -Pdatabases}) is compared with it.
 */
class SchemaParityTest {

    /**
     * The indexes only one database has, on purpose: PostgreSQL's trigram indexes for word searches (V1_1, V24_1,
     * V27, V30_1) and its partial indexes of pending and failed mail (V28_1).
     */
    private static final Map<TestDatabase.Kind, Set<String>> OWN_INDEXES = Map.of(TestDatabase.Kind.POSTGRESQL,
            Set.of("requests_words", "requests_school_words", "search_words_trigram", "outbox_pending",
                    "outbox_failed"));

    /** The indexes of H2 that a database replaces by its own, on purpose: PostgreSQL's outbox indexes (V28_1). */
    private static final Map<TestDatabase.Kind, Set<String>> REPLACED_INDEXES = Map.of(TestDatabase.Kind.POSTGRESQL,
            Set.of("outbox_due", "outbox_due_by_kind", "outbox_failed"));

    static Stream<TestDatabase.Kind> others() {
        return TestDatabase.selected().stream().filter(kind -> kind != TestDatabase.Kind.H2);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("others")
    void the_tables_and_columns_are_those_of_h2(TestDatabase.Kind kind) throws SQLException {
        assertSameFacts(described(TestDatabase.Kind.H2).columns(), described(kind).columns(), kind);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("others")
    void the_keys_and_indexes_are_those_of_h2_beside_its_own_indexes(TestDatabase.Kind kind) throws SQLException {
        SortedSet<String> keys = new TreeSet<>(described(kind).keys());
        for (String index : OWN_INDEXES.getOrDefault(kind, Set.of())) {
            assertTrue(keys.removeIf(key -> key.contains(" index " + index + " ")), kind + " has no index " + index);
        }
        SortedSet<String> reference = new TreeSet<>(described(TestDatabase.Kind.H2).keys());
        for (String index : REPLACED_INDEXES.getOrDefault(kind, Set.of())) {
            assertTrue(reference.removeIf(key -> key.contains(" index " + index + " ")), "h2 has no index " + index);
        }
        assertSameFacts(reference, keys, kind);
    }

    @Test
    void h2_is_described_by_type_families_without_the_names_it_makes_up() throws SQLException {
        SchemaDescription h2 = described(TestDatabase.Kind.H2);
        assertTrue(h2.columns().containsAll(List.of("requests.description: text not null",
                "requests.submitted_at: timestamp(6) not null", "requests.resolved_at: timestamp(6) null",
                "people.establishment: char(8) null", "people.active: boolean not null",
                "attachment_contents.content: blob not null", "outbox.seq: bigint not null generated",
                "request_messages.position: integer not null", "sessions.person_id: varchar(64) not null")),
                String.join("\n", h2.columns()));
        assertTrue(h2.keys().containsAll(List.of("requests primary key (number)",
                "requests unique (requester_id, idempotency_key)", "request_messages unique (id)",
                "requests index requests_mine (requester_id, submitted_at desc, number desc)",
                "person_roles foreign key (person_id) references people (id) on delete cascade",
                "request_messages foreign key (request_number) references requests (number) on delete no action")),
                String.join("\n", h2.keys()));
        assertFalse(h2.keys().stream().anyMatch(key -> key.contains("constraint_") || key.contains("primary_key_")),
                String.join("\n", h2.keys()));
    }

    private static SchemaDescription described(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = TestDatabase.of(kind);
        database.node().dataSource();
        try (Connection c = database.connect()) {
            return SchemaDescription.read(c);
        }
    }

    /** Fails with the facts that only one side states, if any. */
    private static void assertSameFacts(SortedSet<String> reference, SortedSet<String> actual,
            TestDatabase.Kind kind) {
        SortedSet<String> onlyH2 = new TreeSet<>(reference);
        onlyH2.removeAll(actual);
        SortedSet<String> onlyHere = new TreeSet<>(actual);
        onlyHere.removeAll(reference);
        assertEquals("", (onlyH2.isEmpty() ? "" : "only on h2:\n  " + String.join("\n  ", onlyH2) + "\n")
                + (onlyHere.isEmpty() ? "" : "only on " + kind + ":\n  " + String.join("\n  ", onlyHere) + "\n"));
    }
}
