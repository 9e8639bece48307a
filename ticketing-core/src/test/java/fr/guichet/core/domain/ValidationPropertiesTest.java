package fr.guichet.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ValidationPropertiesTest {

    /** Every C0 and C1 control character, and the Unicode line and paragraph separators. */
    private static final List<Integer> CONTROLS = controls();

    private static final Gen<String> TEXT = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(1, 60)
            .mix(strings().betweenCodePoints(0xA0, 0x2FF).ofLengthBetween(1, 60), 30)
            .assuming(s -> !s.isBlank());

    private static List<Integer> controls() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c <= 0x9F; c++) {
            if (c < 0x20 || c >= 0x7F) {
                out.add(c);
            }
        }
        out.add(0x2028);
        out.add(0x2029);
        return List.copyOf(out);
    }

    @Test
    void a_single_line_field_refuses_any_control_character_anywhere() {
        qt().forAll(TEXT, Generate.pick(CONTROLS), integers().between(0, 60)).checkAssert((text, control, at) -> {
            int i = Math.min(at, text.length());
            String typed = text.substring(0, i) + Character.toString(control) + text.substring(i);
            TicketingException e = assertThrows(TicketingException.class,
                    () -> Validation.text(typed, "summary", "Le résumé", 200, false));
            assertEquals(ErrorKind.INVALID, e.kind());
            assertEquals("summary", e.errors().get(0).field());
            assertEquals("summary.control_characters", e.code());
        });
    }

    @Test
    void a_multi_line_field_takes_line_breaks_and_tabs_but_no_other_control() {
        qt().forAll(TEXT, Generate.pick(CONTROLS), integers().between(0, 60)).checkAssert((text, control, at) -> {
            int i = Math.min(at, text.length());
            String typed = text.substring(0, i) + Character.toString(control) + text.substring(i);
            if (control == '\n' || control == '\r' || control == '\t') {
                assertEquals(typed, Validation.text(typed, "description", "La description", 200, true));
            } else {
                TicketingException e = assertThrows(TicketingException.class,
                        () -> Validation.text(typed, "description", "La description", 200, true));
                assertEquals("description.control_characters", e.code());
            }
        });
    }

    @Test
    void text_without_control_characters_is_kept_exactly() {
        qt().forAll(TEXT).checkAssert(text -> assertEquals(text, Validation.text(text, "summary", "Le résumé", 200,
                false)));
    }

    @Test
    void text_longer_than_the_limit_is_refused_naming_the_field() {
        qt().forAll(TEXT, integers().between(1, 59)).checkAssert((text, max) -> {
                    String longer = text + "x".repeat(max);
                    TicketingException e = assertThrows(TicketingException.class,
                            () -> Validation.text(longer, "summary", "Le résumé", max, false));
                    assertEquals("summary.too_long", e.code());
                });
    }
}
