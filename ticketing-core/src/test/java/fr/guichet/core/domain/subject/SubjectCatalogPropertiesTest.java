package fr.guichet.core.domain.subject;

import static fr.guichet.core.domain.subject.SubjectGenerators.trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.GroupCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubjectCatalogPropertiesTest {

    private static final List<RequestType> TYPES = List.of(new RequestType("USAGE", "difficulté d'utilisation"));

    @Test
    void a_subject_is_displayed_prefix_path_and_label_between_en_dashes() {
        qt().forAll(trees()).checkAssert(subjects -> {
            for (Subject s : subjects) {
                assertEquals(s.code().prefix() + " \u2013 " + s.code().path() + " \u2013 " + s.label(), s.display());
            }
        });
    }

    @Test
    void the_support_group_is_the_subjects_own_or_else_its_nearest_ancestors() {
        qt().forAll(trees()).checkAssert(subjects -> {
            SubjectCatalog catalog = SubjectCatalog.of(subjects, TYPES);
            Map<SubjectCode, Subject> byCode = index(subjects);
            for (Subject s : subjects) {
                assertEquals(Optional.of(nearestGroup(s.code(), byCode)), catalog.supportGroupOf(s), s.code()::value);
            }
        });
    }

    @Test
    void the_routing_is_the_subjects_own_or_else_its_nearest_ancestors_or_else_straight_to_a_member() {
        qt().forAll(trees()).checkAssert(subjects -> {
            SubjectCatalog catalog = SubjectCatalog.of(subjects, TYPES);
            Map<SubjectCode, Subject> byCode = index(subjects);
            for (Subject s : subjects) {
                assertEquals(nearestRouting(s.code(), byCode), catalog.routingOf(s), s.code()::value);
            }
        });
    }

    @Test
    void a_routing_set_on_a_subject_holds_for_its_whole_subtree_unless_a_descendant_sets_its_own() {
        qt().forAll(trees(), integers().between(0, 1000)).checkAssert((subjects, pick) -> {
            Subject chosen = subjects.get(pick % subjects.size());
            Routing other = catalogRouting(subjects, chosen) == Routing.GROUP_QUEUE ? Routing.FEWEST_OPEN
                    : Routing.GROUP_QUEUE;
            List<Subject> changed = subjects.stream().map(s -> s.equals(chosen) ? s.withRouting(other)
                    : s.code().isWithin(chosen.code()) ? s.withRouting(null) : s).toList();
            SubjectCatalog before = SubjectCatalog.of(subjects, TYPES);
            SubjectCatalog after = SubjectCatalog.of(changed, TYPES);
            for (Subject s : changed) {
                Routing expected = s.code().isWithin(chosen.code()) ? other
                        : before.routingOf(before.find(s.code()).orElseThrow());
                assertEquals(expected, after.routingOf(s), s.code()::value);
            }
        });
    }

    @Test
    void only_an_active_subject_under_active_ancestors_and_without_active_children_accepts_requests() {
        qt().forAll(trees()).checkAssert(subjects -> {
            SubjectCatalog catalog = SubjectCatalog.of(subjects, TYPES);
            Map<SubjectCode, Subject> byCode = index(subjects);
            for (Subject s : subjects) {
                boolean activeChain = activeChain(s.code(), byCode);
                boolean activeChild = subjects.stream().anyMatch(c -> c.code().parent().equals(Optional.of(s.code()))
                        && c.active());
                boolean expected = activeChain && !activeChild;
                if (expected) {
                    assertEquals(s, catalog.leafForRequest(s.code()));
                } else {
                    TicketingException e = assertThrows(TicketingException.class,
                            () -> catalog.leafForRequest(s.code()));
                    assertEquals(ErrorKind.INVALID, e.kind());
                    assertEquals("subject", e.errors().get(0).field());
                    assertEquals(activeChain ? "subject.not_leaf" : "subject.inactive", e.code());
                }
            }
        });
    }

    @Test
    void every_subject_is_listed_once_parents_before_children_whatever_the_input_order() {
        qt().forAll(trees(), longs().all()).checkAssert((subjects, seed) -> {
            List<Subject> shuffled = new ArrayList<>(subjects);
            Collections.shuffle(shuffled, new Random(seed));
            List<Subject> all = SubjectCatalog.of(shuffled, TYPES).all();
            assertEquals(SubjectCatalog.of(subjects, TYPES).all(), all);
            assertEquals(new HashSet<>(subjects), new HashSet<>(all));
            assertEquals(subjects.size(), all.size());
            Set<SubjectCode> seen = new HashSet<>();
            for (Subject s : all) {
                s.code().parent().ifPresent(p -> assertTrue(seen.contains(p), s.code() + " before " + p));
                seen.add(s.code());
            }
        });
    }

    @Test
    void the_active_tree_offered_to_requesters_holds_only_active_subjects_under_active_parents() {
        qt().forAll(trees()).checkAssert(subjects -> {
            SubjectCatalog catalog = SubjectCatalog.of(subjects, TYPES);
            Map<SubjectCode, Subject> byCode = index(subjects);
            List<Subject> offered = new ArrayList<>(catalog.activeRoots());
            for (int i = 0; i < offered.size(); i++) {
                offered.addAll(catalog.activeChildren(offered.get(i).code()));
            }
            Set<SubjectCode> expected = subjects.stream().filter(s -> activeChain(s.code(), byCode))
                    .map(Subject::code).collect(Collectors.toSet());
            assertEquals(expected, offered.stream().map(Subject::code).collect(Collectors.toSet()));
        });
    }

    @Test
    void a_subject_without_a_group_anywhere_up_its_tree_is_refused() {
        qt().forAll(trees()).checkAssert(subjects -> {
            List<Subject> rootless = subjects.stream().map(s -> s.code().parent().isPresent() ? s
                    : new Subject(s.code(), s.label(), s.active(), null, s.specialists())).toList();
            TicketingException e = assertThrows(TicketingException.class,
                    () -> SubjectCatalog.of(rootless, TYPES));
            assertEquals("catalog", e.errors().get(0).field());
        });
    }

    @Test
    void a_subject_whose_parent_is_missing_is_refused() {
        qt().forAll(trees()).assuming(subjects -> subjects.stream().anyMatch(s -> s.code().depth() > 1))
                .checkAssert(subjects -> {
                    SubjectCode orphan = subjects.stream().filter(s -> s.code().depth() > 1).findFirst().orElseThrow()
                            .code();
                    SubjectCode parent = orphan.parent().orElseThrow();
                    List<Subject> without = subjects.stream().filter(s -> !s.code().equals(parent)).toList();
                    TicketingException e = assertThrows(TicketingException.class,
                            () -> SubjectCatalog.of(without, TYPES));
                    assertEquals("catalog.orphan", e.code());
                });
    }

    @Test
    void moving_a_subject_puts_it_at_its_rank_and_keeps_every_sibling_once_in_the_same_order_and_the_rest_in_place() {
        qt().forAll(trees(), integers().between(0, 1000), integers().between(1, 4)).checkAssert((subjects, pick,
                rank) -> {
            SubjectCatalog catalog = SubjectCatalog.of(subjects, TYPES);
            Subject moving = subjects.get(pick % subjects.size());
            List<SubjectCode> before = codes(catalog.siblings(moving.code()));
            if (rank > before.size()) {
                TicketingException e = assertThrows(TicketingException.class,
                        () -> catalog.moved(moving.code(), rank));
                assertEquals("position", e.errors().get(0).field());
                return;
            }
            SubjectCatalog moved = catalog.moved(moving.code(), rank);
            List<SubjectCode> after = codes(moved.siblings(moving.code()));
            List<SubjectCode> expected = new ArrayList<>(before);
            expected.remove(moving.code());
            expected.add(rank - 1, moving.code());
            assertEquals(expected, after);
            assertEquals(rank, moved.rank(moving.code()));
            for (Subject s : catalog.all()) {
                Subject now = moved.find(s.code()).orElseThrow();
                assertEquals(s.withPosition(now.position()), now, s.code()::value);
                if (!moving.code().parent().equals(Optional.of(s.code()))) {
                    assertEquals(codes(catalog.children(s.code())), codes(moved.children(s.code())));
                }
            }
        });
    }

    @Test
    void siblings_are_ordered_by_position_then_by_code() {
        qt().forAll(trees(), longs().all()).checkAssert((subjects, seed) -> {
            Random random = new Random(seed);
            List<Subject> placed = subjects.stream().map(s -> s.withPosition(random.nextInt(3))).toList();
            SubjectCatalog catalog = SubjectCatalog.of(placed, TYPES);
            for (Subject s : placed) {
                List<Subject> siblings = catalog.siblings(s.code());
                for (int i = 1; i < siblings.size(); i++) {
                    Subject a = siblings.get(i - 1);
                    Subject b = siblings.get(i);
                    assertTrue(a.position() < b.position()
                            || a.position() == b.position() && before(a.code(), b.code()), s.code()::value);
                }
            }
        });
    }

    /** Whether {@code a} comes before {@code b} by prefix, then path numbers compared as numbers. */
    private static boolean before(SubjectCode a, SubjectCode b) {
        if (!a.prefix().equals(b.prefix())) {
            return a.prefix().compareTo(b.prefix()) < 0;
        }
        String[] x = a.path().split("\\.");
        String[] y = b.path().split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c < 0;
            }
        }
        return x.length < y.length;
    }

    private static List<SubjectCode> codes(List<Subject> subjects) {
        return subjects.stream().map(Subject::code).toList();
    }

    private static Map<SubjectCode, Subject> index(List<Subject> subjects) {
        return subjects.stream().collect(Collectors.toMap(Subject::code, Function.identity()));
    }

    private static GroupCode nearestGroup(SubjectCode code, Map<SubjectCode, Subject> byCode) {
        for (SubjectCode c = code; ; c = c.parent().orElseThrow()) {
            GroupCode own = byCode.get(c).supportGroup();
            if (own != null) {
                return own;
            }
        }
    }

    private static Routing nearestRouting(SubjectCode code, Map<SubjectCode, Subject> byCode) {
        for (Optional<SubjectCode> c = Optional.of(code); c.isPresent(); c = c.get().parent()) {
            Routing own = byCode.get(c.get()).routing();
            if (own != null) {
                return own;
            }
        }
        return Routing.FEWEST_OPEN;
    }

    private static Routing catalogRouting(List<Subject> subjects, Subject subject) {
        return SubjectCatalog.of(subjects, TYPES).routingOf(subject);
    }

    private static boolean activeChain(SubjectCode code, Map<SubjectCode, Subject> byCode) {
        for (Optional<SubjectCode> c = Optional.of(code); c.isPresent(); c = c.get().parent()) {
            if (!byCode.get(c.get()).active()) {
                return false;
            }
        }
        return true;
    }
}
