package fr.guichet.core.domain.subject;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.domain.person.GroupCode;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of subject catalogs: whole trees of subjects, with active flags, support groups and routings set here and
 * there.
 */
public final class SubjectGenerators {

    public static final List<GroupCode> GROUPS = List.of(GroupCode.of("PLATEFORME"), GroupCode.of("EVE"),
            GroupCode.of("ENT-1"), GroupCode.of("RESEAU_2"));

    private static final Gen<String> PREFIXES = Generate.pick(List.of("EVE", "MES", "ENT", "X1", "PEDAGO"));
    private static final Gen<Integer> CHILDREN = integers().between(0, 3);
    private static final Gen<Integer> NUMBER_GAPS = integers().between(1, 12);
    private static final Gen<Boolean> ACTIVE = Generate.frequency(
            org.quicktheories.api.Pair.of(4, Generate.constant(true)),
            org.quicktheories.api.Pair.of(1, Generate.constant(false)));
    private static final Gen<Integer> GROUP_CHOICE = integers().between(0, GROUPS.size() * 2);
    /** Mostly inherited (null), sometimes set to either routing. */
    private static final Gen<Routing> ROUTING = Generate.frequency(
            org.quicktheories.api.Pair.of(3, Generate.constant((Routing) null)),
            org.quicktheories.api.Pair.of(1, Generate.constant(Routing.GROUP_QUEUE)),
            org.quicktheories.api.Pair.of(1, Generate.constant(Routing.FEWEST_OPEN)));

    private SubjectGenerators() {
    }

    /** A label as a catalog file holds it: letters, digits, spaces and some punctuation, with accents. */
    public static Gen<String> labels() {
        return strings().betweenCodePoints(0x20, 0xFF).ofLengthBetween(1, 40)
                .map(s -> s.replaceAll("[\\x{0}-\\x{1F}\\x{7F}-\\x{9F}]", "x"))
                .map(s -> s.isBlank() ? "Sujet" + s : s);
    }

    /**
     * A catalog of one to three trees, each subject with its own group or none (roots always have one), and its own
     * routing or none (roots too).
     */
    public static Gen<List<Subject>> trees() {
        Gen<List<Subject>> trees = in -> {
            List<Subject> out = new ArrayList<>();
            int roots = integers().between(1, 3).generate(in);
            List<String> prefixes = new ArrayList<>();
            for (int r = 0; r < roots; r++) {
                String prefix = PREFIXES.generate(in);
                if (prefixes.contains(prefix)) {
                    continue;
                }
                prefixes.add(prefix);
                int number = NUMBER_GAPS.generate(in);
                subtree(in, prefix, String.valueOf(number), true, 1, out);
            }
            return out;
        };
        return trees.describedAs(SubjectGenerators::describe);
    }

    private static void subtree(RandomnessSource in, String prefix, String path, boolean root, int depth,
            List<Subject> out) {
        int groupChoice = GROUP_CHOICE.generate(in);
        GroupCode group = root || groupChoice < GROUPS.size() ? GROUPS.get(groupChoice % GROUPS.size()) : null;
        out.add(new Subject(SubjectCode.of(prefix, path), labels().generate(in), ACTIVE.generate(in), group,
                List.of(), ROUTING.generate(in)));
        if (depth >= 4) {
            return;
        }
        int children = CHILDREN.generate(in);
        int number = 0;
        for (int c = 0; c < children; c++) {
            number += NUMBER_GAPS.generate(in);
            subtree(in, prefix, path + "." + number, false, depth + 1, out);
        }
    }

    private static String describe(List<Subject> subjects) {
        StringBuilder out = new StringBuilder();
        for (Subject s : subjects) {
            out.append('\n').append(s.code()).append(s.active() ? " active " : " inactive ")
                    .append(s.ownSupportGroup().map(GroupCode::value).orElse("-")).append(' ')
                    .append(s.ownRouting().map(Routing::name).orElse("-"));
        }
        return out.toString();
    }
}
