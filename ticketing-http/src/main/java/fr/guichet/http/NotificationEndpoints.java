package fr.guichet.http;

import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.Person;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.UnaryOperator;

/**
 * What a staff member is mailed ({@code /me/notifications}): read, and replaced whole by PUT; staff only. Deliveries
 * are the codes {@code EACH}, {@code DIGEST} and {@code NONE}; the digest's hour is read in {@code timeZone}.
 */
final class NotificationEndpoints {

    private final Endpoints.Shared shared;

    NotificationEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/me/notifications", guarded.apply(this::view));
        host.routes.put(GuichetHttpApi.BASE + "/me/notifications", guarded.apply(this::choose));
    }

    private void view(Context ctx) {
        Person staff = shared.sessions().require(ctx);
        write(ctx, shared.ticketing().chooseNotifications().current(staff));
    }

    private void choose(Context ctx) {
        Person staff = shared.sessions().require(ctx);
        PreferencesBody body = shared.exchange().json(ctx, PreferencesBody.class);
        write(ctx, shared.ticketing().chooseNotifications().choose(staff, body.newInGroups(), body.assignedToMe(),
                body.digestHour()));
    }

    private void write(Context ctx, NotificationPreferences chosen) {
        shared.exchange().write(ctx, 200, new PreferencesView(chosen.newInGroups().name(),
                chosen.assignedToMe().name(), chosen.digestHour(), shared.ticketing().settings().zone().getId()));
    }

    /** A choice, every field required. */
    record PreferencesBody(String newInGroups, String assignedToMe, Integer digestHour) {
    }

    /** The choice in force, with the time zone its hour is read in. */
    record PreferencesView(String newInGroups, String assignedToMe, int digestHour, String timeZone) {
    }
}
