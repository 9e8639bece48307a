package fr.guichet.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the helpdesk reads its mailbox: the IMAP server and folder as a URL ({@code imap://host:port/FOLDER}, or
 * {@code imaps://…} for TLS from the first byte; port 143 or 993 and folder {@code INBOX} when absent), the account,
 * how often it is read, the folder imported mail is moved to and the one a mail failing {@code maxAttempts} times in
 * a row is moved to (both created when missing), the largest mail taken in, socket timeouts and an optional trust
 * store. Immutable; {@code trustStore} may be null.
 */
public record ImapConfig(URI url, String user, String password, Duration pollInterval, String doneFolder,
        String errorFolder, int maxAttempts, long maxMessageBytes, Duration connectTimeout, Duration readTimeout,
        TrustStore trustStore) {

    /** The folder read when the URL names none. */
    public static final String DEFAULT_FOLDER = "INBOX";

    public ImapConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(doneFolder, "doneFolder");
        Objects.requireNonNull(errorFolder, "errorFolder");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (!"imap".equals(url.getScheme()) && !"imaps".equals(url.getScheme())) {
            throw new IllegalArgumentException("an imap:// or imaps:// URL is expected: " + url);
        }
        if (url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null
                || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("imap://host:port/FOLDER is expected, without user or query: " + url);
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("the IMAP user is missing");
        }
        if (pollInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("invalid poll interval: " + pollInterval);
        }
        for (Duration d : new Duration[] {connectTimeout, readTimeout}) {
            if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid timeout: " + d);
            }
        }
        if (doneFolder.isBlank() || errorFolder.isBlank() || doneFolder.equals(errorFolder)
                || doneFolder.equals(folderOf(url)) || errorFolder.equals(folderOf(url))) {
            throw new IllegalArgumentException("the folders read, of imported mail and of failed mail must differ");
        }
        if (maxAttempts < 1 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("at least one attempt and one byte are needed");
        }
    }

    /**
     * The mailbox at {@code url} read as {@code user} every 30 s; imported mail moved to {@code Guichet-traites},
     * mail failing 5 times to {@code Guichet-erreurs}; mails up to 40 MiB; timeouts of 10 s then 30 s.
     */
    public static Builder builder(String url, String user, String password) {
        try {
            return new Builder(new URI(url.strip()), user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid IMAP URL: " + e.getMessage(), e);
        }
    }

    /** Whether the connection is TLS from the first byte ({@code imaps}). */
    public boolean ssl() {
        return "imaps".equals(url.getScheme());
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : ssl() ? 993 : 143;
    }

    /** The folder read: the URL's path without its leading slash, {@value #DEFAULT_FOLDER} when empty. */
    public String folder() {
        return folderOf(url);
    }

    public Optional<TrustStore> trust() {
        return Optional.ofNullable(trustStore);
    }

    private static String folderOf(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.isBlank() ? DEFAULT_FOLDER : path;
    }

    @Override
    public String toString() {
        return "ImapConfig[" + url + " as " + user + ", every " + pollInterval + ", done " + doneFolder + ", errors "
                + errorFolder + "]";
    }

    /** Builds an {@link ImapConfig}; not thread-safe. */
    public static final class Builder {
        private final URI url;
        private final String user;
        private final String password;
        private Duration pollInterval = Duration.ofSeconds(30);
        private String doneFolder = "Guichet-traites";
        private String errorFolder = "Guichet-erreurs";
        private int maxAttempts = 5;
        private long maxMessageBytes = 40L * 1024 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private TrustStore trustStore;

        private Builder(URI url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        /** The folders imported mail and mail that failed {@code attempts} times are moved to. */
        public Builder folders(String done, String errors, int attempts) {
            doneFolder = done;
            errorFolder = errors;
            maxAttempts = attempts;
            return this;
        }

        public Builder maxMessageBytes(long value) {
            maxMessageBytes = value;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            connectTimeout = connect;
            readTimeout = read;
            return this;
        }

        public Builder trustStore(TrustStore value) {
            trustStore = value;
            return this;
        }

        public ImapConfig build() {
            return new ImapConfig(url, user, password, pollInterval, doneFolder, errorFolder, maxAttempts,
                    maxMessageBytes, connectTimeout, readTimeout, trustStore);
        }
    }
}
