package fr.guichet.http;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The handlers of the administration's audit trail (HTTP-API.md, "Administration"); administrators only. */
final class AdminEndpoints {

    private final Endpoints.Shared shared;

    AdminEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/admin/audit", guarded.apply(this::audit));
    }

    void audit(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        Page<AuditView> page = shared.ticketing().listAudit().list(admin, ListParameters.pageRequest(ctx))
                .map(this::entry);
        shared.exchange().write(ctx, 200, new Views.PageView<>(page.items(), page.page(), page.size(),
                page.total(), page.totalExact()));
    }

    private AuditView entry(AuditEntry e) {
        return new AuditView(shared.views().time(e.at()),
                new ActorView(e.by().id().value(), e.by().name().display()), e.action(),
                new TargetView(e.target().kind(), e.target().key(), e.target().label()),
                e.before().isNone() ? null : e.before().fields(), e.after().isNone() ? null : e.after().fields());
    }

    /** One audit entry: who acted, on what, and the target's fields before and after (null: it did not exist). */
    record AuditView(OffsetDateTime at, ActorView by, String action, TargetView target,
            Map<String, String> before, Map<String, String> after) {
    }

    /** The administrator who made a change, as named then. */
    record ActorView(String identifier, String displayName) {
    }

    /** What a change was made to. */
    record TargetView(String kind, String key, String label) {
    }
}
