package fr.guichet.mail;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The UID set of one IMAP command names exactly the mails it is given, each once, in ascending runs. */
class UidSetPropertiesTest {

    @Test
    void a_uid_set_expands_to_the_distinct_uids_in_ascending_order() {
        qt().forAll(lists().of(integers().between(1, 60)).ofSizeBetween(1, 40)).check(uids -> {
            String set = UidFolder.set(uids.stream().map(Integer::longValue).toList());
            List<Long> expanded = Arrays.stream(set.split(",")).flatMapToLong(UidSetPropertiesTest::range).boxed()
                    .toList();
            return expanded.equals(List.copyOf(new TreeSet<>(uids.stream().map(Integer::longValue).toList())))
                    && noAdjacentRuns(set);
        });
    }

    private static LongStream range(String item) {
        String[] ends = item.split(":");
        return LongStream.rangeClosed(Long.parseLong(ends[0]), Long.parseLong(ends[ends.length - 1]));
    }

    /** No item of {@code set} starts right after the previous one ends: each run of consecutive UIDs is one item. */
    private static boolean noAdjacentRuns(String set) {
        long previousEnd = Long.MIN_VALUE;
        for (String item : set.split(",")) {
            String[] ends = item.split(":");
            if (Long.parseLong(ends[0]) == previousEnd + 1) {
                return false;
            }
            previousEnd = Long.parseLong(ends[ends.length - 1]);
        }
        return true;
    }
}
