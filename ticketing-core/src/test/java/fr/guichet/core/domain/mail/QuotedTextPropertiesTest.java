package fr.guichet.core.domain.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class QuotedTextPropertiesTest {

    private static final List<String> PIECES = List.of("\n", "\r\n", "\r", "> ", ">", "-- ", "--", "\n-- \n",
            "Le 03/09/2026 à 10:12, Guichet a écrit :", "Le mar. 3 sept. 2026 à 10:12, Guichet <\n",
            "guichet@ac-exemple.fr> a écrit :", "On Tue, Sep 3, 2026 at 10:12 AM Guichet wrote:",
            "-----Message d'origine-----", "-----Original Message-----", "De : Guichet", "Envoyé : mardi",
            "À : Marie", "Objet : Demande", "From: Guichet", "Sent: Tuesday", "To: Marie", "________", " ",
            "\u00A0", "a écrit", "wrote:", "Le ", "On ");

    private static final Gen<String> TEXT = lists().of(Generate.pick(PIECES)
            .mix(strings().betweenCodePoints(0x20, 0x17F).ofLengthBetween(0, 12), 40))
            .ofSizeBetween(0, 30).map(parts -> String.join("", parts));

    @Test
    void what_is_kept_is_never_empty_never_longer_and_never_throws() {
        qt().withExamples(5_000).forAll(TEXT).checkAssert(text -> {
            String kept = QuotedText.cut(text);
            assertTrue(kept.length() <= text.length(), "longer");
            if (!text.isBlank()) {
                assertFalse(kept.isBlank(), "emptied");
            }
        });
    }
}
