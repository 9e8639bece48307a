package fr.guichet.http;

import fr.guichet.core.application.ManageSettings;
import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.person.Person;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The handlers of the settings an administrator changes at run time (HTTP-API.md, "Administration"): read with their
 * ETag, changed with If-Match; administrators only.
 */
final class AdminSettingsEndpoints {

    private final Endpoints.Shared shared;

    AdminSettingsEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.get(GuichetHttpApi.BASE + "/admin/settings", guarded.apply(this::settings));
        host.routes.patch(GuichetHttpApi.BASE + "/admin/settings", guarded.apply(this::change));
    }

    void settings(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        write(ctx, shared.ticketing().manageSettings().view(admin));
    }

    void change(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        SettingsBody body = shared.exchange().json(ctx, SettingsBody.class);
        write(ctx, shared.ticketing().manageSettings().change(admin, new ManageSettings.Changes(
                body.reopenWindowDays(), body.autoCloseWaitingDays(), body.retentionSchoolYears(), body.mailDomains()),
                Exchange.ifMatchFingerprint(ctx)));
    }

    private void write(Context ctx, ManageSettings.View view) {
        shared.exchange().writeTagged(ctx, 200, view.snapshot(), SettingsView.of(view));
    }

    /** A change of the settings: any of them, a missing one left as it is. */
    record SettingsBody(Integer reopenWindowDays, Integer autoCloseWaitingDays, Integer retentionSchoolYears,
            List<String> mailDomains) {
    }

    /** The settings in force, each with its value and whether the server's environment fixes it (read-only). */
    record SettingsView(Setting<Integer> reopenWindowDays, Setting<Integer> autoCloseWaitingDays,
            Setting<Integer> retentionSchoolYears, Setting<List<String>> mailDomains) {

        static SettingsView of(ManageSettings.View v) {
            return new SettingsView(
                    new Setting<>(v.reopenWindowDays(), v.isFixed(SettingName.REOPEN_WINDOW_DAYS)),
                    new Setting<>(v.autoCloseWaitingDays(), v.isFixed(SettingName.AUTO_CLOSE_WAITING_DAYS)),
                    new Setting<>(v.retentionSchoolYears(), v.isFixed(SettingName.RETENTION_SCHOOL_YEARS)),
                    new Setting<>(v.mailDomains().domains().stream().sorted().toList(),
                            v.isFixed(SettingName.MAIL_DOMAINS)));
        }
    }

    /** One setting: its value in force, and true when the environment fixes it. */
    record Setting<T>(T value, boolean readOnly) {
    }
}
