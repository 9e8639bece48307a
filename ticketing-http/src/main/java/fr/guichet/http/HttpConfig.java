package fr.guichet.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP facade behaves in one deployment: Secure cookies (behind HTTPS), body limits, where multipart uploads
 * are spooled, and the sign-in throttle (failures allowed per identifier and per client address within a window,
 * counted in memory on each node).
 */
public record HttpConfig(boolean secureCookies, long maxJsonBytes, long maxMultipartBytes, Path spoolDirectory,
        int maxFailuresPerIdentifier, int maxFailuresPerAddress, Duration throttleWindow) {

    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;

    public HttpConfig {
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        Objects.requireNonNull(throttleWindow, "throttleWindow");
        if (maxJsonBytes < 1024 || maxMultipartBytes < maxJsonBytes) {
            throw new IllegalArgumentException("body limits: maxJsonBytes >= 1024 and maxMultipartBytes >= maxJsonBytes");
        }
        if (maxFailuresPerIdentifier < 1 || maxFailuresPerAddress < 1 || throttleWindow.isNegative()
                || throttleWindow.isZero()) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
    }

    /**
     * Plain HTTP cookies (set {@link #withSecureCookies} behind HTTPS), 256 KiB of JSON, 26 MiB of multipart (the
     * core's 25 MiB of attachments and the request), spooled to the system's temporary directory; 5 failed sign-ins
     * per identifier and 20 per address within 15 minutes.
     */
    public static HttpConfig defaults() {
        return new HttpConfig(false, 256 * KIB, 26 * MIB, Path.of(System.getProperty("java.io.tmpdir")), 5, 20,
                Duration.ofMinutes(15));
    }

    public HttpConfig withSecureCookies(boolean value) {
        return new HttpConfig(value, maxJsonBytes, maxMultipartBytes, spoolDirectory, maxFailuresPerIdentifier,
                maxFailuresPerAddress, throttleWindow);
    }

    public HttpConfig withBodyLimits(long json, long multipart) {
        return new HttpConfig(secureCookies, json, multipart, spoolDirectory, maxFailuresPerIdentifier,
                maxFailuresPerAddress, throttleWindow);
    }

    public HttpConfig withThrottle(int perIdentifier, int perAddress, Duration window) {
        return new HttpConfig(secureCookies, maxJsonBytes, maxMultipartBytes, spoolDirectory, perIdentifier,
                perAddress, window);
    }

    public HttpConfig withSpoolDirectory(Path value) {
        return new HttpConfig(secureCookies, maxJsonBytes, maxMultipartBytes, value, maxFailuresPerIdentifier,
                maxFailuresPerAddress, throttleWindow);
    }
}
