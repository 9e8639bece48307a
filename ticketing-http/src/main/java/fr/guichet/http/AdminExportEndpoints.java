package fr.guichet.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import fr.guichet.core.application.ExportPersonData;
import fr.guichet.core.application.ExportPersonData.ExportedFile;
import fr.guichet.core.application.ExportPersonData.PersonData;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export of one person's data (right of access; HTTP-API.md, "Administration"), administrators only: a ZIP written
 * straight to the response, {@code personne.json}, the files under {@code fichiers/<request number>/}, one at a time,
 * and {@code demandes.json}.
 */
final class AdminExportEndpoints {

    static final String MEDIA_TYPE = "application/zip";

    private final Endpoints.Shared shared;
    private final ObjectWriter json = Json.newMapper().writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    AdminExportEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/admin/people/{identifier}/export", guarded.apply(this::export));
    }

    void export(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        PersonId id = AdminPeopleEndpoints.identifier(ctx);
        ExportPersonData export = shared.ticketing().exportPersonData();
        PersonData data = export.gather(admin, id);
        ctx.disableCompression();
        ctx.status(200);
        ctx.contentType(MEDIA_TYPE);
        ctx.header("Content-Disposition", ContentDisposition.attachment("guichet-" + id.value() + ".zip"));
        ctx.header("Cache-Control", "no-store");
        try (ZipOutputStream zip = new ZipOutputStream(ctx.outputStream())) {
            entry(zip, "personne.json", person(data.person()));
            if (data.notifications() != null) {
                entry(zip, "notifications.json", data.notifications());
            }
            List<FileView> files = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (ExportedFile file : data.files()) {
                files.add(file(zip, export, file, taken));
            }
            entry(zip, "demandes.json", new RequestsView(
                    data.filed().stream().map(shared.views()::request).toList(),
                    data.written().stream().map(w -> new WrittenView(w.request().display(),
                            shared.views().message(w.message()))).toList(),
                    files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void entry(ZipOutputStream zip, String name, Object body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        json.writeValue(zip, body);
        zip.closeEntry();
    }

    /** Copies one file into the ZIP under a name of its own, unless the store no longer has it (then no path). */
    private static FileView file(ZipOutputStream zip, ExportPersonData export, ExportedFile file, Set<String> taken)
            throws IOException {
        String number = file.request().display();
        Optional<InputStream> content = export.open(file.attachment());
        String path = null;
        if (content.isPresent()) {
            path = unique("fichiers/" + number + "/" + entryName(file.attachment().name()), taken);
            try (InputStream in = content.get()) {
                zip.putNextEntry(new ZipEntry(path));
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return new FileView(number, file.attachment().id().toString(), file.attachment().name(), path);
    }

    /** A file name that stays one entry of its folder: no separator, no parent, no control character. */
    static String entryName(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            boolean unsafe = c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0;
            out.append(unsafe ? '_' : c);
        }
        String safe = out.toString().strip().replaceAll("^\\.+", "_");
        return safe.isEmpty() ? "fichier" : safe;
    }

    /** {@code path}, or the same with " (2)", " (3)"… before its extension when another file already has it. */
    private static String unique(String path, Set<String> taken) {
        String candidate = path;
        int dot = path.lastIndexOf('.');
        boolean extension = dot > path.lastIndexOf('/') + 1;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = extension ? path.substring(0, dot) + " (" + n + ")" + path.substring(dot)
                    : path + " (" + n + ")";
        }
        return candidate;
    }

    private static PersonRecordView person(Person p) {
        return new PersonRecordView(p.id().value(), p.email().value(), p.name().given(), p.name().family(),
                p.establishmentCode().map(Uai::value).orElse(null),
                p.roles().stream().map(Role::name).sorted().toList(),
                p.groups().stream().map(GroupCode::value).sorted().toList(), p.active());
    }

    /** The person's record as Guichet keeps it. */
    record PersonRecordView(String identifier, String email, String givenName, String familyName,
            String establishment, List<String> roles, List<String> groups, boolean active) {
    }

    /**
     * The requests the person filed as they see them, the messages they wrote on requests of others, and where each
     * file is in the ZIP (null: no longer stored).
     */
    record RequestsView(List<Views.RequestView> requests, List<WrittenView> messagesOnOtherRequests,
            List<FileView> files) {
    }

    /** A message the person wrote on a request they did not file. */
    record WrittenView(String request, Views.MessageView message) {
    }

    /** One file of the export and its path in the ZIP. */
    record FileView(String request, String attachmentId, String name, String path) {
    }
}
