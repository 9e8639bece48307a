package fr.guichet.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.core.application.AttachmentContent;
import fr.guichet.core.application.FilledAnswer;
import fr.guichet.core.application.Filing;
import fr.guichet.core.application.MessagePosted;
import fr.guichet.core.application.RequestDetails;
import fr.guichet.core.application.SignIn;
import fr.guichet.core.application.SignedIn;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.Upload;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.port.Page;
import fr.guichet.core.application.RequestLine;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The handlers of HTTP-API.md: each reads its input, calls one use case and writes its answer. */
final class Endpoints {

    private static final Pattern STRONG_ETAG = Pattern.compile("\"([0-9]{1,18})\"");
    /** A sign-in body holds two fields of at most {@link SignIn#MAX_INPUT_LENGTH} characters: 8 KiB is ample. */
    private static final long SIGN_IN_BODY_BYTES = 8 * HttpConfig.KIB;

    private final Ticketing ticketing;
    private final HttpConfig config;
    private final ReadinessCheck readiness;
    private final ObjectMapper mapper;
    private final Views views;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final PasswordResetThrottle resetThrottle;
    private final ClientAddress clientAddress;
    private final byte[] openApi;
    private final BulkActions bulkActions;
    private final Exchange exchange;

    Endpoints(Ticketing ticketing, HttpConfig config, ReadinessCheck readiness, ObjectMapper mapper,
            SignInThrottle throttle, PasswordResetThrottle resetThrottle, byte[] openApi) {
        this.ticketing = ticketing;
        this.config = config;
        this.readiness = readiness;
        this.mapper = mapper;
        this.views = new Views(ticketing.settings().zone(), ticketing.serviceLevels());
        this.sessions = new Sessions(ticketing.authenticate(), config);
        this.throttle = throttle;
        this.resetThrottle = resetThrottle;
        this.clientAddress = new ClientAddress(config.trustedProxies());
        this.openApi = openApi.clone();
        this.bulkActions = new BulkActions(ticketing);
        this.exchange = new Exchange(mapper, config);
    }

    /** The sign-in check, answers and views these handlers use, for the other handlers of the API to share. */
    Shared shared() {
        return new Shared(ticketing, sessions, exchange, views);
    }

    /** What a group of handlers needs to answer a call as these do. */
    record Shared(Ticketing ticketing, Sessions sessions, Exchange exchange, Views views) {
    }

    void signIn(Context ctx) {
        Bodies.SignIn body = json(ctx, Bodies.SignIn.class, SIGN_IN_BODY_BYTES);
        refuseOversized("identifier", body.identifier());
        refuseOversized("password", body.password());
        SignInThrottle.Attempt attempt = throttle.check(body.identifier(), clientAddress.of(ctx));
        boolean remember = Boolean.TRUE.equals(body.remember());
        SignedIn signedIn;
        try {
            signedIn = ticketing.signIn().signIn(body.identifier(), body.password(), remember);
        } catch (TicketingException e) {
            if (e.kind() == ErrorKind.UNAUTHENTICATED) {
                throttle.failed(attempt);
            }
            throw e;
        }
        throttle.succeeded(attempt);
        sessions.token(ctx).ifPresent(previous -> ticketing.signOut().signOut(previous));
        sessions.open(ctx, signedIn, remember, ticketing.settings().rememberedSessionLength());
        write(ctx, 200, views.session(signedIn));
    }

    private static void refuseOversized(String field, String value) {
        if (value != null && value.length() > SignIn.MAX_INPUT_LENGTH) {
            throw DomainError.invalid(field, "signin.field.too_long",
                    "Ce champ ne peut pas dépasser " + SignIn.MAX_INPUT_LENGTH + " caractères.").exception();
        }
    }

    void signOut(Context ctx) {
        Optional<SessionToken> token = sessions.token(ctx);
        if (token.isEmpty() || ticketing.authenticate().person(token.get()).isPresent()) {
            sessions.require(ctx);
        }
        token.ifPresent(ticketing.signOut()::signOut);
        sessions.close(ctx);
        ctx.status(204);
    }

    void requestPasswordReset(Context ctx) {
        Bodies.PasswordResetRequest body = json(ctx, Bodies.PasswordResetRequest.class, SIGN_IN_BODY_BYTES);
        refuseOversized("identifier", body.identifier());
        resetThrottle.admit(body.identifier(), clientAddress.of(ctx));
        write(ctx, 202, views.passwordHelp(ticketing.requestPasswordReset().request(body.identifier())));
    }

    void resetPassword(Context ctx) {
        Bodies.NewPassword body = json(ctx, Bodies.NewPassword.class, SIGN_IN_BODY_BYTES);
        PersonId person = ticketing.resetPassword().reset(ctx.pathParam("token"), body.password());
        throttle.forgive(person.value());
        ctx.status(204);
    }

    void me(Context ctx) {
        Person person = sessions.require(ctx);
        write(ctx, 200, views.me(person, sessions.token(ctx).orElseThrow()));
    }

    void subjects(Context ctx) {
        sessions.require(ctx);
        write(ctx, 200, ticketing.browseCatalog().activeTree().stream().map(views::subject).toList());
    }

    void requestTypes(Context ctx) {
        sessions.require(ctx);
        write(ctx, 200, ticketing.browseCatalog().requestTypes().stream().map(views::type).toList());
    }

    void file(Context ctx) {
        Person person = sessions.require(ctx);
        String key = ctx.header("Idempotency-Key");
        Filing filing;
        if (Multipart.isMultipart(ctx.contentType())) {
            filing = multipart(ctx, "request", Bodies.Filing.class,
                    (body, uploads) -> ticketing.fileRequest().file(person, draft(body), uploads, key));
        } else {
            RequestDraft draft = draft(json(ctx, Bodies.Filing.class));
            filing = ticketing.fileRequest().file(person, draft, List.of(), key);
        }
        RequestDetails details = filing.details();
        if (!filing.alreadyFiled()) {
            ctx.header("Location", GuichetHttpApi.BASE + "/requests/"
                    + details.request().summaryLine().number().display());
        }
        writeRequest(ctx, filing.alreadyFiled() ? 200 : 201, details);
    }

    void list(Context ctx) {
        Person person = sessions.require(ctx);
        ListParameters p = ListParameters.parse(ctx);
        ListParameters.Scope scope = p.scope() != null ? p.scope()
                : person.isStaff() ? ListParameters.Scope.QUEUE : ListParameters.Scope.MINE;
        Page<RequestLine> page;
        if (scope == ListParameters.Scope.MINE) {
            page = ticketing.listMyRequests().search(person, p.schoolYear(), p.words(), p.page());
        } else {
            page = ticketing.listQueue().list(person, p.filter(scope == ListParameters.Scope.QUEUE, person),
                    p.page());
        }
        write(ctx, 200, views.page(page));
    }

    void counts(Context ctx) {
        Person person = sessions.require(ctx);
        ListParameters p = ListParameters.parse(ctx);
        if (p.scope() == ListParameters.Scope.MINE) {
            throw DomainError.invalid("scope", "scope.unknown", "La portée des comptes doit être queue ou all.")
                    .exception();
        }
        write(ctx, 200, views.counts(ticketing.countRequests().count(person,
                p.filter(p.scope() != ListParameters.Scope.ALL, person))));
    }

    void view(Context ctx) {
        Person person = sessions.require(ctx);
        writeRequest(ctx, 200, ticketing.viewRequest().view(person, number(ctx)));
    }

    void postMessage(Context ctx) {
        Person person = sessions.require(ctx);
        RequestNumber number = number(ctx);
        Long expected = expectedVersion(ctx);
        BiFunction<Bodies.NewMessage, List<Upload>, MessagePosted> post = (body, uploads) -> ticketing.postMessage()
                .post(person, number, body.body(), Boolean.TRUE.equals(body.internal()), uploads, expected);
        MessagePosted posted = Multipart.isMultipart(ctx.contentType())
                ? multipart(ctx, "message", Bodies.NewMessage.class, post)
                : post.apply(json(ctx, Bodies.NewMessage.class), List.of());
        ctx.header("ETag", etag(posted.version()));
        write(ctx, 201, views.message(posted.message()));
    }

    void redirect(Context ctx) {
        Person person = sessions.require(ctx);
        RequestNumber number = number(ctx);
        Bodies.Redirect body = json(ctx, Bodies.Redirect.class);
        GroupCode group = body.group() == null ? null : GroupCode.of(body.group());
        if (group == null) {
            throw DomainError.invalid("group", "group.required", "Le groupe de support est obligatoire.")
                    .exception();
        }
        PersonId assignee = body.assignee() == null || body.assignee().isEmpty() ? null
                : ListParameters.personId("assignee", body.assignee());
        writeRequest(ctx, 200, ticketing.redirectRequest().redirect(person, number, group, assignee, body.comment(),
                expectedVersion(ctx)));
    }

    void take(Context ctx) {
        Person person = sessions.require(ctx);
        RequestNumber number = number(ctx);
        if (ctx.req().getContentLengthLong() != 0) {
            json(ctx, Bodies.Take.class);
        }
        writeRequest(ctx, 200, ticketing.takeRequest().take(person, number, expectedVersion(ctx)));
    }

    void link(Context ctx) {
        Person person = sessions.require(ctx);
        RequestNumber number = number(ctx);
        Bodies.Link body = json(ctx, Bodies.Link.class);
        writeRequest(ctx, 200, ticketing.linkRequest().link(person, number, body.parent(), expectedVersion(ctx)));
    }

    void unlink(Context ctx) {
        Person person = sessions.require(ctx);
        writeRequest(ctx, 200, ticketing.linkRequest().unlink(person, number(ctx), expectedVersion(ctx)));
    }

    void bulk(Context ctx) {
        Person person = sessions.require(ctx);
        write(ctx, 200, Map.of("results", bulkActions.apply(person, json(ctx, Bodies.Bulk.class))));
    }

    void groups(Context ctx) {
        Person person = sessions.require(ctx);
        write(ctx, 200, ticketing.listSupportGroups().list(person).stream().map(views::group).toList());
    }

    void cannedAnswers(Context ctx) {
        Person person = sessions.require(ctx);
        Validation v = new Validation();
        GroupCode group = v.check(() -> GroupCode.of(Validation.required(ctx.queryParam("group"), "group",
                "Le groupe")));
        String request = ctx.queryParam("request");
        RequestNumber number = request == null ? null : v.check(() -> requestParameter(request));
        v.throwIfInvalid();
        if (number == null) {
            write(ctx, 200, ticketing.listCannedAnswers().list(person, group).stream().map(views::cannedAnswer)
                    .toList());
        } else {
            List<FilledAnswer> filled = ticketing.listCannedAnswers().forRequest(person, group, number);
            write(ctx, 200, filled.stream().map(views::cannedAnswer).toList());
        }
    }

    private static RequestNumber requestParameter(String value) {
        try {
            return RequestNumber.parse(value);
        } catch (TicketingException e) {
            throw DomainError.invalid("request", "request.number.invalid", "Le numéro de demande est invalide.")
                    .exception();
        }
    }

    void cannedAnswer(Context ctx) {
        Person person = sessions.require(ctx);
        writeCannedAnswer(ctx, 200, ticketing.listCannedAnswers().find(person, cannedAnswerId(ctx)));
    }

    void addCannedAnswer(Context ctx) {
        Person person = sessions.require(ctx);
        Bodies.NewCannedAnswer body = json(ctx, Bodies.NewCannedAnswer.class);
        CannedAnswer added = ticketing.manageCannedAnswers().add(person, body.group(), body.title(), body.body());
        ctx.header("Location", GuichetHttpApi.BASE + "/canned-answers/" + added.id());
        writeCannedAnswer(ctx, 201, added);
    }

    void changeCannedAnswer(Context ctx) {
        Person person = sessions.require(ctx);
        CannedAnswerId id = cannedAnswerId(ctx);
        Bodies.CannedAnswerChange body = json(ctx, Bodies.CannedAnswerChange.class);
        writeCannedAnswer(ctx, 200, ticketing.manageCannedAnswers().change(person, id, body.title(), body.body(),
                expectedVersion(ctx)));
    }

    void removeCannedAnswer(Context ctx) {
        Person person = sessions.require(ctx);
        ticketing.manageCannedAnswers().remove(person, cannedAnswerId(ctx), expectedVersion(ctx));
        ctx.status(204);
    }

    private static CannedAnswerId cannedAnswerId(Context ctx) {
        try {
            return CannedAnswerId.parse(ctx.pathParam("id"));
        } catch (TicketingException e) {
            throw TicketingException.notFound("canned_answer.not_found", "Cette réponse type est introuvable.");
        }
    }

    private void writeCannedAnswer(Context ctx, int status, CannedAnswer answer) {
        ctx.header("ETag", etag(answer.version()));
        write(ctx, status, views.cannedAnswer(answer));
    }

    void changeStatus(Context ctx) {
        Person person = sessions.require(ctx);
        RequestNumber number = number(ctx);
        Bodies.StatusChange body = json(ctx, Bodies.StatusChange.class);
        writeRequest(ctx, 200, ticketing.changeStatus().change(person, number,
                ListParameters.status(body.status()),
                body.comment(), expectedVersion(ctx)));
    }

    void attachment(Context ctx) {
        Person person = sessions.require(ctx);
        RequestNumber number = number(ctx);
        AttachmentId id;
        try {
            id = AttachmentId.parse(ctx.pathParam("id"));
        } catch (TicketingException e) {
            throw TicketingException.notFound("attachment.not_found", "Cette pièce jointe est introuvable.");
        }
        AttachmentContent content = ticketing.fetchAttachment().fetch(person, number, id);
        ctx.disableCompression();
        ctx.status(200);
        ctx.contentType(content.attachment().mediaType());
        ctx.header("Content-Disposition", ContentDisposition.attachment(content.attachment().name()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Content-Length", Long.toString(content.attachment().size()));
        try (InputStream in = content.content()) {
            in.transferTo(ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void openApi(Context ctx) {
        ctx.status(200).contentType(Json.MEDIA_TYPE).result(openApi);
    }

    void health(Context ctx) {
        write(ctx, 200, Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        boolean ready;
        try {
            ready = readiness.ready();
        } catch (RuntimeException e) {
            ready = false;
        }
        if (!ready) {
            throw TicketingException.unavailable(null);
        }
        write(ctx, 200, Map.of("status", "READY"));
    }

    private <T> T json(Context ctx, Class<T> type) {
        return json(ctx, type, config.maxJsonBytes());
    }

    /** Reads a multipart body, handing its JSON part {@code name} read as {@code type} and its files to {@code use}. */
    private <T, R> R multipart(Context ctx, String name, Class<T> type, BiFunction<T, List<Upload>, R> use) {
        try (Multipart multipart = Multipart.read(ctx, config, ticketing.settings())) {
            T body = Json.read(mapper, multipart.json(name), config.maxJsonBytes(), type);
            return use.apply(body, multipart.uploads(name));
        }
    }

    private <T> T json(Context ctx, Class<T> type, long limit) {
        return exchange.json(ctx, type, limit);
    }

    private static RequestDraft draft(Bodies.Filing body) {
        return RequestDraft.parse(body.subject(), body.type(), body.summary(), body.description(), body.visibility());
    }

    static RequestNumber number(Context ctx) {
        try {
            return RequestNumber.parse(ctx.pathParam("number"));
        } catch (TicketingException e) {
            throw TicketingException.notFound("request.not_found", "Cette demande est introuvable.");
        }
    }

    /**
     * The version an {@code If-Match} names: none when absent or {@code *}; a tag that cannot name a version (weak,
     * malformed, a list) matches nothing, so the core answers STALE.
     */
    static Long expectedVersion(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher m = STRONG_ETAG.matcher(ifMatch.strip());
        return m.matches() ? Long.parseLong(m.group(1)) : -1L;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private void writeRequest(Context ctx, int status, RequestDetails details) {
        ctx.header("ETag", etag(details.request().version()));
        write(ctx, status, views.request(details));
    }

    private void write(Context ctx, int status, Object body) {
        exchange.write(ctx, status, body);
    }
}
