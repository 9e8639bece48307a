package fr.guichet.http;

import fr.guichet.core.application.AnswerSatisfaction;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The satisfaction survey (HTTP-API.md, "The académie's figures"): anyone with the link of a resolution mail answers
 * once, without signing in, the token being the key (204, then 409; 404 for an unknown, forged or expired token);
 * staff read a request's answer (204 when nobody answered).
 */
final class SatisfactionEndpoints {

    /** A survey answer is a score and a short comment. */
    private static final long BODY_BYTES = 16 * 1024;

    private final Endpoints.Shared shared;

    SatisfactionEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        host.routes.post(GuichetHttpApi.BASE + "/satisfaction/{token}", guarded.apply(this::answer));
        host.routes.get(GuichetHttpApi.BASE + "/requests/{number}/satisfaction", guarded.apply(this::read));
    }

    void answer(Context ctx) {
        AnswerBody body = shared.exchange().json(ctx, AnswerBody.class, BODY_BYTES);
        survey().answer(ctx.pathParam("token"), body.score(), body.comment());
        ctx.status(204);
    }

    void read(Context ctx) {
        Person staff = shared.sessions().require(ctx);
        Optional<SatisfactionAnswer> answer = survey().of(staff, Endpoints.number(ctx));
        if (answer.isEmpty()) {
            ctx.status(204);
            return;
        }
        SatisfactionAnswer a = answer.get();
        shared.exchange().write(ctx, 200, new AnswerView(a.score(), a.comment(), shared.views().time(a.answeredAt())));
    }

    private AnswerSatisfaction survey() {
        return shared.ticketing().answerSatisfaction();
    }

    /** An answer to the survey: a score from 1 to 5 and an optional comment. */
    record AnswerBody(Integer score, String comment) {
    }

    /** A request's answer as staff read it; {@code comment} is null when none was given or it was anonymised. */
    record AnswerView(int score, String comment, OffsetDateTime answeredAt) {
    }
}
