package fr.guichet.core.domain.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import fr.guichet.core.domain.request.RequestNumber;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class PlaceholdersPropertiesTest {

    /** Pieces a user could type: words, braces, placeholders, near-misses and unknown placeholders. */
    private static final List<String> PIECES = List.of("Bonjour ", "a", "é", " ", "\n", "{", "}", "{}", "{{", "}}",
            "demandeur", "numero", "{demandeur}", "{numero}", "{Demandeur}", "{numéro}", "{ numero}", "{inconnu}",
            "{demandeur", "numero}", "$1", "\\", "😀");

    private static Gen<List<String>> typed() {
        return Generate.intArrays(Generate.range(0, 30), Generate.range(0, PIECES.size() - 1))
                .map(indexes -> Arrays.stream(indexes).mapToObj(PIECES::get).toList());
    }

    private static Gen<String> names() {
        return Generate.pick(List.of("Jeanne Dupont", "{numero}", "{demandeur}", "$1 \\ Ñúñez", ""));
    }

    private static Gen<RequestNumber> numbers() {
        return SourceDSL.longs().between(1, 9_999_999).map(RequestNumber::of);
    }

    /** The filling, piece by piece: each placeholder piece becomes its value; what a piece splits is found again. */
    private static String oracle(String text, String requester, RequestNumber number) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(Placeholders.REQUESTER, i)) {
                out.append(requester);
                i += Placeholders.REQUESTER.length();
            } else if (text.startsWith(Placeholders.NUMBER, i)) {
                out.append(number.display());
                i += Placeholders.NUMBER.length();
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void each_placeholder_becomes_its_value_once_and_other_text_stays_as_typed() {
        qt().forAll(typed(), names(), numbers()).checkAssert((pieces, name, number) -> {
            String text = String.join("", pieces);
            assertEquals(oracle(text, name, number), new Placeholders(name, number).fill(text));
        });
    }

    @Test
    void any_text_is_filled_the_same_way() {
        qt().forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 60), names(), numbers())
                .checkAssert((text, name, number) -> assertEquals(oracle(text, name, number),
                        new Placeholders(name, number).fill(text)));
    }

    @Test
    void text_without_placeholders_is_left_as_is() {
        qt().forAll(typed(), names(), numbers()).checkAssert((pieces, name, number) -> {
            String text = String.join("", pieces).replace(Placeholders.REQUESTER, "{demandeur ")
                    .replace(Placeholders.NUMBER, "{ numero}");
            assertEquals(text, new Placeholders(name, number).fill(text));
        });
    }

    @Test
    void the_number_is_written_with_seven_digits() {
        qt().forAll(numbers()).checkAssert(number -> {
            String filled = new Placeholders("Jeanne Dupont", number).fill("n° {numero}");
            assertEquals("n° " + String.format("%07d", number.value()), filled);
        });
    }
}
