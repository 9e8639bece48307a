package fr.guichet.mail;

import com.google.inject.Module;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.port.NotificationOutbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The mail adapter for Guice: {@link #smtp} or {@link #files} binds the {@link NotificationChannel} (templates are
 * loaded when the injector builds it, so a missing or wrong template stops start-up); {@link #dispatcher} binds the
 * core's {@link DispatchNotifications} over whatever {@link NotificationOutbox} and channel are bound, for a server
 * to run with {@code BackgroundDispatcher.start(dispatch, config.interval())}. The SMTP channel keeps connections
 * open and is {@link AutoCloseable}: close it once the dispatcher is closed. No side effect at construction.
 */
public final class MailModule extends PrivateModule {

    private final MailConfig config;
    private final BiFunction<MailConfig, MailComposer, NotificationChannel> channel;

    private MailModule(MailConfig config, BiFunction<MailConfig, MailComposer, NotificationChannel> channel) {
        this.config = Objects.requireNonNull(config, "config");
        this.channel = channel;
    }

    /** Mails sent over SMTP as {@code config} says, connections reused; the channel is {@link AutoCloseable}. */
    public static MailModule smtp(MailConfig config) {
        return new MailModule(config, SmtpNotificationChannel::new);
    }

    /** Mails written as {@code <entry id>.eml} files into {@code folder} (created if missing); no SMTP at all. */
    public static MailModule files(Path folder, MailConfig config) {
        Objects.requireNonNull(folder, "folder");
        return new MailModule(config, (c, composer) -> new FileNotificationChannel(folder, composer));
    }

    /** Binds {@link DispatchNotifications} and {@link DispatchConfig}, on the system UTC clock. */
    public static Module dispatcher(DispatchConfig dispatch) {
        return dispatcher(dispatch, Clock.systemUTC());
    }

    /** Binds {@link DispatchNotifications} and {@link DispatchConfig}, on {@code clock}. */
    public static Module dispatcher(DispatchConfig dispatch, Clock clock) {
        return new DispatcherModule(Objects.requireNonNull(dispatch, "dispatch"), Objects.requireNonNull(clock,
                "clock"));
    }

    @Override
    protected void configure() {
        expose(NotificationChannel.class);
    }

    @Provides
    @Singleton
    NotificationChannel channel() {
        MailComposer composer = new MailComposer(config, Templates.load(config.locale(), config.templateFolder()),
                Clock.systemUTC());
        return channel.apply(config, composer);
    }

    /** Builds the core's dispatcher from the bound outbox and channel. */
    private static final class DispatcherModule extends PrivateModule {
        private final DispatchConfig dispatch;
        private final Clock clock;

        DispatcherModule(DispatchConfig dispatch, Clock clock) {
            this.dispatch = dispatch;
            this.clock = clock;
        }

        @Override
        protected void configure() {
            expose(DispatchNotifications.class);
            expose(DispatchConfig.class);
        }

        @Provides
        @Singleton
        DispatchConfig dispatchConfig() {
            return dispatch;
        }

        @Provides
        @Singleton
        DispatchNotifications dispatchNotifications(NotificationOutbox outbox, NotificationChannel channel) {
            return new DispatchNotifications(outbox, channel, clock, dispatch.backoff(), dispatch.batchSize(),
                    dispatch.lease());
        }
    }
}
