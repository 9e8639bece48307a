package fr.guichet.http;

import fr.guichet.core.application.ManageGroups;
import fr.guichet.core.application.ManageGroups.GroupDetails;
import fr.guichet.core.domain.person.Person;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The handlers of the support groups' administration (HTTP-API.md, "Administration"): the list, each group with its
 * members and its {@code etag} in the body (a list has one header for all), a creation and a change answered with the
 * group's ETag header, a change taking If-Match; administrators only.
 */
final class AdminGroupsEndpoints {

    private final Endpoints.Shared shared;

    AdminGroupsEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/admin/groups", guarded.apply(this::groups));
        host.routes.post(GuichetHttpApi.BASE + "/admin/groups", guarded.apply(this::create));
        host.routes.patch(GuichetHttpApi.BASE + "/admin/groups/{code}", guarded.apply(this::change));
    }

    void groups(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        shared.exchange().write(ctx, 200, shared.ticketing().manageGroups().list(admin).stream()
                .map(AdminGroupsEndpoints::view).toList());
    }

    void create(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        NewGroupBody body = shared.exchange().json(ctx, NewGroupBody.class);
        write(ctx, 201, shared.ticketing().manageGroups().create(admin, body.code(), body.label()));
    }

    void change(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        GroupChangeBody body = shared.exchange().json(ctx, GroupChangeBody.class);
        write(ctx, 200, shared.ticketing().manageGroups().update(admin, ctx.pathParam("code"),
                Exchange.ifMatchFingerprint(ctx), new ManageGroups.GroupChange(body.label(), body.members())));
    }

    private void write(Context ctx, int status, GroupDetails group) {
        shared.exchange().writeTagged(ctx, status, group.snapshot(), view(group));
    }

    private static AdminGroupView view(GroupDetails group) {
        return new AdminGroupView(group.group().code().value(), group.group().label(), group.members().stream()
                .map(p -> new MemberView(p.id().value(), p.name().display(), p.name().listed())).toList(),
                group.snapshot().fingerprint());
    }

    /** A new group: its code and label. */
    record NewGroupBody(String code, String label) {
    }

    /** A change of a group: its label, its members' identifiers (the whole list), a missing one left as it is. */
    record GroupChangeBody(String label, List<String> members) {
    }

    /** A group with its active members and the fingerprint an If-Match names. */
    record AdminGroupView(String code, String label, List<MemberView> members, String etag) {
    }

    /** A person as a list of members names them. */
    record MemberView(String identifier, String displayName, String listedName) {
    }
}
