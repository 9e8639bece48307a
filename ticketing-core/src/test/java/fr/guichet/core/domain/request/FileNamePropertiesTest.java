package fr.guichet.core.domain.request;

import static fr.guichet.core.domain.request.RequestGenerators.fileNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class FileNamePropertiesTest {

    @Test
    void a_sanitised_name_has_no_control_or_format_character_no_path_and_no_leading_dot() {
        qt().withExamples(3000).forAll(fileNames()).checkAssert(name -> {
            String clean = FileName.sanitise(name);
            assertFalse(clean.isBlank(), "never empty");
            assertTrue(clean.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                    || c == 0x2028 || c == 0x2029), () -> "controls in " + escape(clean));
            assertFalse(clean.contains("/") || clean.contains("\\"), () -> "path in " + escape(clean));
            assertFalse(clean.startsWith("."), () -> "leading dot in " + escape(clean));
            assertEquals(clean.strip(), clean, () -> "surrounding spaces in " + escape(clean));
            assertTrue(clean.codePointCount(0, clean.length()) <= 120, () -> "too long: " + escape(clean));
            assertTrue(Normalizer.isNormalized(clean, Normalizer.Form.NFC), () -> "not NFC: " + escape(clean));
        });
    }

    @Test
    void sanitising_twice_changes_nothing() {
        qt().withExamples(3000).forAll(fileNames()).checkAssert(name -> {
            String once = FileName.sanitise(name);
            assertEquals(escape(once), escape(FileName.sanitise(once)), () -> "from " + escape(name));
        });
    }

    @Test
    void a_character_that_normalises_to_a_forbidden_one_is_removed_at_once() {
        assertEquals("!!!", FileName.sanitise("!!!\u037e"));
    }

    @Test
    void a_plain_name_is_kept_as_it_is() {
        qt().forAll(org.quicktheories.generators.SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 60),
                org.quicktheories.generators.Generate.pick(java.util.List.of(".pdf", ".png", ".docx", "", ".tar.gz")))
                .checkAssert((base, ext) -> assertEquals(base + ext, FileName.sanitise(base + ext)));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
                : String.format("\\u{%x}", c)));
        return out.toString();
    }
}
