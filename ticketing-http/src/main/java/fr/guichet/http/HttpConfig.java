package fr.guichet.http;

import fr.guichet.core.domain.session.SignInLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP facade behaves in one deployment: Secure cookies (behind HTTPS), body limits, where multipart uploads
 * are spooled, the sign-in limits (counted in the database, shared by every node), and the reverse proxies trusted to
 * name the client in {@code Forwarded} or {@code X-Forwarded-For} (CIDR blocks or addresses; none by default, so the
 * client is the socket's peer).
 */
public record HttpConfig(boolean secureCookies, long maxJsonBytes, long maxMultipartBytes, Path spoolDirectory,
        SignInLimits signInLimits, List<String> trustedProxies) {

    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;

    public HttpConfig {
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        Objects.requireNonNull(signInLimits, "signInLimits");
        trustedProxies = List.copyOf(trustedProxies);
        if (maxJsonBytes < 1024 || maxMultipartBytes < maxJsonBytes) {
            throw new IllegalArgumentException("body limits: maxJsonBytes >= 1024 and maxMultipartBytes >= maxJsonBytes");
        }
        ClientAddress.proxies(trustedProxies);
    }

    /**
     * Plain HTTP cookies (set {@link #withSecureCookies} behind HTTPS), 256 KiB of JSON, 26 MiB of multipart (the
     * core's 25 MiB of attachments and the request), spooled to the system's temporary directory;
     * {@link SignInLimits#defaults()}; no trusted proxy.
     */
    public static HttpConfig defaults() {
        return new HttpConfig(false, 256 * KIB, 26 * MIB, Path.of(System.getProperty("java.io.tmpdir")),
                SignInLimits.defaults(), List.of());
    }

    public HttpConfig withSecureCookies(boolean value) {
        return new HttpConfig(value, maxJsonBytes, maxMultipartBytes, spoolDirectory, signInLimits, trustedProxies);
    }

    public HttpConfig withBodyLimits(long json, long multipart) {
        return new HttpConfig(secureCookies, json, multipart, spoolDirectory, signInLimits, trustedProxies);
    }

    public HttpConfig withSignInLimits(SignInLimits value) {
        return new HttpConfig(secureCookies, maxJsonBytes, maxMultipartBytes, spoolDirectory, value, trustedProxies);
    }

    /** Trusts these proxies (CIDR blocks such as {@code 10.0.0.0/8}, or single addresses) to name the client. */
    public HttpConfig withTrustedProxies(List<String> value) {
        return new HttpConfig(secureCookies, maxJsonBytes, maxMultipartBytes, spoolDirectory, signInLimits, value);
    }

    public HttpConfig withSpoolDirectory(Path value) {
        return new HttpConfig(secureCookies, maxJsonBytes, maxMultipartBytes, value, signInLimits, trustedProxies);
    }
}
