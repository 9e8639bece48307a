package fr.guichet.examples;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.calendar.OpeningHours;
import fr.guichet.core.domain.calendar.SchoolCalendar;
import fr.guichet.core.domain.calendar.SchoolHolidays;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.domain.session.SignInLimits;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.http.HttpConfig;
import fr.guichet.jdbc.JdbcConfig;
import fr.guichet.mail.DispatchConfig;
import fr.guichet.mail.ImapConfig;
import fr.guichet.mail.MailConfig;
import fr.guichet.mail.TrustStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The example server's configuration, read from {@code GUICHET_*} environment variables with defaults that run a
 * newcomer's server out of the box (port 8080, H2 under {@code ./guichet-data/}, mails as {@code .eml} files).
 */
public record ServerSettings(int port, Path dataDirectory, JdbcConfig database, MailDomains mailDomains,
        String baseUrl, Optional<MailConfig> smtp, MailConfig mailFiles, Optional<String> demoPassword,
        boolean secureCookies, HttpConfig http, DispatchConfig dispatch, Optional<ReplyKeys> replyKeys,
        Optional<ImapConfig> imap, Map<String, String> environment) {

    /** The shortest outbox lease accepted: a claim must outlast twice the longest single send. */
    static final Duration MIN_MAIL_LEASE = Duration.ofSeconds(10);

    /** Thrown for a variable whose value cannot be used; the message names it. */
    public static final class InvalidSetting extends RuntimeException {
        InvalidSetting(String message) {
            super(message);
        }
    }

    public static ServerSettings fromEnvironment(Map<String, String> env) {
        int port = integer(env, "GUICHET_PORT", 8080);
        Path data = Path.of(env.getOrDefault("GUICHET_DATA_DIR", "guichet-data")).toAbsolutePath();
        JdbcConfig database = value(env, "GUICHET_DB_URL")
                .map(url -> new JdbcConfig(url, env.getOrDefault("GUICHET_DB_USER", ""),
                        env.getOrDefault("GUICHET_DB_PASSWORD", "")))
                .orElseGet(() -> JdbcConfig.h2File(data));
        MailDomains domains;
        try {
            domains = MailDomains.parse(env.getOrDefault("GUICHET_MAIL_DOMAINS", "ac-creteil.fr"));
        } catch (RuntimeException e) {
            throw new InvalidSetting("GUICHET_MAIL_DOMAINS: a comma-separated list of mail domains is expected");
        }
        String baseUrl = value(env, "GUICHET_BASE_URL").orElse("http://localhost:" + port).replaceAll("/+$", "");
        String from = value(env, "GUICHET_MAIL_FROM")
                .orElse("guichet@" + domains.domains().stream().sorted().findFirst().orElseThrow());
        Optional<ReplyKeys> keys = replyKeys(env);
        mailSubject(env);
        calendar(env);
        MailConfig.Builder mail = MailConfig.builder(value(env, "GUICHET_SMTP_HOST").orElse("localhost"), from,
                env.getOrDefault("GUICHET_MAIL_FROM_NAME", "Guichet – assistance informatique"), baseUrl)
                .replyKeys(keys.orElse(null));
        value(env, "GUICHET_MAIL_REPLY_TO").ifPresent(mail::replyTo);
        Optional<MailConfig> smtp = value(env, "GUICHET_SMTP_HOST").map(host -> {
            mail.port(integer(env, "GUICHET_SMTP_PORT", 25));
            value(env, "GUICHET_SMTP_SECURITY").ifPresent(s -> mail.security(security(s)));
            value(env, "GUICHET_SMTP_USER").ifPresent(u -> mail.credentials(u,
                    env.getOrDefault("GUICHET_SMTP_PASSWORD", "")));
            trustStore(env, "GUICHET_SMTP_TRUST_STORE").ifPresent(mail::trustStore);
            return mail.build();
        });
        boolean secure = value(env, "GUICHET_SECURE_COOKIES").map(Boolean::parseBoolean)
                .orElse(baseUrl.startsWith("https://"));
        return new ServerSettings(port, data, database, domains, baseUrl, smtp, mail.build(),
                value(env, "GUICHET_DEMO_PASSWORD"), secure, http(env, secure, data),
                DispatchConfig.defaults().withLease(mailLease(env)).withSenders(mailSenders(env)), keys, imap(env), Map.copyOf(env));
    }

    /** Guichet's own addresses, whose mail is never taken in: From, Reply-To and the helpdesk addresses. */
    public Set<EmailAddress> ownAddresses() {
        return smtp.orElse(mailFiles).ownAddresses();
    }

    /**
     * {@code GUICHET_MAIL_SUBJECT}: the code of the subject ("À trier") in which a mail without a reply tag, from an
     * active person with an eligible address, files a new request; when absent, such mail is kept unattached.
     */
    public Optional<SubjectCode> mailSubject() {
        return mailSubject(environment);
    }

    /**
     * The school calendar service levels are counted in: {@code GUICHET_OPENING_HOURS} ({@code HH:MM-HH:MM}, Monday
     * to Friday, {@code 08:00-18:00} by default, Europe/Paris), {@code GUICHET_SCHOOL_HOLIDAYS} (a file of school
     * holidays, see {@link SchoolHolidays#parse}; the bundled zone C file by default) and
     * {@code GUICHET_SCHOOL_HOLIDAYS_WORKED} ({@code true} when the platform works during school holidays; false by
     * default).
     */
    public SchoolCalendar calendar() {
        return calendar(environment);
    }

    private static SchoolCalendar calendar(Map<String, String> env) {
        try {
            OpeningHours hours = value(env, "GUICHET_OPENING_HOURS")
                    .map(text -> OpeningHours.parse(text, ZoneId.of("Europe/Paris"))).orElse(OpeningHours.defaults());
            SchoolHolidays holidays = value(env, "GUICHET_SCHOOL_HOLIDAYS").map(file -> {
                try {
                    return SchoolHolidays.parse(Files.readString(Path.of(file)));
                } catch (IOException e) {
                    throw new InvalidSetting("GUICHET_SCHOOL_HOLIDAYS: cannot read " + file + ": " + e.getMessage());
                }
            }).orElseGet(SchoolHolidays::zoneC);
            boolean worked = value(env, "GUICHET_SCHOOL_HOLIDAYS_WORKED").map(Boolean::parseBoolean).orElse(false);
            return new SchoolCalendar(hours, holidays, worked);
        } catch (TicketingException e) {
            throw new InvalidSetting("GUICHET_OPENING_HOURS or GUICHET_SCHOOL_HOLIDAYS: " + e.getMessage());
        }
    }

    private static Optional<SubjectCode> mailSubject(Map<String, String> env) {
        return value(env, "GUICHET_MAIL_SUBJECT").map(code -> {
            try {
                return SubjectCode.parse(code.strip());
            } catch (RuntimeException e) {
                throw new InvalidSetting("GUICHET_MAIL_SUBJECT: the code of a subject of the catalog is expected, "
                        + "such as EVE-4.2");
            }
        });
    }

    /** {@code GUICHET_REPLY_TOKEN_KEY}: comma-separated secrets of 16 characters at least, the first signing. */
    private static Optional<ReplyKeys> replyKeys(Map<String, String> env) {
        return value(env, "GUICHET_REPLY_TOKEN_KEY").map(text -> {
            try {
                return ReplyKeys.of(Arrays.stream(text.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                        .toList());
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting("GUICHET_REPLY_TOKEN_KEY: comma-separated keys of at least "
                        + ReplyKeys.MIN_SECRET_LENGTH + " characters are expected, the first signing");
            }
        });
    }

    /** The mailbox read when {@code GUICHET_IMAP_URL} is set. */
    private static Optional<ImapConfig> imap(Map<String, String> env) {
        return value(env, "GUICHET_IMAP_URL").map(url -> {
            try {
                ImapConfig.Builder imap = ImapConfig.builder(url, value(env, "GUICHET_IMAP_USER").orElse(""),
                        env.getOrDefault("GUICHET_IMAP_PASSWORD", ""));
                imap.pollInterval(Duration.ofSeconds(positive(env, "GUICHET_IMAP_POLL_SECONDS", 30)));
                imap.folders(value(env, "GUICHET_IMAP_DONE_FOLDER").orElse("Guichet-traites"),
                        value(env, "GUICHET_IMAP_ERROR_FOLDER").orElse("Guichet-erreurs"), 5);
                trustStore(env, "GUICHET_IMAP_TRUST_STORE").ifPresent(imap::trustStore);
                return imap.build();
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting("GUICHET_IMAP_*: " + e.getMessage());
            }
        });
    }

    /** The trust store of {@code <prefix>}, {@code <prefix>_PASSWORD} and {@code <prefix>_TYPE} (PKCS12). */
    private static Optional<TrustStore> trustStore(Map<String, String> env, String prefix) {
        return value(env, prefix).map(path -> new TrustStore(Path.of(path),
                env.getOrDefault(prefix + "_PASSWORD", ""), value(env, prefix + "_TYPE").orElse("PKCS12")));
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        int value = count(env, name, fallback);
        if (value < 1) {
            throw new InvalidSetting(name + ": a whole number of at least 1 is expected");
        }
        return value;
    }

    /** Never shows the demo password nor the environment (it may hold other secrets). */
    @Override
    public String toString() {
        return "ServerSettings[port=" + port + ", data=" + dataDirectory + ", database=" + database + ", smtp="
                + smtp + ", baseUrl=" + baseUrl + ", secureCookies=" + secureCookies + ", mailLease="
                + dispatch.lease() + ", replyKeys=" + replyKeys.isPresent() + ", imap=" + imap + "]";
    }

    /**
     * The settings the environment fixes, which administrators cannot change at run time: the mail domains when
     * {@code GUICHET_MAIL_DOMAINS} is set.
     */
    public Set<SettingName> fixedSettings() {
        return value(environment, "GUICHET_MAIL_DOMAINS").isPresent() ? Set.of(SettingName.MAIL_DOMAINS) : Set.of();
    }

    /** Where mails go when no SMTP host is configured. */
    public Path mailFolder() {
        return dataDirectory.resolve("mail");
    }

    private static HttpConfig http(Map<String, String> env, boolean secure, Path data) {
        SignInLimits defaults = SignInLimits.defaults();
        SignInLimits limits;
        try {
            limits = new SignInLimits(count(env, "GUICHET_SIGNIN_FREE_FAILURES", defaults.freeFailures()),
                    duration(env, "GUICHET_SIGNIN_FIRST_DELAY", defaults.firstDelay()),
                    duration(env, "GUICHET_SIGNIN_MAX_DELAY", defaults.maxDelay()),
                    count(env, "GUICHET_SIGNIN_FAILURES_PER_ADDRESS", defaults.failuresPerAddress()),
                    duration(env, "GUICHET_SIGNIN_WINDOW", defaults.window()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting("GUICHET_SIGNIN_*: " + e.getMessage());
        }
        List<String> proxies = value(env, "GUICHET_TRUSTED_PROXIES")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList())
                .orElse(List.of());
        try {
            return HttpConfig.defaults().withSecureCookies(secure).withSpoolDirectory(data.resolve("uploads"))
                    .withSignInLimits(limits).withTrustedProxies(proxies);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting("GUICHET_TRUSTED_PROXIES: " + e.getMessage());
        }
    }

    /** {@code GUICHET_MAIL_LEASE_SECONDS}: whole seconds or an ISO-8601 duration, {@link #MIN_MAIL_LEASE} at least. */
    private static Duration mailLease(Map<String, String> env) {
        Optional<String> text = value(env, "GUICHET_MAIL_LEASE_SECONDS");
        Optional<Duration> lease = text.isEmpty() ? Optional.of(DispatchConfig.defaults().lease())
                : text.flatMap(ServerSettings::secondsOrDuration);
        return lease.filter(l -> l.compareTo(MIN_MAIL_LEASE) >= 0).orElseThrow(() -> new InvalidSetting(
                "GUICHET_MAIL_LEASE_SECONDS: a number of seconds (or an ISO-8601 duration such as PT90S) of at least "
                        + MIN_MAIL_LEASE.toSeconds() + " is expected, not \"" + text.orElseThrow() + "\""));
    }

    /** {@code GUICHET_MAIL_SENDERS}: how many threads of this node send mail at once, 1 to 64. */
    private static int mailSenders(Map<String, String> env) {
        int senders = positive(env, "GUICHET_MAIL_SENDERS", DispatchConfig.defaults().senders());
        if (senders > DispatchConfig.MAX_SENDERS) {
            throw new InvalidSetting("GUICHET_MAIL_SENDERS: at most " + DispatchConfig.MAX_SENDERS + " is expected");
        }
        return senders;
    }

    private static Optional<Duration> secondsOrDuration(String text) {
        try {
            return Optional.of(text.matches("[0-9]{1,9}") ? Duration.ofSeconds(Long.parseLong(text))
                    : Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int count(Map<String, String> env, String name, int fallback) {
        Optional<String> text = value(env, name);
        try {
            return text.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new InvalidSetting(name + ": a whole number is expected, not \"" + text.get() + "\"");
        }
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        Optional<String> text = value(env, name);
        try {
            return text.map(Duration::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw new InvalidSetting(name + ": an ISO-8601 duration such as PT2S or PT5M is expected, not \""
                    + text.get() + "\"");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.get());
            if (v < 0 || v > 65535) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidSetting(name + ": a port number from 0 to 65535 is expected, not \"" + text.get() + "\"");
        }
    }

    private static MailConfig.Security security(String text) {
        try {
            return MailConfig.Security.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting("GUICHET_SMTP_SECURITY: NONE, STARTTLS or SSL is expected");
        }
    }
}
