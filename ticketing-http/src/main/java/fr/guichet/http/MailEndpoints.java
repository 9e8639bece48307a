package fr.guichet.http;

import fr.guichet.core.application.MessagePosted;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.mail.MailReasons;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The mail Guichet kept for staff (HTTP-API.md, "Courrier non rattaché"): the unattached and the ignored mail, newest
 * first, one mail, filing one away and posting one on a request. Staff only.
 */
final class MailEndpoints {

    private static final int EXCERPT = 200;

    private final Endpoints.Shared shared;

    MailEndpoints(Endpoints.Shared shared) {
        this.shared = shared;
    }

    void mount(JavalinConfig host, UnaryOperator<Handler> guarded) {
        String base = GuichetHttpApi.BASE + "/mail";
        host.routes.get(base + "/unattached", guarded.apply(ctx -> list(ctx, MailOutcome.UNATTACHED)));
        host.routes.get(base + "/ignored", guarded.apply(ctx -> list(ctx, MailOutcome.IGNORED)));
        host.routes.get(base + "/unattached/{id}", guarded.apply(this::view));
        host.routes.post(base + "/unattached/{id}/handled", guarded.apply(this::markHandled));
        host.routes.post(base + "/unattached/{id}/attach", guarded.apply(this::attach));
    }

    private void list(Context ctx, MailOutcome outcome) {
        Person staff = shared.sessions().require(ctx);
        Page<MailLineView> page = shared.ticketing().unattachedMail()
                .list(staff, outcome, ListParameters.pageRequest(ctx)).map(this::line);
        shared.exchange().write(ctx, 200, new Views.PageView<>(page.items(), page.page(), page.size(),
                page.total(), page.totalExact()));
    }

    private void view(Context ctx) {
        Person staff = shared.sessions().require(ctx);
        LoggedMail mail = shared.ticketing().unattachedMail().view(staff, id(ctx));
        MailLineView line = line(mail);
        shared.exchange().write(ctx, 200, new MailView(line.id(), line.receivedAt(), line.sender(), line.subject(),
                mail.text(), line.reason(), line.reasonLabel(), line.request(), shared.views().time(mail.handledAt()),
                mail.handled() ? mail.handledBy().value() : null));
    }

    private void markHandled(Context ctx) {
        Person staff = shared.sessions().require(ctx);
        shared.ticketing().unattachedMail().markHandled(staff, id(ctx));
        ctx.status(204);
    }

    private void attach(Context ctx) {
        Person staff = shared.sessions().require(ctx);
        UUID id = id(ctx);
        Bodies.Attach body = shared.exchange().json(ctx, Bodies.Attach.class);
        RequestNumber number = requestNumber(body.number());
        MessagePosted posted = shared.ticketing().unattachedMail().attach(staff, id, number);
        shared.exchange().write(ctx, 200, new AttachedView(number.display(),
                shared.views().message(posted.message())));
    }

    private MailLineView line(LoggedMail m) {
        String text = m.text() == null ? "" : m.text();
        String excerpt = text.codePointCount(0, text.length()) <= EXCERPT ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT)) + "…";
        return new MailLineView(m.id().toString(), shared.views().time(m.receivedAt()), m.sender(), m.subject(),
                excerpt, m.reason(), MailReasons.french(m.reason()),
                m.requestNumber().map(RequestNumber::display).orElse(null), m.handled());
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw TicketingException.notFound("mail.not_found", "Ce courriel est introuvable.");
        }
    }

    private static RequestNumber requestNumber(String value) {
        try {
            return RequestNumber.parse(value == null ? "" : value.strip());
        } catch (TicketingException e) {
            throw DomainError.invalid("number", "request.number.invalid", "Le numéro de demande est invalide.")
                    .exception();
        }
    }

    /** A mail of the list: when, from whom, about what, the start of its text and why it was kept. */
    record MailLineView(String id, OffsetDateTime receivedAt, String sender, String subject, String excerpt,
            String reason, String reasonLabel, String request, boolean handled) {
    }

    /** One mail whole, with who filed it away and when, if anyone did. */
    record MailView(String id, OffsetDateTime receivedAt, String sender, String subject, String text, String reason,
            String reasonLabel, String request, OffsetDateTime handledAt, String handledBy) {
    }

    /** The request a mail was posted on and the message it became. */
    record AttachedView(String request, Views.MessageView message) {
    }
}
