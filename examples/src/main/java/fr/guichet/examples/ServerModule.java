package fr.guichet.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.TicketingSettings;
import fr.guichet.http.ReadinessCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Wires the core's use cases, on the server's clock, to whatever adapters the other modules bind, and the server's
 * readiness probe.
 */
final class ServerModule extends AbstractModule {

    private final ServerSettings settings;
    private final Clock clock;

    ServerModule(ServerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Provides
    @Singleton
    Ticketing ticketing(Injector injector) {
        return Ticketing.builder(Ports.lookUp(injector::getInstance)).clock(clock)
                .settings(TicketingSettings.defaults().withMailDomains(settings.mailDomains()))
                .fixedByEnvironment(settings.fixedSettings()).replyKeys(settings.replyKeys().orElse(null))
                .ownAddresses(settings.ownAddresses()).mailSubject(settings.mailSubject().orElse(null))
                .calendar(settings.calendar()).build();
    }

    @Provides
    @Singleton
    ReadinessCheck readiness(DataSource dataSource) {
        return () -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        };
    }
}
