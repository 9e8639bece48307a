package fr.guichet.mail;

import com.google.inject.Module;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.port.NotificationChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The mail adapter for Guice: {@link #smtp} or {@link #files} binds the {@link NotificationChannel} (templates are
 * loaded when the injector builds it, so a missing or wrong template stops start-up); {@link #dispatcher} binds the
 * {@link DispatchNotifications} the bound {@link Ticketing} offers over the bound channel, for a server
 * to run with {@code BackgroundDispatcher.start(dispatch, config.interval(), config.senders())}. The SMTP channel keeps connections
 * open and is {@link AutoCloseable}: close it once the dispatcher is closed. No side effect at construction.
 */
public final class MailModule extends PrivateModule {

    private final MailConfig config;
    private final BiFunction<MailConfig, MailComposer, NotificationChannel> channel;
    private final Clock clock;

    private MailModule(MailConfig config, BiFunction<MailConfig, MailComposer, NotificationChannel> channel,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.channel = channel;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Mails sent over SMTP as {@code config} says, connections reused; the channel is {@link AutoCloseable}. */
    public static MailModule smtp(MailConfig config) {
        return new MailModule(config, SmtpNotificationChannel::new, Clock.systemUTC());
    }

    /** Mails written as {@code <entry id>.eml} files into {@code folder} (created if missing); no SMTP at all. */
    public static MailModule files(Path folder, MailConfig config) {
        Objects.requireNonNull(folder, "folder");
        return new MailModule(config, (c, composer) -> new FileNotificationChannel(folder, composer),
                Clock.systemUTC());
    }

    /** This module with mails dated by {@code clock} (the system clock otherwise): give it the {@link Ticketing}'s. */
    public MailModule onClock(Clock clock) {
        return new MailModule(config, channel, clock);
    }

    /** Binds {@link DispatchNotifications}, offered by the bound {@link Ticketing} over the channel, and the config. */
    public static Module dispatcher(DispatchConfig dispatch) {
        return new DispatcherModule(Objects.requireNonNull(dispatch, "dispatch"));
    }

    @Override
    protected void configure() {
        expose(NotificationChannel.class);
    }

    @Provides
    @Singleton
    NotificationChannel channel() {
        MailComposer composer = new MailComposer(config, Templates.load(config.locale(), config.templateFolder()),
                clock);
        return channel.apply(config, composer);
    }

    /** Asks the bound {@link Ticketing} for its dispatcher through the bound channel. */
    private static final class DispatcherModule extends PrivateModule {
        private final DispatchConfig dispatch;

        DispatcherModule(DispatchConfig dispatch) {
            this.dispatch = dispatch;
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
        DispatchNotifications dispatchNotifications(Ticketing ticketing, NotificationChannel channel) {
            return ticketing.dispatchNotifications(channel, dispatch.backoff(), dispatch.batchSize(), dispatch.lease());
        }
    }
}
