package fr.guichet.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.port.SignInFailures;
import java.util.Objects;

/**
 * Offers the {@link GuichetHttpApi} (a singleton, not started, on the clock of the {@link Ticketing}) and its
 * {@link HttpConfig}, built from a bound {@link Ticketing}, {@link ReadinessCheck} and {@link SignInFailures};
 * starting, mounting and stopping are the host's to do.
 */
public final class HttpModule extends AbstractModule {

    private final HttpConfig config;

    public HttpModule(HttpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Provides
    @Singleton
    HttpConfig httpConfig() {
        return config;
    }

    @Provides
    @Singleton
    GuichetHttpApi guichetHttpApi(Ticketing ticketing, HttpConfig httpConfig, ReadinessCheck readiness,
            SignInFailures signInFailures) {
        return new GuichetHttpApi(ticketing, httpConfig, readiness, signInFailures, ticketing.clock());
    }
}
