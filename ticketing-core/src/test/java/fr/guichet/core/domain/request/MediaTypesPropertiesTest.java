package fr.guichet.core.domain.request;

import static fr.guichet.core.domain.request.RequestGenerators.markup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MediaTypesPropertiesTest {

    private static final Gen<String> NAMES = Generate.pick(List.of("notes.txt", "liste.csv", "rapport.pdf",
            "image.png", "page.html", "sans-extension", "archive.zip", "document.docx"));

    @Test
    void markup_is_never_plain_text_whatever_its_name() {
        qt().withExamples(3000).forAll(markup(), NAMES).checkAssert((text, name) -> {
            String type = detect(text, name);
            assertFalse(type.equals(MediaTypes.TEXT) || type.equals(MediaTypes.CSV),
                    () -> type + " for " + name + ": " + text);
            assertFalse(MediaTypes.DEFAULT_ALLOWED.contains(type), () -> type + " is allowed: " + text);
        });
    }

    @Test
    void ordinary_text_is_plain_text() {
        Gen<String> words = strings().betweenCodePoints(0x20, 0x17F).ofLengthBetween(1, 500)
                .map(s -> s.replace('<', '(')).assuming(s -> !s.toLowerCase(java.util.Locale.ROOT).contains("javascript:"));
        qt().forAll(words).checkAssert(text -> assertEquals(MediaTypes.TEXT, detect(text, "notes.txt")));
    }

    @Test
    void a_document_is_known_by_its_first_bytes_not_its_name() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 100), NAMES).checkAssert((rest, name) -> {
            assertEquals(MediaTypes.PDF, detect("%PDF-1.7\n" + rest, name));
            assertEquals(MediaTypes.GIF, detect("GIF89a" + rest, name));
        });
    }

    private static String detect(String text, String name) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, MediaTypes.HEAD));
        return MediaTypes.detect(head, head.length, name);
    }
}
