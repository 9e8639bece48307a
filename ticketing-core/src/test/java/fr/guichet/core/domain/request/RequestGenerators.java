package fr.guichet.core.domain.request;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of the request aggregate: numbers, dates of school years, sequences of moves on a request, file names and
 * contents a user may upload.
 */
public final class RequestGenerators {

    /** The groups and people moves on a generated request refer to. */
    static final List<GroupCode> GROUPS = List.of(GroupCode.of("PLATEFORME"), GroupCode.of("EVE"));
    static final List<PersonId> ASSIGNEES = List.of(PersonId.of("agent1"), PersonId.of("specialiste-mep"));

    private RequestGenerators() {
    }

    /** Every valid request number, the small ones more often. */
    public static Gen<Long> numbers() {
        return Generate.frequency(Pair.of(3, longs().between(1, 9_999_999)),
                Pair.of(1, longs().between(1, Long.MAX_VALUE)));
    }

    /** Text that is not a request number: empty, signs, spaces, letters, non-ASCII digits, zero, too long. */
    public static Gen<String> junkNumbers() {
        Gen<String> withJunk = numbers().zip(Generate.pick(List.of("-", "+", " ", "\t", "a", "x", ".", ",", "e3",
                "\u0663", "\uff11", "#", "\u0000")), integers().between(0, 3), (n, junk, where) -> {
                    String digits = Long.toString(n);
                    int at = where % (digits.length() + 1);
                    return digits.substring(0, at) + junk + digits.substring(at);
                });
        Gen<String> zeros = integers().between(1, 19).map("0"::repeat);
        Gen<String> fixed = Generate.pick(List.of("", "9223372036854775808", "99999999999999999999",
                "0x1F", "1e5", "١٢٣"));
        return Generate.oneOf(withJunk, zeros, fixed);
    }

    /** Any day whose school year and both its neighbours Guichet can name. */
    public static Gen<LocalDate> dates() {
        long from = LocalDate.of(1901, 9, 1).toEpochDay();
        long to = LocalDate.of(9997, 8, 31).toEpochDay();
        return longs().between(from, to).map(LocalDate::ofEpochDay);
    }

    /** Years whose 31 August and 1 September both fall in a school year Guichet can name. */
    public static Gen<Integer> years() {
        return integers().between(1901, 9998);
    }

    /** One move on a request, made some time after the previous one. */
    public sealed interface Move {

        /** How long after the previous move this one is made. */
        Duration after();

        /** Staff (or, if {@code byRequester}, the requester) ask for {@code to}. */
        record ChangeStatus(boolean byRequester, Status to, Duration after) implements Move {
        }

        /** Staff redirect to a group and maybe a person. */
        record Redirect(GroupCode group, PersonId assignee, Duration after) implements Move {
        }

        /** A staff member takes the request for themself. */
        record Take(PersonId taker, Duration after) implements Move {
        }

        /** Staff post a public answer or an internal note. */
        record StaffMessage(boolean internal, Duration after) implements Move {
        }

        /** The requester follows up. */
        record FollowUp(Duration after) implements Move {
        }
    }

    private static Gen<Duration> pauses() {
        return Generate.frequency(Pair.of(4, integers().between(0, 3_600).map(s -> Duration.ofSeconds(s))),
                Pair.of(1, integers().between(1, 30).map(d -> Duration.ofDays(d))));
    }

    public static Gen<Move> moves() {
        Gen<Move> staffStatus = Generate.enumValues(Status.class).zip(pauses(),
                (to, p) -> new Move.ChangeStatus(false, to, p));
        Gen<Move> requesterStatus = Generate.enumValues(Status.class).zip(pauses(),
                (to, p) -> new Move.ChangeStatus(true, to, p));
        Gen<Move> redirect = Generate.pick(GROUPS).zip(integers().between(0, ASSIGNEES.size()), pauses(),
                (g, a, p) -> new Move.Redirect(g, a < ASSIGNEES.size() ? ASSIGNEES.get(a) : null, p));
        Gen<Move> message = Generate.booleans().zip(pauses(), (internal, p) -> new Move.StaffMessage(internal, p));
        Gen<Move> followUp = pauses().map(p -> new Move.FollowUp(p));
        Gen<Move> take = Generate.pick(ASSIGNEES).zip(pauses(), (taker, p) -> new Move.Take(taker, p));
        return Generate.frequency(List.of(Pair.of(6, staffStatus), Pair.of(3, requesterStatus), Pair.of(2, redirect),
                Pair.of(2, message), Pair.of(2, followUp), Pair.of(2, take)));
    }

    /** Sequences of up to 40 moves. */
    public static Gen<List<Move>> moveSequences() {
        return lists().of(moves()).ofSizeBetween(0, 40);
    }

    /** File names as clients send them: any characters, paths, dots, controls, bidi overrides, long ones. */
    public static Gen<String> fileNames() {
        Gen<String> any = strings().allPossible().ofLengthBetween(0, 30);
        Gen<String> tricky = lists().of(Generate.pick(List.of(".", "..", "/", "\\", " ", "\u0000", "\n", "\r", "\t",
                "\u202e", "\u00ad", "\u200b", "\ufeff", "a", "é", "e\u0301", "\u0301", "fichier", ".pdf", "txt",
                "<", ">", ":", "\"", "|", "?", "*", ";", "\u3000", "\u00a0", "\u2028", "\ud83d\ude00", "\ud800",
                "C:", "~", "-"))).ofSizeBetween(0, 20).map(parts -> String.join("", parts));
        Gen<String> longNames = strings().betweenCodePoints(0x20, 0x2FF).ofLengthBetween(100, 300)
                .zip(Generate.pick(List.of("", ".pdf", ".docx", ". txt", ".tar.gz", "..", ".")), (s, ext) -> s + ext);
        return Generate.oneOf(any, tricky, longNames);
    }

    /**
     * Text a browser would treat as markup: a tag such as {@code <script>} or {@code <html>} anywhere, or a document
     * start such as {@code <!DOCTYPE html>} after blanks or a byte-order mark; in any letter case.
     */
    public static Gen<String> markup() {
        Gen<String> anywhere = anyCase(List.of("<script>alert(1)</script>", "<html>", "<html lang=\"fr\">",
                "<script src=\"x.js\">", "<body onload=\"x()\">", "<iframe src=\"x\">", "<svg onload=alert(1)>",
                "<script\n>", "<html\t>"));
        Gen<String> start = anyCase(List.of("<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<svg xmlns=\"x\">",
                "<!doctype HTML><p>x</p>"));
        Gen<String> text = strings().betweenCodePoints(0x20, 0x17F).ofLengthBetween(0, 200)
                .mix(Generate.pick(List.of("", "\n", "  \n\t", "\ufeff", "Bonjour,\n", "a;b;c\n1;2;3\n")), 30);
        Gen<String> blanks = Generate.pick(List.of("", " ", "\n\n", "\t ", "\ufeff", "\ufeff\n"));
        return Generate.oneOf(text.zip(anywhere, text, (before, t, after) -> before + t + after),
                blanks.zip(start, text, (before, t, after) -> before + t + after));
    }

    private static Gen<String> anyCase(List<String> texts) {
        return Generate.pick(texts).flatMap(t -> lists().of(Generate.booleans()).ofSize(t.length()).map(upper -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < t.length(); i++) {
                String c = t.substring(i, i + 1);
                out.append(upper.get(i) ? c.toUpperCase(Locale.ROOT) : c);
            }
            return out.toString();
        }));
    }
}
