package fr.guichet.core.application;

import fr.guichet.core.domain.routing.RoutingPolicy;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.SubjectCatalogSource;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

/**
 * The core's use cases, wired by hand from the ports (no injection framework in the core); immutable and thread-safe
 * as long as the ports are. Build one with {@link #builder()}.
 */
public final class Ticketing {

    private final SignIn signIn;
    private final SignOut signOut;
    private final Authenticate authenticate;
    private final FileRequest fileRequest;
    private final ListMyRequests listMyRequests;
    private final ListQueue listQueue;
    private final ViewRequest viewRequest;
    private final PostMessage postMessage;
    private final RedirectRequest redirectRequest;
    private final ChangeStatus changeStatus;
    private final FetchAttachment fetchAttachment;
    private final BrowseCatalog browseCatalog;
    private final TicketingSettings settings;

    private Ticketing(Builder b) {
        UnitOfWork uow = Objects.requireNonNull(b.unitOfWork, "unitOfWork");
        RequestRepository requests = Objects.requireNonNull(b.requests, "requests");
        PersonDirectory people = Objects.requireNonNull(b.people, "people");
        SubjectCatalogSource catalog = Objects.requireNonNull(b.catalog, "catalog");
        AttachmentStore attachments = Objects.requireNonNull(b.attachments, "attachments");
        NotificationOutbox outbox = Objects.requireNonNull(b.outbox, "outbox");
        SessionStore sessions = Objects.requireNonNull(b.sessions, "sessions");
        CredentialsVerifier credentials = Objects.requireNonNull(b.credentials, "credentials");
        Clock clock = Objects.requireNonNull(b.clock, "clock");
        this.settings = Objects.requireNonNull(b.settings, "settings");
        Labels labels = new Labels(catalog);
        Notifier notifier = new Notifier(people, outbox);
        Router router = new Router(people, requests, Objects.requireNonNull(b.routing, "routing"));
        this.signIn = new SignIn(credentials, people, sessions, uow, clock, settings);
        this.signOut = new SignOut(sessions, uow);
        this.authenticate = new Authenticate(sessions, people, clock);
        this.fileRequest = new FileRequest(uow, requests, labels, attachments, notifier, router, clock, settings);
        this.listMyRequests = new ListMyRequests(uow, requests, labels, clock, settings);
        this.listQueue = new ListQueue(uow, requests, labels);
        this.viewRequest = new ViewRequest(uow, requests, labels);
        this.postMessage = new PostMessage(uow, requests, labels, notifier, clock);
        this.redirectRequest = new RedirectRequest(uow, requests, people, labels, notifier, router, clock);
        this.changeStatus = new ChangeStatus(uow, requests, labels, notifier, clock, settings);
        this.fetchAttachment = new FetchAttachment(uow, requests, attachments);
        this.browseCatalog = new BrowseCatalog(catalog);
    }

    public static Builder builder() {
        return new Builder();
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

    public ViewRequest viewRequest() {
        return viewRequest;
    }

    public PostMessage postMessage() {
        return postMessage;
    }

    public RedirectRequest redirectRequest() {
        return redirectRequest;
    }

    public ChangeStatus changeStatus() {
        return changeStatus;
    }

    public FetchAttachment fetchAttachment() {
        return fetchAttachment;
    }

    public BrowseCatalog browseCatalog() {
        return browseCatalog;
    }

    public TicketingSettings settings() {
        return settings;
    }

    /** Collects the ports; every one is required but the clock (system UTC), settings (defaults) and routing. */
    public static final class Builder {
        private UnitOfWork unitOfWork;
        private RequestRepository requests;
        private PersonDirectory people;
        private SubjectCatalogSource catalog;
        private AttachmentStore attachments;
        private NotificationOutbox outbox;
        private SessionStore sessions;
        private CredentialsVerifier credentials;
        private Clock clock = Clock.systemUTC();
        private TicketingSettings settings = TicketingSettings.defaults();
        private RoutingPolicy routing = RoutingPolicy.fewestOpenRequests();

        private Builder() {
        }

        public Builder unitOfWork(UnitOfWork value) {
            unitOfWork = value;
            return this;
        }

        public Builder requests(RequestRepository value) {
            requests = value;
            return this;
        }

        public Builder people(PersonDirectory value) {
            people = value;
            return this;
        }

        public Builder catalog(SubjectCatalogSource value) {
            catalog = value;
            return this;
        }

        public Builder attachments(AttachmentStore value) {
            attachments = value;
            return this;
        }

        public Builder outbox(NotificationOutbox value) {
            outbox = value;
            return this;
        }

        public Builder sessions(SessionStore value) {
            sessions = value;
            return this;
        }

        public Builder credentials(CredentialsVerifier value) {
            credentials = value;
            return this;
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

        public Ticketing build() {
            return new Ticketing(this);
        }
    }
}
