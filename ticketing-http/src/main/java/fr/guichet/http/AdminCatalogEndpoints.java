package fr.guichet.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.core.application.ManageCatalog;
import fr.guichet.core.application.ManageCatalog.CatalogNode;
import fr.guichet.core.application.ManageCatalog.TypeEntry;
import fr.guichet.core.application.NamedPerson;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.subject.Routing;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The handlers of the catalog's administration (HTTP-API.md, "Administration"): the whole subject tree and the request
 * types, inactive ones too, each node with its {@code etag} in the body (a list has one header for all); a creation
 * and a change answer the node with its ETag header, a change takes the If-Match of that node; administrators only.
 */
final class AdminCatalogEndpoints {

    private final Endpoints.Shared shared;

    AdminCatalogEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/admin/subjects", guarded.apply(this::subjects));
        host.routes.post(GuichetHttpApi.BASE + "/admin/subjects", guarded.apply(this::addSubject));
        host.routes.patch(GuichetHttpApi.BASE + "/admin/subjects/{code}", guarded.apply(this::changeSubject));
        host.routes.get(GuichetHttpApi.BASE + "/admin/request-types", guarded.apply(this::requestTypes));
        host.routes.post(GuichetHttpApi.BASE + "/admin/request-types", guarded.apply(this::addRequestType));
        host.routes.patch(GuichetHttpApi.BASE + "/admin/request-types/{code}",
                guarded.apply(this::changeRequestType));
    }

    void subjects(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        shared.exchange().write(ctx, 200, catalog().tree(admin).stream().map(AdminCatalogEndpoints::view).toList());
    }

    void addSubject(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        NewSubjectBody body = shared.exchange().json(ctx, NewSubjectBody.class);
        write(ctx, 201, catalog().addSubject(admin, new ManageCatalog.NewSubject(body.parent(), body.code(),
                body.label(), body.group(), body.specialists(), body.routing())));
    }

    void changeSubject(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        SubjectChangeBody body = shared.exchange().json(ctx, SubjectChangeBody.class);
        write(ctx, 200, catalog().changeSubject(admin, ctx.pathParam("code"), Exchange.ifMatchFingerprint(ctx),
                new ManageCatalog.SubjectChange(body.label(), body.active(), own(body.group(), "group"),
                        body.specialists(), own(body.routing(), "routing"), body.position(),
                        hours(body.firstAnswerHours(), "firstAnswerHours"),
                        hours(body.resolutionHours(), "resolutionHours"))));
    }

    void requestTypes(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        shared.exchange().write(ctx, 200, catalog().requestTypes(admin).stream().map(AdminCatalogEndpoints::view)
                .toList());
    }

    void addRequestType(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        NewTypeBody body = shared.exchange().json(ctx, NewTypeBody.class);
        write(ctx, 201, catalog().addRequestType(admin, body.code(), body.label()));
    }

    void changeRequestType(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        TypeChangeBody body = shared.exchange().json(ctx, TypeChangeBody.class);
        write(ctx, 200, catalog().changeRequestType(admin, ctx.pathParam("code"), Exchange.ifMatchFingerprint(ctx),
                new ManageCatalog.TypeChange(body.label(), body.active(), body.position())));
    }

    private ManageCatalog catalog() {
        return shared.ticketing().manageCatalog();
    }

    /** A subject's own setting from a body: absent is unchanged (null), JSON null inherits, text is the value. */
    private static ManageCatalog.Own own(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return new ManageCatalog.Own(null);
        }
        if (!node.isTextual()) {
            throw DomainError.invalid(field, "body.field.type", "Ce champ n'a pas le bon type.").exception();
        }
        return new ManageCatalog.Own(node.textValue());
    }

    /** A subject's own target from a body: absent is unchanged (null), JSON null inherits, an integer is the value. */
    private static ManageCatalog.OwnHours hours(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return new ManageCatalog.OwnHours(null);
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw DomainError.invalid(field, "body.field.type", "Ce champ n'a pas le bon type.").exception();
        }
        return new ManageCatalog.OwnHours(node.intValue());
    }

    private void write(Context ctx, int status, CatalogNode node) {
        shared.exchange().writeTagged(ctx, status, node.snapshot(), view(node));
    }

    private void write(Context ctx, int status, TypeEntry type) {
        shared.exchange().writeTagged(ctx, status, type.snapshot(), view(type));
    }

    private static SubjectNodeView view(CatalogNode node) {
        return new SubjectNodeView(node.subject().code().value(), node.subject().label(), node.subject().display(),
                node.subject().active(), node.offered(), node.position(), group(node.ownGroup()), group(node.group()),
                node.specialists().stream().map(AdminCatalogEndpoints::specialist).toList(),
                node.subject().ownRouting().map(Routing::name).orElse(null), node.routing().name(),
                node.subject().targets().firstAnswerHours(), node.subject().targets().resolutionHours(),
                node.targets().firstAnswerHours(), node.targets().resolutionHours(), node.snapshot().fingerprint(), node.children().stream().map(AdminCatalogEndpoints::view).toList());
    }

    private static GroupRef group(SupportGroup group) {
        return group == null ? null : new GroupRef(group.code().value(), group.label());
    }

    private static SpecialistView specialist(NamedPerson p) {
        return new SpecialistView(p.identifier(), p.displayName());
    }

    private static RequestTypeView view(TypeEntry entry) {
        return new RequestTypeView(entry.type().code(), entry.type().label(), entry.type().active(), entry.position(),
                entry.snapshot().fingerprint());
    }

    /** A new subject under {@code parent}; without {@code code}, the number after the parent's highest child's. */
    record NewSubjectBody(String parent, String code, String label, String group, List<String> specialists,
            String routing) {
    }

    /**
     * A change of a subject, a missing field left as it is; {@code group}, {@code routing}, {@code firstAnswerHours}
     * and {@code resolutionHours} set to null inherit the parent's; {@code position} is the rank among the siblings, 1
     * for first; the targets are whole working hours, 1 to 2,000.
     */
    record SubjectChangeBody(String label, Boolean active, JsonNode group, List<String> specialists, JsonNode routing,
            Integer position, JsonNode firstAnswerHours, JsonNode resolutionHours) {
    }

    /** A new request type, added last. */
    record NewTypeBody(String code, String label) {
    }

    /** A change of a request type, a missing field left as it is; {@code position} is its rank, 1 for first. */
    record TypeChangeBody(String label, Boolean active, Integer position) {
    }

    /**
     * A subject for its administrator: {@code active} is its own flag, {@code offered} whether requesters see it (it
     * and its ancestors active); {@code group}, {@code routing}, {@code firstAnswerHours} and {@code resolutionHours}
     * are its own (null: inherited), the {@code effective} ones those it uses (targets null: none);
     * {@code etag} is what an If-Match on it names.
     */
    record SubjectNodeView(String code, String label, String display, boolean active, boolean offered, int position,
            GroupRef group, GroupRef effectiveGroup, List<SpecialistView> specialists, String routing,
            String effectiveRouting, Integer firstAnswerHours, Integer resolutionHours,
            Integer effectiveFirstAnswerHours, Integer effectiveResolutionHours, String etag,
            List<SubjectNodeView> children) {
    }

    /** A support group named. */
    record GroupRef(String code, String label) {
    }

    /** A specialist named (by identifier alone when the directory no longer knows them). */
    record SpecialistView(String identifier, String displayName) {
    }

    /** A request type for its administrator, with its rank and the fingerprint an If-Match names. */
    record RequestTypeView(String code, String label, boolean active, int position, String etag) {
    }
}
