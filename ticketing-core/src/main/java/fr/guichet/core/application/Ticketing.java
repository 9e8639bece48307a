package fr.guichet.core.application;

import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.calendar.SchoolCalendar;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.notification.Backoff;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.routing.RoutingPolicy;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.SubjectCatalogSource;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The core's use cases, wired by hand from the ports (no injection framework in the core); immutable and thread-safe
 * as long as the ports are. Build one with {@link #builder(Ports)}.
 */
public final class Ticketing {

    private final SignIn signIn;
    private final SignOut signOut;
    private final Authenticate authenticate;
    private final FileRequest fileRequest;
    private final ListMyRequests listMyRequests;
    private final ListQueue listQueue;
    private final ComputeStatistics computeStatistics;
    private final CountRequests countRequests;
    private final ViewRequest viewRequest;
    private final PostMessage postMessage;
    private final RedirectRequest redirectRequest;
    private final TakeRequest takeRequest;
    private final ListSupportGroups listSupportGroups;
    private final ListCannedAnswers listCannedAnswers;
    private final ManageCannedAnswers manageCannedAnswers;
    private final ChangeStatus changeStatus;
    private final CloseIdleRequests closeIdleRequests;
    private final LinkRequest linkRequest;
    private final FetchAttachment fetchAttachment;
    private final BrowseCatalog browseCatalog;
    private final AdministerPeople administerPeople;
    private final ManageEstablishments manageEstablishments;
    private final RequestPasswordReset requestPasswordReset;
    private final ResetPassword resetPassword;
    private final ListAudit listAudit;
    private final ManageGroups manageGroups;
    private final ManageCatalog manageCatalog;
    private final ManageSettings manageSettings;
    private final ExportPersonData exportPersonData;
    private final AnonymiseExpiredData anonymiseExpiredData;
    private final ReceiveMail receiveMail;
    private final UnattachedMail unattachedMail;
    private final ChooseNotifications chooseNotifications;
    private final SendDigests sendDigests;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final ServiceLevels serviceLevels;
    private final AnswerSatisfaction answerSatisfaction;
    private final TicketingSettings settings;

    private Ticketing(Builder b) {
        Ports ports = b.ports;
        UnitOfWork uow = ports.unitOfWork();
        RequestRepository requests = ports.requests();
        PersonDirectory people = ports.people();
        SubjectCatalogSource catalog = ports.catalog();
        AttachmentStore attachments = ports.attachments();
        NotificationOutbox outbox = ports.outbox();
        this.outbox = outbox;
        SessionStore sessions = ports.sessions();
        CredentialsVerifier credentials = ports.credentials();
        Clock clock = Objects.requireNonNull(b.clock, "clock");
        this.clock = clock;
        this.settings = Objects.requireNonNull(b.settings, "settings");
        Labels labels = new Labels(catalog, people, requests, ports.establishments());
        Notifier notifier = new Notifier(people, ports.registry(), outbox);
        Router router = new Router(people, requests, Objects.requireNonNull(b.routing, "routing"));
        LiveSettings live = new LiveSettings(settings, b.fixedByEnvironment, ports.storedSettings());
        SessionCache cache = new SessionCache(b.sessionCacheTtl, b.sessionCacheCapacity);
        this.signIn = new SignIn(credentials, people, sessions, uow, clock, settings, cache);
        this.signOut = new SignOut(sessions, uow, cache);
        this.authenticate = new Authenticate(sessions, people, clock, cache);
        this.serviceLevels = new ServiceLevels(Objects.requireNonNull(b.calendar, "calendar"), clock);
        this.fileRequest = new FileRequest(uow, requests, labels, attachments, notifier, router, clock, live,
                serviceLevels);
        this.listMyRequests = new ListMyRequests(uow, requests, labels, clock, settings);
        this.listQueue = new ListQueue(uow, requests, labels);
        this.countRequests = new CountRequests(uow, requests);
        this.viewRequest = new ViewRequest(uow, requests, labels);
        AttachmentIntake intake = new AttachmentIntake(attachments, settings);
        this.postMessage = new PostMessage(uow, requests, labels, intake, notifier, clock, serviceLevels);
        this.redirectRequest = new RedirectRequest(uow, requests, people, labels, notifier, router, clock);
        this.takeRequest = new TakeRequest(uow, requests, people, labels, notifier, clock);
        this.listSupportGroups = new ListSupportGroups(uow, people);
        this.listCannedAnswers = new ListCannedAnswers(uow, ports.cannedAnswers(), requests);
        this.manageCannedAnswers = new ManageCannedAnswers(uow, ports.cannedAnswers(), people);
        this.changeStatus = new ChangeStatus(uow, requests, labels, notifier, clock, live, serviceLevels);
        this.closeIdleRequests = new CloseIdleRequests(uow, requests, labels, notifier, clock, live);
        this.linkRequest = new LinkRequest(uow, requests, labels, clock);
        this.fetchAttachment = new FetchAttachment(uow, requests, attachments);
        this.browseCatalog = new BrowseCatalog(catalog);
        Optional<LocalAccounts> localAccounts = credentials instanceof LocalAccounts local ? Optional.of(local)
                : Optional.empty();
        this.requestPasswordReset = new RequestPasswordReset(uow, people, ports.passwordResets(), outbox, clock,
                localAccounts.isPresent());
        this.resetPassword = new ResetPassword(uow, people, ports.passwordResets(), sessions, localAccounts, clock,
                cache);
        AdminWrites adminWrites = new AdminWrites(uow, ports.audit(), people, clock, cache);
        this.administerPeople = new AdministerPeople(uow, adminWrites, ports, () -> live.current().mailDomains(),
                localAccounts.isPresent(), clock);
        this.manageEstablishments = new ManageEstablishments(uow, adminWrites, ports.establishments());
        this.listAudit = new ListAudit(uow, ports.audit());
        this.manageGroups = new ManageGroups(uow, ports.registry(), people, adminWrites,
                new ReturnToQueues(ports, clock));
        this.manageCatalog = new ManageCatalog(uow, catalog, people, adminWrites);
        this.manageSettings = new ManageSettings(uow, ports.storedSettings(), live, adminWrites);
        this.exportPersonData = new ExportPersonData(uow, ports, labels, clock, adminWrites);
        this.computeStatistics = new ComputeStatistics(uow, ports.statistics(), catalog, people,
                ports.establishments(), clock, settings.zone());
        this.anonymiseExpiredData = new AnonymiseExpiredData(ports, clock, live, adminWrites);
        this.answerSatisfaction = new AnswerSatisfaction(uow, requests, Optional.ofNullable(b.replyKeys), clock);
        this.receiveMail = new ReceiveMail(ports, labels, intake, notifier, fileRequest, live, clock,
                new MailIntake(Optional.ofNullable(b.replyKeys), b.ownAddresses, Optional.ofNullable(b.mailSubject),
                        b.mailRateLimit, b.mailRateWindow), serviceLevels);
        this.unattachedMail = new UnattachedMail(ports, postMessage, clock, settings, b.mailLogRetention,
                b.unattachedMailRetention);
        this.chooseNotifications = new ChooseNotifications(uow, ports.registry());
        this.sendDigests = new SendDigests(ports, clock, settings);
    }

    /** A builder of the use cases on {@code ports}. */
    public static Builder builder(Ports ports) {
        return new Builder(Objects.requireNonNull(ports, "ports"));
    }

    public SignIn signIn() {
        return signIn;
    }

    public SignOut signOut() {
        return signOut;
    }

    public Authenticate authenticate() {
        return authenticate;
    }

    public FileRequest fileRequest() {
        return fileRequest;
    }

    public ListMyRequests listMyRequests() {
        return listMyRequests;
    }

    public ListQueue listQueue() {
        return listQueue;
    }

    public ComputeStatistics computeStatistics() {
        return computeStatistics;
    }

    public CountRequests countRequests() {
        return countRequests;
    }

    public ViewRequest viewRequest() {
        return viewRequest;
    }

    public PostMessage postMessage() {
        return postMessage;
    }

    public RedirectRequest redirectRequest() {
        return redirectRequest;
    }

    public TakeRequest takeRequest() {
        return takeRequest;
    }

    public ListSupportGroups listSupportGroups() {
        return listSupportGroups;
    }

    public ListCannedAnswers listCannedAnswers() {
        return listCannedAnswers;
    }

    public ManageCannedAnswers manageCannedAnswers() {
        return manageCannedAnswers;
    }

    public ChangeStatus changeStatus() {
        return changeStatus;
    }

    /** The job an embedding application runs every few minutes, on any number of nodes. */
    public CloseIdleRequests closeIdleRequests() {
        return closeIdleRequests;
    }

    public LinkRequest linkRequest() {
        return linkRequest;
    }

    public FetchAttachment fetchAttachment() {
        return fetchAttachment;
    }

    /** The service levels of requests: dues in working time of the school calendar, late and breached as of now. */
    public ServiceLevels serviceLevels() {
        return serviceLevels;
    }

    public BrowseCatalog browseCatalog() {
        return browseCatalog;
    }

    /**
     * The dispatcher of this deployment's outbox through {@code channel}, on this clock: claims of {@code batchSize}
     * held for {@code lease}, failures retried after {@code backoff}. For a server to run with
     * {@link BackgroundDispatcher#start}.
     */
    public DispatchNotifications dispatchNotifications(NotificationChannel channel, Backoff backoff, int batchSize,
            Duration lease) {
        return new DispatchNotifications(outbox, Objects.requireNonNull(channel, "channel"), clock, backoff, batchSize,
                lease);
    }

    public AdministerPeople administerPeople() {
        return administerPeople;
    }

    public ManageEstablishments manageEstablishments() {
        return manageEstablishments;
    }

    public RequestPasswordReset requestPasswordReset() {
        return requestPasswordReset;
    }

    public ResetPassword resetPassword() {
        return resetPassword;
    }

    public ListAudit listAudit() {
        return listAudit;
    }

    public ManageGroups manageGroups() {
        return manageGroups;
    }

    public ManageCatalog manageCatalog() {
        return manageCatalog;
    }

    public ManageSettings manageSettings() {
        return manageSettings;
    }

    public ExportPersonData exportPersonData() {
        return exportPersonData;
    }

    /** The retention job an embedding application runs daily, on any number of nodes, and administrators on demand. */
    public AnonymiseExpiredData anonymiseExpiredData() {
        return anonymiseExpiredData;
    }

    /** The satisfaction survey of resolved requests, whose links the reply keys sign (none valid without them). */
    public AnswerSatisfaction answerSatisfaction() {
        return answerSatisfaction;
    }

    /** Takes in the mails sent to the helpdesk, read from its mailbox or pushed by an embedding application. */
    public ReceiveMail receiveMail() {
        return receiveMail;
    }

    /** The mail kept for staff, and the purge of the mail log an embedding application runs daily. */
    public UnattachedMail unattachedMail() {
        return unattachedMail;
    }

    public ChooseNotifications chooseNotifications() {
        return chooseNotifications;
    }

    /** The daily digests' job, for a deployment to run every few minutes on any number of nodes. */
    public SendDigests sendDigests() {
        return sendDigests;
    }

    /** The clock every use case reads the time from. */
    public Clock clock() {
        return clock;
    }

    /**
     * The deployment's settings; the reopening window, auto-close delay, retention and mail domains in force may
     * differ, an administrator having changed them (see {@link #manageSettings()}).
     */
    public TicketingSettings settings() {
        return settings;
    }

    /**
     * Takes the ports, and optionally the clock (system UTC), the settings (defaults), the routing policy (the
     * fewest open requests), which picks the member a request goes to when its subject is routed FEWEST_OPEN, and the
     * settings the deployment's environment fixes (none), which administrators cannot change.
     */
    public static final class Builder {
        private final Ports ports;
        private Clock clock = Clock.systemUTC();
        private TicketingSettings settings = TicketingSettings.defaults();
        private RoutingPolicy routing = RoutingPolicy.fewestOpenRequests();
        private Set<SettingName> fixedByEnvironment = Set.of();
        private ReplyKeys replyKeys;
        private Set<EmailAddress> ownAddresses = Set.of();
        private SubjectCode mailSubject;
        private int mailRateLimit = MailIntake.DEFAULT_RATE_LIMIT;
        private Duration mailRateWindow = MailIntake.DEFAULT_RATE_WINDOW;
        private Duration mailLogRetention = Duration.ofDays(30);
        private Duration unattachedMailRetention = Duration.ofDays(90);
        private SchoolCalendar calendar = SchoolCalendar.defaults();
        private Duration sessionCacheTtl = SessionCache.DEFAULT_TTL;
        private int sessionCacheCapacity = SessionCache.DEFAULT_CAPACITY;

        private Builder(Ports ports) {
            this.ports = ports;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder settings(TicketingSettings value) {
            settings = value;
            return this;
        }

        public Builder routing(RoutingPolicy value) {
            routing = value;
            return this;
        }

        /** The settings whose value in {@link #settings} the environment fixes: administrators cannot change them. */
        public Builder fixedByEnvironment(Set<SettingName> value) {
            fixedByEnvironment = Set.copyOf(value);
            return this;
        }

        /** The keys reply tags are signed and verified with; without them no mail is appended to a request. */
        public Builder replyKeys(ReplyKeys value) {
            replyKeys = value;
            return this;
        }

        /** Guichet's own From, Reply-To and helpdesk addresses: mail from them is never taken in. */
        public Builder ownAddresses(Set<EmailAddress> value) {
            ownAddresses = Set.copyOf(value);
            return this;
        }

        /**
         * The subject ("À trier") in which a mail without a reply tag, from an active person with an eligible address,
         * files a new request; without one (the default) such mail is kept unattached for staff.
         */
        public Builder mailSubject(SubjectCode value) {
            mailSubject = value;
            return this;
        }

        /** At most {@code count} mails from one sender in {@code window} are taken in (20 an hour by default). */
        public Builder mailRateLimit(int count, Duration window) {
            mailRateLimit = count;
            mailRateWindow = window;
            return this;
        }

        /** How long the mail log keeps what was filed away or ignored, and attached mail (30 days by default). */
        public Builder mailLogRetention(Duration value) {
            mailLogRetention = value;
            return this;
        }

        /** How long the mail log keeps mail kept unattached that no one filed away (90 days by default). */
        public Builder unattachedMailRetention(Duration value) {
            unattachedMailRetention = value;
            return this;
        }

        /**
         * How long this node keeps a session it found, and how many at most (5 seconds, 10,000 by default; zero keeps
         * none): a sign-out, a password reset or an administrative change made on this node holds here at once, one
         * made on another node within {@code ttl}.
         */
        public Builder sessionCache(Duration ttl, int capacity) {
            sessionCacheTtl = Objects.requireNonNull(ttl, "ttl");
            sessionCacheCapacity = capacity;
            return this;
        }

        /**
         * The school calendar whose working time service levels are counted in (by default Monday to Friday,
         * 8:00–18:00 Europe/Paris, public holidays and the zone C school holidays off).
         */
        public Builder calendar(SchoolCalendar value) {
            calendar = value;
            return this;
        }

        public Ticketing build() {
            return new Ticketing(this);
        }
    }
}
