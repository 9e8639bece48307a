package fr.guichet.core.domain.request;

import static fr.guichet.core.domain.request.RequestGenerators.fileNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class StoredNamePropertiesTest {

    /** What a desktop opens a downloaded file as, by its extension: the oracle, written apart from the code. */
    private static final Map<String, String> OPENS_AS = Map.ofEntries(
            Map.entry("pdf", MediaTypes.PDF), Map.entry("png", MediaTypes.PNG), Map.entry("jpg", MediaTypes.JPEG),
            Map.entry("jpeg", MediaTypes.JPEG), Map.entry("gif", MediaTypes.GIF), Map.entry("webp", MediaTypes.WEBP),
            Map.entry("txt", MediaTypes.TEXT), Map.entry("text", MediaTypes.TEXT), Map.entry("log", MediaTypes.TEXT),
            Map.entry("ini", MediaTypes.TEXT), Map.entry("md", MediaTypes.TEXT), Map.entry("csv", MediaTypes.CSV),
            Map.entry("html", MediaTypes.HTML), Map.entry("htm", MediaTypes.HTML), Map.entry("zip", MediaTypes.ZIP),
            Map.entry("docx", MediaTypes.DOCX), Map.entry("xlsx", MediaTypes.XLSX), Map.entry("pptx", MediaTypes.PPTX),
            Map.entry("odt", MediaTypes.ODT), Map.entry("ods", MediaTypes.ODS), Map.entry("odp", MediaTypes.ODP),
            Map.entry("doc", MediaTypes.DOC), Map.entry("xls", MediaTypes.XLS),
            Map.entry("bin", MediaTypes.OCTET_STREAM));

    /** Every type {@link MediaTypes#detect} answers, whether an allow-list takes it or not. */
    private static final Gen<String> TYPES = Generate.pick(OPENS_AS.values().stream().distinct().sorted().toList());

    private static final Gen<String> EXTENSIONS = Generate.pick(List.of("", ".", "..", ".pdf", ".PDF", ".txt",
            ".html", ".HTM", ".svg", ".xhtml", ".js", ".hta", ".exe", ".jpeg", ".jpg", ".png", ".docx", ".zip", ".csv",
            ".ini", ".2024", ". txt", ".txt ", ".tar.gz", ".html.", ".pdf.html"));

    /** Names as people send them: anything at all, or a base name with an extension, proper or not. */
    private static Gen<String> names() {
        Gen<String> bases = strings().betweenCodePoints(0x20, 0x17F).ofLengthBetween(1, 130);
        return Generate.oneOf(fileNames(), bases.zip(EXTENSIONS, (base, ext) -> base + ext));
    }

    @Test
    void the_stored_name_ends_with_an_extension_that_opens_as_the_detected_type() {
        qt().withExamples(5000).forAll(names(), TYPES).checkAssert((name, type) -> {
            String stored = MediaTypes.storedName(name, type);
            assertEquals(type, OPENS_AS.get(extension(stored)), () -> stored + " from " + name);
        });
    }

    @Test
    void the_stored_name_is_a_sanitised_name_and_storing_it_again_changes_nothing() {
        qt().withExamples(3000).forAll(names(), TYPES).checkAssert((name, type) -> {
            String stored = MediaTypes.storedName(name, type);
            assertEquals(stored, FileName.sanitise(stored), () -> "from " + name);
            assertEquals(stored, MediaTypes.storedName(stored, type), () -> "from " + name);
        });
    }

    @Test
    void a_name_whose_extension_already_agrees_with_the_type_is_kept() {
        Gen<String> proper = Generate.pick(OPENS_AS.keySet().stream().sorted().toList());
        qt().forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 60), proper).checkAssert((base, ext) ->
                assertEquals(base + "." + ext, MediaTypes.storedName(base + "." + ext, OPENS_AS.get(ext))));
    }

    @Test
    void an_extension_of_another_type_is_replaced_and_an_unknown_one_is_kept_before_the_proper_one() {
        assertEquals("consignes.txt", MediaTypes.storedName("consignes.html", MediaTypes.TEXT));
        assertEquals("photo.png", MediaTypes.storedName("photo.jpg", MediaTypes.PNG));
        assertEquals("compte rendu 12.03.2024.txt", MediaTypes.storedName("compte rendu 12.03.2024", MediaTypes.TEXT));
        assertEquals("dessin.svg.txt", MediaTypes.storedName("dessin.svg", MediaTypes.TEXT));
        assertEquals("outil.jar.zip", MediaTypes.storedName("outil.jar", MediaTypes.ZIP));
        assertEquals("notes.txt", MediaTypes.storedName("notes.", MediaTypes.TEXT));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
