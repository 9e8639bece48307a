package fr.guichet.examples;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import fr.guichet.core.application.AnonymiseExpiredData;
import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.CloseIdleRequests;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.application.ReceiveMail;
import fr.guichet.core.application.SendDigests;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.UnattachedMail;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.http.GuichetHttpApi;
import fr.guichet.http.HttpModule;
import fr.guichet.jdbc.JdbcModule;
import fr.guichet.mail.DispatchConfig;
import fr.guichet.mail.MailModule;
import fr.guichet.mail.MailboxPoller;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable example server: the core with the JDBC, mail and HTTP adapters (and LDAP when configured), the French
 * web front, and the notification dispatcher in the background. {@code --demo} loads the demo académie into an empty
 * database.
 */
public final class GuichetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuichetServer.class);
    /** The front's French page for a path it does not have, read once. */
    private static final String NOT_FOUND_PAGE = resource("/web/introuvable.html");
    /** The page of the satisfaction survey's one-click link, {@code /satisfaction/<token>}. */
    private static final String SATISFACTION_PAGE = resource("/web/satisfaction.html");
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final Javalin web;
    private final BackgroundDispatcher dispatcher;
    private final NotificationChannel mail;
    private final ScheduledExecutorService housekeeping;
    private final Optional<MailboxPoller> mailbox;

    private GuichetServer(Javalin web, BackgroundDispatcher dispatcher, NotificationChannel mail,
            ScheduledExecutorService housekeeping, Optional<MailboxPoller> mailbox) {
        this.web = web;
        this.dispatcher = dispatcher;
        this.mail = mail;
        this.housekeeping = housekeeping;
        this.mailbox = mailbox;
    }

    public static void main(String[] args) {
        GuichetServer server;
        try {
            server = start(ServerSettings.fromEnvironment(System.getenv()), Arrays.asList(args).contains("--demo"));
        } catch (ServerSettings.InvalidSetting e) {
            System.err.println("Configuration invalide : " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "guichet-shutdown"));
    }

    /** Starts a server as {@code settings} say; {@code demo} loads the demo académie into an empty database. */
    public static GuichetServer start(ServerSettings settings, boolean demo) {
        return start(settings, demo, Clock.systemUTC(), null);
    }

    /**
     * As {@link #start(ServerSettings, boolean)}, the use cases and the housekeeping reading {@code clock}, and
     * accepting connections on {@code listening} when not null: a channel its caller bound already (to port 0, the
     * system's choice), so that nobody takes its port between its choice and the server's start.
     */
    static GuichetServer start(ServerSettings settings, boolean demo, Clock clock, ServerSocketChannel listening) {
        List<Module> modules = new ArrayList<>();
        modules.add(new JdbcModule(settings.database()));
        if (settings.smtp().isPresent()) {
            modules.add(MailModule.smtp(settings.smtp().get()).onClock(clock));
            LOG.info("Mails are sent through SMTP {}:{}", settings.smtp().get().host(), settings.smtp().get().port());
        } else {
            modules.add(MailModule.files(settings.mailFolder(), settings.mailFiles()).onClock(clock));
            LOG.info("No SMTP host configured (GUICHET_SMTP_HOST): mails are written as .eml files in {}",
                    settings.mailFolder());
        }
        DispatchConfig dispatch = settings.dispatch();
        modules.add(MailModule.dispatcher(dispatch));
        modules.add(new HttpModule(settings.http()));
        modules.add(new ServerModule(settings, clock));
        modules.add(DirectoryChoice.from(settings.environment()));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);

        if (demo && loadDemo(injector, settings.demoPassword(), System.out)) {
            ReceiveMail receiveMail = injector.getInstance(Ticketing.class).receiveMail();
            DemoData.mails().forEach(receiveMail::receive);
        }
        GuichetHttpApi api = injector.getInstance(GuichetHttpApi.class);
        Javalin web = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.compressionStrategy = GuichetHttpApi.compression();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache", "Content-Security-Policy",
                        CONTENT_SECURITY_POLICY, "X-Content-Type-Options", "nosniff", "Referrer-Policy",
                        "same-origin");
            });
            api.mount(cfg);
            api.answerMissesAsProblems(cfg);
            cfg.routes.error(404, ctx -> {
                if (!GuichetHttpApi.isApiPath(ctx.path())) {
                    ctx.header("Cache-Control", "no-cache").header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                            .html(NOT_FOUND_PAGE);
                }
            });
            if (listening != null) {
                cfg.jetty.addConnector((jetty, http) -> accepting(jetty, http, listening));
            }
            cfg.jetty.modifyServer(jetty -> {
                ErrorHandler errors = new ErrorHandler();
                errors.setShowStacks(false);
                errors.setShowMessageInTitle(false);
                jetty.setErrorHandler(errors);
            });
            cfg.routes.get("/demandes/{number}", ctx -> ctx.redirect("/suivi.html?numero="
                    + ctx.pathParam("number").replaceAll("[^0-9]", "")));
            cfg.routes.get("/satisfaction/{token}", ctx -> ctx.header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer").html(SATISFACTION_PAGE));
        }).start(settings.port());
        LOG.info("Guichet listens on port {}: {}", web.port(), settings.baseUrl());

        BackgroundDispatcher dispatcher = BackgroundDispatcher.start(
                injector.getInstance(DispatchNotifications.class), dispatch.interval(), dispatch.senders());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guichet-housekeeping");
            t.setDaemon(true);
            return t;
        });
        SessionStore sessions = injector.getInstance(SessionStore.class);
        SignInFailures signInFailures = injector.getInstance(SignInFailures.class);
        PasswordResets passwordResets = injector.getInstance(PasswordResets.class);
        UnitOfWork unitOfWork = injector.getInstance(UnitOfWork.class);
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                Instant now = clock.instant();
                unitOfWork.run(() -> {
                    sessions.purgeExpired(now);
                    passwordResets.purgeExpired(now);
                });
                signInFailures.purgeBefore(settings.http().signInLimits().windowStart(now));
            } catch (RuntimeException e) {
                LOG.warn("Purging expired sessions, password resets and sign-in failures failed; next try in 15 "
                        + "minutes", e);
            }
        }, 1, 15, TimeUnit.MINUTES);
        UnattachedMail keptMail = injector.getInstance(Ticketing.class).unattachedMail();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                int purged = keptMail.purge();
                if (purged > 0) {
                    LOG.info("Mail log: {} entries purged (attached, ignored or filed away over 30 days ago)",
                            purged);
                }
            } catch (RuntimeException e) {
                LOG.warn("Purging the mail log failed; next try in an hour", e);
            }
        }, 3, 60, TimeUnit.MINUTES);
        CloseIdleRequests closeIdleRequests = injector.getInstance(Ticketing.class).closeIdleRequests();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                CloseIdleRequests.Outcome done = closeIdleRequests.run();
                if (done.reminded() + done.resolved() + done.closed() > 0) {
                    LOG.info("Idle requests: {} reminded, {} resolved, {} closed", done.reminded(), done.resolved(),
                            done.closed());
                }
            } catch (RuntimeException e) {
                LOG.warn("Closing idle requests failed; next try in 5 minutes", e);
            }
        }, 2, 5, TimeUnit.MINUTES);
        SendDigests digests = injector.getInstance(Ticketing.class).sendDigests();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                int queued = digests.run();
                if (queued > 0) {
                    LOG.info("Daily digests: {} queued", queued);
                }
            } catch (RuntimeException e) {
                LOG.warn("Sending the daily digests failed; next try in 5 minutes", e);
            }
        }, 1, 5, TimeUnit.MINUTES);
        AnonymiseExpiredData retention = injector.getInstance(Ticketing.class).anonymiseExpiredData();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                AnonymiseExpiredData.Report done = retention.run();
                LOG.info("Retention (school years kept from {}): {} requests anonymised, {} files deleted, {} people "
                        + "forgotten, {} notifications purged", done.keptFrom(), done.requests(), done.files(),
                        done.people(), done.outboxRows());
            } catch (RuntimeException e) {
                LOG.warn("Anonymising expired data failed; next try in 24 hours", e);
            }
        }, 10, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
        LocalDate inAYear = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).plusYears(1);
        settings.calendar().schoolHolidays().knownUntil().filter(until -> until.isBefore(inAYear))
                .ifPresent(until -> LOG.warn("School holidays are known until {}: service levels count every weekday "
                        + "after it as a school day; give GUICHET_SCHOOL_HOLIDAYS a file holding the coming school "
                        + "years", until));
        Optional<MailboxPoller> mailbox = settings.imap().map(imap -> {
            if (settings.replyKeys().isEmpty()) {
                LOG.warn("GUICHET_IMAP_URL without GUICHET_REPLY_TOKEN_KEY: mails carry no reply tag, so no reply "
                        + "read from the mailbox can be placed on its request");
            }
            LOG.info("Replies by mail are read from {} every {} s", imap.url(), imap.pollInterval().toSeconds());
            return MailboxPoller.start(imap, injector.getInstance(Ticketing.class).receiveMail());
        });
        return new GuichetServer(web, dispatcher, injector.getInstance(NotificationChannel.class), housekeeping,
                mailbox);
    }

    /**
     * Loads the demo académie if the database is empty, printing the password on {@code console} when it was drawn
     * here; logs that {@code --demo} is ignored otherwise. True when this call loaded it.
     */
    static boolean loadDemo(Injector injector, Optional<String> configuredPassword, PrintStream console) {
        String password = configuredPassword.orElseGet(GuichetServer::randomPassword);
        boolean loaded = DemoData.loadIntoEmpty(injector.getInstance(UnitOfWork.class),
                injector.getInstance(CatalogStore.class), injector.getInstance(PersonRegistry.class),
                injector.getInstance(LocalAccounts.class), injector.getInstance(CannedAnswers.class),
                injector.getInstance(EstablishmentDirectory.class), password);
        if (!loaded) {
            LOG.warn("--demo ignored: the database already holds a catalog, groups or demo accounts; nothing was "
                    + "loaded and no password was set");
        } else if (configuredPassword.isPresent()) {
            LOG.info("--demo: demo data loaded; every demo account has the password GUICHET_DEMO_PASSWORD");
        } else {
            console.println("--demo: demo data loaded. Accounts mmontanes, jdupont, agent1, specialiste-mep, "
                    + "admin; password (shown once): " + password);
        }
        return loaded;
    }

    private static String resource(String path) {
        try (InputStream in = GuichetServer.class.getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connector of {@code jetty} accepting on {@code listening}, already bound. */
    private static ServerConnector accepting(Server jetty, HttpConfiguration http, ServerSocketChannel listening) {
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        try {
            connector.open(listening);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return connector;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The port the server listens on. */
    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        LOG.info("Guichet stops");
        mailbox.ifPresent(MailboxPoller::close);
        web.stop();
        dispatcher.close();
        if (mail instanceof AutoCloseable connections) {
            try {
                connections.close();
            } catch (Exception e) {
                LOG.warn("Closing the mail connections failed", e);
            }
        }
        housekeeping.shutdownNow();
        try {
            housekeeping.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
