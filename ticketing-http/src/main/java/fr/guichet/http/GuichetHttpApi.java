package fr.guichet.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.port.SignInFailures;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Guichet's HTTP API v1 (HTTP-API.md): either {@link #start(int) started} on its own Javalin server, or
 * {@link #mount(JavalinConfig) mounted} into a host application's Javalin configuration. A request's {@code ETag} is
 * the strong tag {@code "<version>"}; failed sign-ins and requests for a new password are counted in
 * {@link SignInFailures}, shared by every node; a
 * method override ({@code X-HTTP-Method-Override}) is refused, never followed. Thread-safe.
 */
public final class GuichetHttpApi {

    /** The base path of every API route. */
    public static final String BASE = "/api/v1";

    private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
    /** The smallest body {@link #compression()} compresses, in bytes. */
    private static final int COMPRESSED_FROM = 1024;

    private final HttpConfig config;
    private final ObjectMapper mapper;
    private final Problems problems;
    private final Endpoints endpoints;
    private final Sessions sessions;
    private final AdminEndpoints adminEndpoints;
    private final AdminGroupsEndpoints adminGroupsEndpoints;
    private final AdminCatalogEndpoints adminCatalogEndpoints;
    private final AdminPeopleEndpoints adminPeopleEndpoints;
    private final AdminSettingsEndpoints adminSettingsEndpoints;
    private final AdminExportEndpoints adminExportEndpoints;
    private final MailEndpoints mailEndpoints;
    private final NotificationEndpoints notificationEndpoints;
    private final AdminRetentionEndpoints adminRetentionEndpoints;
    private final ExportEndpoints exportEndpoints;
    private final StatisticsEndpoints statisticsEndpoints;
    private final EstablishmentEndpoints establishmentEndpoints;
    private final SatisfactionEndpoints satisfactionEndpoints;
    private Javalin server;

    public GuichetHttpApi(Ticketing ticketing, HttpConfig config, ReadinessCheck readiness,
            SignInFailures signInFailures) {
        this(ticketing, config, readiness, signInFailures, Clock.systemUTC());
    }

    /** As {@link #GuichetHttpApi(Ticketing, HttpConfig, ReadinessCheck, SignInFailures)}, with the throttle's clock. */
    public GuichetHttpApi(Ticketing ticketing, HttpConfig config, ReadinessCheck readiness,
            SignInFailures signInFailures, Clock clock) {
        Objects.requireNonNull(ticketing, "ticketing");
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(readiness, "readiness");
        this.mapper = Json.newMapper();
        this.problems = new Problems(mapper);
        Objects.requireNonNull(signInFailures, "signInFailures");
        Objects.requireNonNull(clock, "clock");
        this.endpoints = new Endpoints(ticketing, config, readiness, mapper,
                new SignInThrottle(signInFailures, config.signInLimits(), clock),
                new PasswordResetThrottle(signInFailures, clock), openApiDocument());
        Endpoints.Shared shared = endpoints.shared();
        this.sessions = shared.sessions();
        this.adminEndpoints = new AdminEndpoints(shared);
        this.adminGroupsEndpoints = new AdminGroupsEndpoints(shared);
        this.adminCatalogEndpoints = new AdminCatalogEndpoints(shared);
        this.adminPeopleEndpoints = new AdminPeopleEndpoints(shared);
        this.adminSettingsEndpoints = new AdminSettingsEndpoints(shared);
        this.adminExportEndpoints = new AdminExportEndpoints(shared);
        this.mailEndpoints = new MailEndpoints(shared);
        this.notificationEndpoints = new NotificationEndpoints(shared);
        this.adminRetentionEndpoints = new AdminRetentionEndpoints(shared);
        this.exportEndpoints = new ExportEndpoints(shared);
        this.statisticsEndpoints = new StatisticsEndpoints(shared);
        this.establishmentEndpoints = new EstablishmentEndpoints(shared);
        this.satisfactionEndpoints = new SatisfactionEndpoints(shared);
    }

    /**
     * Registers every route of the API on a host's configuration; each handler answers its own errors as problems, so
     * the host's exception handlers, JSON mapper and body limits are left alone.
     */
    public void mount(JavalinConfig host) {
        host.routes.post(BASE + "/session", guarded(endpoints::signIn));
        host.routes.delete(BASE + "/session", guarded(endpoints::signOut));
        host.routes.post(BASE + "/password-reset", guarded(endpoints::requestPasswordReset));
        host.routes.post(BASE + "/password-reset/{token}", guarded(endpoints::resetPassword));
        host.routes.get(BASE + "/me", guarded(endpoints::me));
        host.routes.get(BASE + "/subjects", guarded(endpoints::subjects));
        host.routes.get(BASE + "/request-types", guarded(endpoints::requestTypes));
        host.routes.get(BASE + "/groups", guarded(endpoints::groups));
        host.routes.get(BASE + "/canned-answers", guarded(endpoints::cannedAnswers));
        host.routes.post(BASE + "/canned-answers", guarded(endpoints::addCannedAnswer));
        host.routes.get(BASE + "/canned-answers/{id}", guarded(endpoints::cannedAnswer));
        host.routes.put(BASE + "/canned-answers/{id}", guarded(endpoints::changeCannedAnswer));
        host.routes.delete(BASE + "/canned-answers/{id}", guarded(endpoints::removeCannedAnswer));
        host.routes.post(BASE + "/requests", guarded(endpoints::file));
        host.routes.get(BASE + "/requests", guarded(endpoints::list));
        host.routes.get(BASE + "/requests/counts", guarded(endpoints::counts));
        host.routes.get(BASE + "/requests/{number}", guarded(endpoints::view));
        host.routes.post(BASE + "/requests/{number}/messages", guarded(endpoints::postMessage));
        host.routes.post(BASE + "/requests/{number}/redirect", guarded(endpoints::redirect));
        host.routes.post(BASE + "/requests/{number}/take", guarded(endpoints::take));
        host.routes.post(BASE + "/requests/{number}/link", guarded(endpoints::link));
        host.routes.delete(BASE + "/requests/{number}/link", guarded(endpoints::unlink));
        host.routes.post(BASE + "/requests/bulk", guarded(endpoints::bulk));
        host.routes.post(BASE + "/requests/{number}/status", guarded(endpoints::changeStatus));
        host.routes.get(BASE + "/requests/{number}/attachments/{id}", guarded(endpoints::attachment));
        mailEndpoints.mount(host, this::guarded);
        notificationEndpoints.mount(host, this::guarded);
        exportEndpoints.mount(host, this::guarded);
        statisticsEndpoints.mount(host, this::guarded);
        satisfactionEndpoints.mount(host, this::guarded);
        adminEndpoints.mount(host, this::adminGuarded);
        adminGroupsEndpoints.mount(host, this::adminGuarded);
        adminCatalogEndpoints.mount(host, this::adminGuarded);
        adminPeopleEndpoints.mount(host, this::adminGuarded);
        adminSettingsEndpoints.mount(host, this::adminGuarded);
        adminExportEndpoints.mount(host, this::adminGuarded);
        adminRetentionEndpoints.mount(host, this::adminGuarded);
        establishmentEndpoints.mount(host, this::guarded, this::adminGuarded);
        host.routes.get(BASE + "/openapi.json", guarded(endpoints::openApi));
        host.routes.get("/health", guarded(endpoints::health));
        host.routes.get("/ready", guarded(endpoints::ready));
    }

    /**
     * Starts a server of its own on {@code port} (0 for any free port), with the strict JSON mapper and problem
     * answers for unknown routes; returns the port it listens on.
     */
    public synchronized int start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = Javalin.create(this::configureStandalone).start(port);
        return server.port();
    }

    /** Stops the server {@link #start(int)} started; does nothing if none runs. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private void configureStandalone(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jsonMapper(new JavalinJackson(mapper, false));
        cfg.http.compressionStrategy = compression();
        cfg.http.maxRequestSize = config.maxJsonBytes();
        cfg.jetty.modifyServer(jetty -> {
            ErrorHandler errors = new ErrorHandler();
            errors.setShowStacks(false);
            errors.setShowMessageInTitle(false);
            jetty.setErrorHandler(errors);
        });
        mount(cfg);
        answerMissesAsProblems(cfg);
        cfg.routes.exception(Exception.class, (e, ctx) -> problems.write(ctx, e));
    }

    /**
     * The compression of the API's own server, for a host to use too: gzip for a body of 1 KiB or more when the client
     * accepts it, decided on the first bytes written, so that a streamed answer is compressed as it goes. Attachments
     * and exports turn it off for themselves.
     */
    public static CompressionStrategy compression() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setDefaultMinSizeForCompression(COMPRESSED_FROM);
        return gzip;
    }

    /**
     * Makes a host answer unknown paths and methods under {@code /api} as problems (404, 405), as the API's own routes
     * do; other paths keep the host's answers. A host that {@link #mount mounts} the API calls this too.
     */
    public void answerMissesAsProblems(JavalinConfig host) {
        host.routes.error(404, ctx -> {
            if (isApiPath(ctx.path())) {
                problems.writeRouterMiss(ctx, 404);
            }
        });
        host.routes.error(405, ctx -> {
            if (isApiPath(ctx.path())) {
                problems.writeRouterMiss(ctx, 405);
            }
        });
    }

    /** True for the paths whose misses {@link #answerMissesAsProblems} answers: {@code /api} and below. */
    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            try {
                refuseMethodOverride(ctx);
                handler.handle(ctx);
            } catch (SignInThrottle.TooManyAttempts e) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                problems.write(ctx, e.refusal());
            } catch (Exception e) {
                problems.write(ctx, e);
            }
        };
    }

    /**
     * {@link #guarded}, and before the handler reads anything, a signed-in administrator: anyone else gets 401 or 403
     * whatever the body or path they sent.
     */
    private Handler adminGuarded(Handler handler) {
        return guarded(ctx -> {
            sessions.requireAdmin(ctx);
            handler.handle(ctx);
        });
    }

    /** Javalin routes by {@code X-HTTP-Method-Override}: a GET could reach a POST route and pass as a safe method. */
    private static void refuseMethodOverride(Context ctx) {
        if (ctx.req().getHeader(METHOD_OVERRIDE) != null) {
            throw DomainError.invalid(METHOD_OVERRIDE, "method.override",
                    "La surcharge de méthode (" + METHOD_OVERRIDE + ") n'est pas acceptée.").exception();
        }
    }

    private static byte[] openApiDocument() {
        try (InputStream in = GuichetHttpApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
