package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.OutboxEntry.DeliveryState;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.InMemoryNotificationOutbox;
import fr.guichet.core.testing.TestWorld;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Guice module: strict injectors, one channel, the core's dispatcher wired and run in the background. */
class MailModuleTest {

    @TempDir
    Path folder;

    private static Injector strict(Module... modules) {
        return Guice.createInjector(Stage.PRODUCTION, List.of(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                for (Module m : modules) {
                    install(m);
                }
            }
        }));
    }

    @Test
    void the_smtp_module_binds_one_channel_in_a_strict_production_injector() {
        Injector injector = strict(MailModule.smtp(TestMail.config(TestMail.freePort()).build()));

        NotificationChannel channel = injector.getInstance(NotificationChannel.class);

        assertInstanceOf(SmtpNotificationChannel.class, channel);
        assertSame(channel, injector.getInstance(NotificationChannel.class));
    }

    @Test
    void the_files_module_binds_the_file_channel() {
        Injector injector = strict(MailModule.files(folder, TestMail.config(25).build()));

        assertInstanceOf(FileNotificationChannel.class, injector.getInstance(NotificationChannel.class));
    }

    @Test
    void mails_are_dated_by_the_clock_the_module_is_given() throws Exception {
        Instant then = Instant.parse("2026-09-01T06:30:00Z");
        NotificationChannel channel = strict(MailModule.files(folder, TestMail.config(25).build())
                .onClock(Clock.fixed(then, ZoneOffset.UTC))).getInstance(NotificationChannel.class);
        OutboxEntry entry = OutboxEntry.queued(sample(TemplateKey.REQUEST_RECEIVED, Fixtures.newRequester()), then);

        channel.deliver(entry);

        try (InputStream in = Files.newInputStream(folder.resolve(entry.id() + ".eml"))) {
            assertEquals(Date.from(then), new MimeMessage(Session.getInstance(new Properties()), in).getSentDate());
        }
    }

    @Test
    void a_broken_template_folder_stops_the_injector_at_start_up() throws Exception {
        Files.createDirectories(folder.resolve("fr"));
        Files.writeString(folder.resolve("fr/request_received.subject"), "[Guichet ${number}] ${password}");
        MailConfig config = TestMail.config(25).templateDirectory(folder).build();

        CreationException e = assertThrows(CreationException.class, () -> strict(MailModule.smtp(config)));

        assertTrue(e.getMessage().contains("unknown placeholder ${password}"), e.getMessage());
    }

    @Test
    void the_dispatcher_needs_a_ticketing_bound_elsewhere() {
        assertThrows(CreationException.class, () -> strict(MailModule.smtp(TestMail.config(25).build()),
                MailModule.dispatcher(DispatchConfig.defaults())));
    }

    @Test
    void the_background_dispatcher_delivers_what_is_queued_and_stops_cleanly() throws Exception {
        int port = TestMail.freePort();
        GreenMail server = TestMail.greenMail(port);
        server.start();
        try {
            TestWorld world = new TestWorld();
            InMemoryNotificationOutbox outbox = world.outbox;
            DispatchConfig settings = new DispatchConfig(DispatchConfig.defaults().backoff(), 10,
                    Duration.ofMinutes(1), Duration.ofMillis(50), 1);
            Injector injector = strict(MailModule.smtp(TestMail.config(port).build()),
                    MailModule.dispatcher(settings), new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(Ticketing.class).toInstance(world.ticketing);
                        }
                    });
            Person to = Fixtures.newRequester();
            outbox.enqueue(List.of(sample(TemplateKey.REQUEST_RECEIVED, to)), world.clock.instant());

            BackgroundDispatcher background = BackgroundDispatcher.start(
                    injector.getInstance(DispatchNotifications.class),
                    injector.getInstance(DispatchConfig.class).interval());
            try {
                assertTrue(server.waitForIncomingEmail(10_000, 1));
            } finally {
                background.close();
            }

            assertEquals(1, TestMail.receivedBy(server, to.email()).size());
            assertEquals(DeliveryState.SENT, outbox.all().get(0).state());
        } finally {
            server.stop();
        }
    }
}
