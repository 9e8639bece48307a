package fr.guichet.mail;

import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.person.EmailAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the helpdesk sends mail: SMTP server (host, port, security, optional credentials), From and Reply-To, socket
 * timeouts, how long a connection is kept idle and how many mails it carries before it is closed, the public base URL
 * its links point to, the helpdesk's own addresses (never recipients: From, Reply-To and {@code helpdeskAddresses}),
 * the templates' locale, an optional folder of templates searched before the built-in ones, an optional trust store
 * TLS connections check the server against and the optional keys the reply tags of mails about a request are signed
 * with (without them, mails carry no tag). Immutable; {@code username}, {@code password}, {@code replyTo},
 * {@code templateDirectory}, {@code trustStore} and {@code replyKeys} may be null.
 */
public record MailConfig(String host, int port, Security security, String username, String password,
        EmailAddress from, String fromName, EmailAddress replyTo, Duration connectTimeout, Duration readTimeout,
        Duration writeTimeout, Duration idleTimeout, int mailsPerConnection, URI publicBaseUrl,
        Set<EmailAddress> helpdeskAddresses, Locale locale, Path templateDirectory, TrustStore trustStore,
        ReplyKeys replyKeys) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain SMTP (a relay on a trusted network). */
        NONE,
        /** Plain connection upgraded by STARTTLS, which the server must offer. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        SSL
    }

    public MailConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(locale, "locale");
        if (host.isBlank() || !host.equals(SafeText.header(host)) || host.contains(" ")) {
            throw new IllegalArgumentException("invalid SMTP host: " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid SMTP port: " + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password go together");
        }
        for (Duration d : new Duration[] {connectTimeout, readTimeout, writeTimeout, idleTimeout}) {
            if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid timeout: " + d);
            }
        }
        if (mailsPerConnection < 1) {
            throw new IllegalArgumentException("invalid mails per connection: " + mailsPerConnection);
        }
        String scheme = publicBaseUrl.getScheme();
        if (!publicBaseUrl.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))
                || publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL: " + publicBaseUrl);
        }
        fromName = SafeText.header(fromName);
        helpdeskAddresses = Set.copyOf(helpdeskAddresses);
    }

    /**
     * A configuration with defaults: port 25, no security, no credentials, timeouts of 10 s, a connection closed after
     * 30 s idle or 100 mails, French, no override.
     */
    public static Builder builder(String host, String from, String fromName, String publicBaseUrl) {
        return new Builder(host, EmailAddress.of(from), fromName, URI.create(publicBaseUrl));
    }

    public Optional<String> user() {
        return Optional.ofNullable(username);
    }

    public Optional<EmailAddress> replyToAddress() {
        return Optional.ofNullable(replyTo);
    }

    public Optional<Path> templateFolder() {
        return Optional.ofNullable(templateDirectory);
    }

    /** The keys reply tags are signed with, when replies by mail are taken in. */
    public Optional<ReplyKeys> keys() {
        return Optional.ofNullable(replyKeys);
    }

    /** The trust store of STARTTLS and SSL connections, when not the JVM's default one. */
    public Optional<TrustStore> trust() {
        return Optional.ofNullable(trustStore);
    }

    /** The addresses mail must never be sent to: From, Reply-To and the listed helpdesk addresses. */
    public Set<EmailAddress> ownAddresses() {
        Set<EmailAddress> own = new LinkedHashSet<>(helpdeskAddresses);
        own.add(from);
        replyToAddress().ifPresent(own::add);
        return Set.copyOf(own);
    }

    /** The public link to a request: {@code <publicBaseUrl>/demandes/<number>}. */
    public String linkTo(String number) {
        return base() + "/demandes/" + number;
    }

    /**
     * The link that sets a new password: {@code <publicBaseUrl>/nouveau-mot-de-passe.html#<token>}, the token in the
     * fragment, which a browser sends to no server, in no request and no {@code Referer}.
     */
    public String passwordResetLink(String token) {
        return base() + "/nouveau-mot-de-passe.html#" + token;
    }

    /** The one-click satisfaction survey of a resolved request: {@code <publicBaseUrl>/satisfaction/<token>}. */
    public String satisfactionLink(String token) {
        return base() + "/satisfaction/" + token;
    }

    /** The public home page of the helpdesk: {@code <publicBaseUrl>/}. */
    public String homeLink() {
        return base() + "/";
    }

    private String base() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String toString() {
        return "MailConfig[" + security + " " + host + ":" + port + (username == null ? "" : " as " + username)
                + ", from " + from + ", base " + publicBaseUrl + ", " + locale + "]";
    }

    /** Builds a {@link MailConfig}; not thread-safe. */
    public static final class Builder {
        private final String host;
        private final EmailAddress from;
        private final String fromName;
        private final URI publicBaseUrl;
        private int port = 25;
        private Security security = Security.NONE;
        private String username;
        private String password;
        private EmailAddress replyTo;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration writeTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int mailsPerConnection = 100;
        private Set<EmailAddress> helpdeskAddresses = Set.of();
        private Locale locale = Locale.FRENCH;
        private Path templateDirectory;
        private TrustStore trustStore;
        private ReplyKeys replyKeys;

        private Builder(String host, EmailAddress from, String fromName, URI publicBaseUrl) {
            this.host = host;
            this.from = from;
            this.fromName = fromName;
            this.publicBaseUrl = publicBaseUrl;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder security(Security value) {
            security = value;
            return this;
        }

        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        public Builder replyTo(String address) {
            replyTo = EmailAddress.of(address);
            return this;
        }

        public Builder timeouts(Duration connect, Duration read, Duration write) {
            connectTimeout = connect;
            readTimeout = read;
            writeTimeout = write;
            return this;
        }

        /** A connection idle for {@code idle} is closed, and so is one that has carried {@code mails} mails. */
        public Builder connectionReuse(Duration idle, int mails) {
            idleTimeout = idle;
            mailsPerConnection = mails;
            return this;
        }

        public Builder helpdeskAddresses(String... addresses) {
            Set<EmailAddress> set = new LinkedHashSet<>();
            for (String a : addresses) {
                set.add(EmailAddress.of(a));
            }
            helpdeskAddresses = set;
            return this;
        }

        public Builder locale(Locale value) {
            locale = value;
            return this;
        }

        public Builder templateDirectory(Path value) {
            templateDirectory = value;
            return this;
        }

        public Builder trustStore(TrustStore value) {
            trustStore = value;
            return this;
        }

        public Builder replyKeys(ReplyKeys value) {
            replyKeys = value;
            return this;
        }

        public MailConfig build() {
            return new MailConfig(host, port, security, username, password, from, fromName, replyTo, connectTimeout,
                    readTimeout, writeTimeout, idleTimeout, mailsPerConnection, publicBaseUrl, helpdeskAddresses,
                    locale, templateDirectory, trustStore, replyKeys);
        }
    }
}
