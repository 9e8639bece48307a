package fr.guichet.http;

import fr.guichet.core.application.AnonymiseExpiredData;
import fr.guichet.core.domain.person.Person;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.UnaryOperator;

/**
 * The handler of the retention of personal data (HTTP-API.md, "Administration"): a dry run that counts what the
 * anonymisation would change, or a run now; administrators only.
 */
final class AdminRetentionEndpoints {

    private final Endpoints.Shared shared;

    AdminRetentionEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.post(GuichetHttpApi.BASE + "/admin/retention/run", guarded.apply(this::run));
    }

    void run(Context ctx) {
        Person admin = shared.sessions().require(ctx);
        boolean dryRun = ListParameters.flag(ctx.queryParam("dryRun"), "dryRun");
        AnonymiseExpiredData job = shared.ticketing().anonymiseExpiredData();
        shared.exchange().write(ctx, 200, ReportView.of(dryRun ? job.dryRun(admin) : job.run(admin)));
    }

    /** What a run changed or a dry run would change, and the first school year kept. */
    record ReportView(boolean dryRun, String keptFrom, String closedBefore, long requests, long files, long people,
            long outboxRows, long sessions, long passwordResets) {

        static ReportView of(AnonymiseExpiredData.Report r) {
            return new ReportView(r.dryRun(), r.keptFrom().toString(), r.keptFrom().firstDay().toString(),
                    r.requests(), r.files(), r.people(), r.outboxRows(), r.sessions(), r.passwordResets());
        }
    }
}
