package fr.guichet.jdbc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.CatalogStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a subject catalog from a JSON file, so that a catalog is data; the sample {@code sample-catalog.json} beside
 * this class shows the format:
 *
 * <pre>{@code
 * {
 *   "requestTypes": [ { "code": "USAGE", "label": "difficulté d'utilisation/installation" } ],
 *   "subjects": [
 *     { "code": "EVE-4", "label": "Applications Disciplinaires", "supportGroup": "PLATEFORME",
 *       "routing": "GROUP_QUEUE" },
 *     { "code": "EVE-4.2", "label": "Mathenpoche", "specialists": ["specialiste-mep"] },
 *     { "code": "EVE-4.3", "label": "LaboMep", "supportGroup": "EVE", "routing": "FEWEST_OPEN" },
 *     { "code": "EVE-4.1", "label": "Sésamath", "active": false }
 *   ]
 * }
 * }</pre>
 *
 * A subject or request type is active unless {@code "active": false}; a subject's {@code position} (0 when absent)
 * orders it among its siblings, equal positions by code; without {@code supportGroup} it inherits its parent's; without
 * {@code routing} it inherits its parent's, a root without one being {@code FEWEST_OPEN}: {@code GROUP_QUEUE} keeps
 * its new requests NEW in its group's queue until a member takes one, {@code FEWEST_OPEN} gives each straight to the
 * member with the fewest open requests. Unknown properties and routings are refused. A file that does not parse, or a
 * catalog that is not whole, is refused as INVALID with the field {@code catalog}.
 */
public final class CatalogFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogFile() {
    }

    /** The catalog in a JSON document, validated whole; the stream is read to its end but not closed. */
    public static SubjectCatalog read(InputStream json) {
        Document document;
        try {
            document = JSON.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw DomainError.invalid("catalog", "catalog.unreadable", "Le fichier du catalogue est illisible "
                    + "(ligne " + e.getLocation().getLineNr() + ") : " + e.getOriginalMessage()).exception();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (document == null) {
            throw DomainError.invalid("catalog", "catalog.unreadable", "Le fichier du catalogue est vide.")
                    .exception();
        }
        return SubjectCatalog.of(
                document.subjects().stream().map(SubjectEntry::toSubject).toList(),
                document.requestTypes().stream().map(TypeEntry::toType).toList());
    }

    /** The catalog in a JSON file. */
    public static SubjectCatalog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON file and replaces the whole catalog of {@code store} with it, atomically; returns the catalog. */
    public static SubjectCatalog importInto(CatalogStore store, Path file) {
        SubjectCatalog catalog = read(file);
        store.replace(catalog);
        return catalog;
    }

    private record Document(List<TypeEntry> requestTypes, List<SubjectEntry> subjects) {
        @JsonCreator
        Document(@JsonProperty("requestTypes") List<TypeEntry> requestTypes,
                @JsonProperty("subjects") List<SubjectEntry> subjects) {
            this.requestTypes = requestTypes == null ? List.of() : requestTypes;
            this.subjects = subjects == null ? List.of() : subjects;
        }
    }

    private record TypeEntry(@JsonProperty("code") String code, @JsonProperty("label") String label,
            @JsonProperty("active") Boolean active) {

        RequestType toType() {
            return new RequestType(code, label, active == null || active);
        }
    }

    private record SubjectEntry(String code, String label, boolean active, String supportGroup,
            List<String> specialists, Routing routing, int position) {
        @JsonCreator
        SubjectEntry(@JsonProperty("code") String code, @JsonProperty("label") String label,
                @JsonProperty("active") Boolean active, @JsonProperty("supportGroup") String supportGroup,
                @JsonProperty("specialists") List<String> specialists, @JsonProperty("routing") Routing routing,
                @JsonProperty("position") Integer position) {
            this(code, label, active == null || active, supportGroup, specialists == null ? List.of() : specialists,
                    routing, position == null ? 0 : position);
        }

        Subject toSubject() {
            return new Subject(SubjectCode.parse(code), label, active,
                    supportGroup == null ? null : GroupCode.of(supportGroup),
                    specialists.stream().map(PersonId::of).toList(), routing, position);
        }
    }
}
