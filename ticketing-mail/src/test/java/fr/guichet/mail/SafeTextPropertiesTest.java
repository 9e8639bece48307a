package fr.guichet.mail;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

/** Whatever a user types, what reaches a header, a body or the HTML part is safe there. */
class SafeTextPropertiesTest {

    @Test
    void a_header_value_is_one_line_with_no_control_or_format_character() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 120)).check(s -> {
            String h = SafeText.header(s);
            return h.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE)
                    && h.equals(h.strip()) && !h.contains("  ") && SafeText.header(h).equals(h);
        });
    }

    @Test
    void a_body_keeps_only_newlines_and_tabs_of_the_control_characters_and_no_bidi_override() {
        qt().forAll(strings().betweenCodePoints(0, 0x206F).ofLengthBetween(0, 200)).check(s -> {
            String b = SafeText.body(s);
            return b.codePoints().allMatch(c -> c == '\n' || c == '\t' || Character.getType(c) != Character.CONTROL)
                    && b.codePoints().noneMatch(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069);
        });
    }

    @Test
    void html_text_opens_no_tag_and_no_attribute() {
        qt().forAll(strings().betweenCodePoints(0, 0x7F).ofLengthBetween(0, 200)).check(s -> {
            String h = SafeText.html(s).replace("<br>", "");
            return h.indexOf('<') < 0 && h.indexOf('>') < 0 && h.indexOf('"') < 0 && h.indexOf('\'') < 0;
        });
    }
}
