package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON catalog file format, and its import into a store. */
class CatalogFileTest {

    @TempDir
    Path directory;

    @Test
    void the_sample_file_is_the_seed_catalog() throws Exception {
        try (InputStream in = CatalogFile.class.getResourceAsStream("sample-catalog.json")) {
            SubjectCatalog read = CatalogFile.read(in);
            assertEquals(Fixtures.catalog().all(), read.all());
            assertEquals(Fixtures.catalog().requestTypes(), read.requestTypes());
        }
    }

    @Test
    void importing_a_file_replaces_the_stored_catalog() throws Exception {
        Path file = directory.resolve("catalogue.json");
        Files.writeString(file, "{\"requestTypes\": [{\"code\": \"INFO\", \"label\": \"demande d'information\"}],"
                + "\"subjects\": [{\"code\": \"ENT-1\", \"label\": \"ENT « lycées »\", \"supportGroup\": \"PLATEFORME\"}]}");
        TestDatabase.Node node = TestDatabase.of(TestDatabase.Kind.H2).node();
        SubjectCatalog imported = CatalogFile.importInto(node.catalog(), file);
        assertEquals(imported.all(), node.catalog().catalog().all());
        assertEquals("ENT « lycées »", node.catalog().catalog().all().get(0).label());
    }

    @Test
    void a_malformed_file_or_an_incomplete_catalog_is_invalid() {
        TicketingException unreadable = assertThrows(TicketingException.class, () -> read("{\"subjects\": [}"));
        assertEquals("catalog.unreadable", unreadable.code());
        TicketingException unknownProperty = assertThrows(TicketingException.class,
                () -> read("{\"subjects\": [], \"colour\": \"bleu\"}"));
        assertEquals(ErrorKind.INVALID, unknownProperty.kind());
        TicketingException orphan = assertThrows(TicketingException.class, () -> read(
                "{\"subjects\": [{\"code\": \"EVE-4.2\", \"label\": \"Mathenpoche\", \"supportGroup\": \"EVE\"}]}"));
        assertEquals("catalog.orphan", orphan.code());
    }

    @Test
    void a_subjects_routing_is_read_and_inherited_and_an_unknown_one_is_refused() {
        SubjectCatalog catalog = read("{\"subjects\": ["
                + "{\"code\": \"RES-5\", \"label\": \"Réseau\", \"supportGroup\": \"PLATEFORME\", "
                + "\"routing\": \"GROUP_QUEUE\"},"
                + "{\"code\": \"RES-5.1\", \"label\": \"Connexion internet\"},"
                + "{\"code\": \"RES-5.2\", \"label\": \"Poste de travail\", \"routing\": \"FEWEST_OPEN\"},"
                + "{\"code\": \"ENT-2\", \"label\": \"ENT\", \"supportGroup\": \"PLATEFORME\"}]}");
        assertEquals(List.of(Routing.FEWEST_OPEN, Routing.GROUP_QUEUE, Routing.GROUP_QUEUE, Routing.FEWEST_OPEN),
                catalog.all().stream().map(catalog::routingOf).toList());
        assertEquals(Optional.empty(), catalog.find(SubjectCode.parse("RES-5.1")).orElseThrow().ownRouting());
        TicketingException unknown = assertThrows(TicketingException.class, () -> read("{\"subjects\": ["
                + "{\"code\": \"RES-5\", \"label\": \"Réseau\", \"supportGroup\": \"PLATEFORME\", "
                + "\"routing\": \"AU_HASARD\"}]}"));
        assertEquals("catalog.unreadable", unknown.code());
    }

    @Test
    void positions_order_siblings_and_a_request_type_may_be_inactive() {
        SubjectCatalog catalog = read("{\"requestTypes\": [{\"code\": \"USAGE\", \"label\": \"usage\"},"
                + "{\"code\": \"INFO\", \"label\": \"information\", \"active\": false}],"
                + "\"subjects\": [{\"code\": \"RES-5\", \"label\": \"Réseau\", \"supportGroup\": \"PLATEFORME\"},"
                + "{\"code\": \"RES-5.1\", \"label\": \"Connexion internet\", \"position\": 2},"
                + "{\"code\": \"RES-5.2\", \"label\": \"Poste de travail\", \"position\": 1}]}");
        assertEquals(List.of("RES-5.2", "RES-5.1"), catalog.children(SubjectCode.parse("RES-5")).stream()
                .map(s -> s.code().value()).toList());
        assertEquals(List.of("USAGE"), catalog.activeRequestTypes().stream().map(t -> t.code()).toList());
        assertEquals(2, catalog.requestTypes().size());
    }

    private static SubjectCatalog read(String json) {
        return CatalogFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
