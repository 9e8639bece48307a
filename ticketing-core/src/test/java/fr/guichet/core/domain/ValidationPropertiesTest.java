package fr.guichet.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ValidationPropertiesTest {

    /** Every C0 and C1 control character, and the Unicode line and paragraph separators. */
    private static final List<Integer> CONTROLS = controls();

    /** The bidirectional embeddings, overrides and isolates. */
    private static final List<Integer> BIDI = List.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
            0x2068, 0x2069);

    private static final Gen<String> TEXT = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(1, 60)
            .mix(strings().betweenCodePoints(0xA0, 0x2FF).ofLengthBetween(1, 60), 30)
            .assuming(s -> !s.isBlank());

    /** The texts a user types on a request, each with its field, label, length limit and whether it spans lines. */
    private static final List<TextValue> VALUES = List.of(
            new TextValue("summary", "Le résumé", 120, false, text -> new Summary(text).value()),
            new TextValue("description", "La description", 20_000, true, text -> new Description(text).value()),
            new TextValue("body", "Le message", 20_000, true, text -> new MessageBody(text).value()));

    private record TextValue(String field, String label, int max, boolean multiline, Function<String, String> make) {

        TicketingException refused(String text) {
            TicketingException e = assertThrows(TicketingException.class, () -> make.apply(text), field);
            assertEquals(ErrorKind.INVALID, e.kind());
            assertEquals(1, e.errors().size());
            assertEquals(field, e.errors().get(0).field());
            return e;
        }

        @Override
        public String toString() {
            return field;
        }
    }

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

    private static String insert(String text, int control, int at) {
        int i = Math.min(at, text.length());
        return text.substring(0, i) + Character.toString(control) + text.substring(i);
    }

    @Test
    void a_single_line_field_refuses_any_control_character_anywhere() {
        qt().forAll(TEXT, Generate.pick(CONTROLS), integers().between(0, 60)).checkAssert((text, control, at) -> {
            String typed = insert(text, control, at);
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
            String typed = insert(text, control, at);
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

    @Test
    void request_texts_keep_what_was_typed_exactly() {
        qt().forAll(Generate.pick(VALUES), TEXT)
                .checkAssert((value, text) -> assertEquals(text, value.make().apply(text)));
    }

    @Test
    void request_texts_refuse_controls_and_bidi_overrides_but_line_breaks_and_tabs_where_they_span_lines() {
        List<Integer> forbidden = new ArrayList<>(CONTROLS);
        forbidden.addAll(BIDI);
        qt().forAll(Generate.pick(VALUES), TEXT, Generate.pick(forbidden), integers().between(0, 60))
                .checkAssert((value, text, control, at) -> {
                    String typed = insert(text, control, at);
                    if (value.multiline() && (control == '\n' || control == '\r' || control == '\t')) {
                        assertEquals(typed, value.make().apply(typed));
                    } else {
                        TicketingException e = value.refused(typed);
                        assertEquals(value.field() + ".control_characters", e.code());
                        assertEquals(value.label() + " contient des caractères non autorisés.",
                                e.errors().get(0).message());
                    }
                });
    }

    @Test
    void request_texts_take_up_to_their_limit_counted_in_characters() {
        List<String> characters = List.of("a", "é", "😀", "𝔘", "\u3042");
        qt().forAll(Generate.pick(VALUES), integers().between(-3, 3), Generate.pick(characters))
                .checkAssert((value, beyond, character) -> {
                    int length = value.max() + beyond;
                    String typed = character.repeat(length);
                    if (beyond <= 0) {
                        assertEquals(typed, value.make().apply(typed));
                    } else {
                        TicketingException e = value.refused(typed);
                        assertEquals(value.field() + ".too_long", e.code());
                        assertEquals(value.label() + " ne doit pas dépasser " + value.max() + " caractères ("
                                + length + " saisis).", e.errors().get(0).message());
                    }
                });
    }

    @Test
    void request_texts_left_blank_are_refused_as_missing() {
        List<String> blanks = Arrays.asList(null, "", " ", "\n", " \t\r\n ", "\u3000");
        qt().forAll(Generate.pick(VALUES), Generate.pick(blanks)).checkAssert((value, blank) -> {
            TicketingException e = value.refused(blank);
            assertEquals(value.field() + ".required", e.code());
            assertEquals(value.label() + " est obligatoire.", e.errors().get(0).message());
        });
    }

    @Test
    void a_comment_left_blank_makes_no_message_and_any_other_is_a_message_body() {
        List<String> blanks = Arrays.asList(null, "", " ", "\n\t");
        qt().forAll(Generate.pick(blanks)).checkAssert(blank -> assertNull(MessageBody.comment(blank)));
        qt().forAll(TEXT).checkAssert(text -> assertEquals(new MessageBody(text), MessageBody.comment(text)));
        TicketingException e = assertThrows(TicketingException.class, () -> MessageBody.comment("x".repeat(20_001)));
        assertEquals("body.too_long", e.code());
    }
}
