package fr.guichet.core.testing;

import fr.guichet.core.contract.AttachmentStoreContract;
import fr.guichet.core.contract.AuditTrailContract;
import fr.guichet.core.contract.CannedAnswersContract;
import fr.guichet.core.contract.CatalogStoreContract;
import fr.guichet.core.contract.EstablishmentDirectoryContract;
import fr.guichet.core.contract.EstablishmentListingContract;
import fr.guichet.core.contract.InboundMailLogContract;
import fr.guichet.core.contract.LocalAccountsContract;
import fr.guichet.core.contract.NotificationOutboxContract;
import fr.guichet.core.contract.PasswordResetsContract;
import fr.guichet.core.contract.PersonRegistryContract;
import fr.guichet.core.contract.RequestListingContract;
import fr.guichet.core.contract.RequestRepositoryContract;
import fr.guichet.core.contract.RequestStatisticsContract;
import fr.guichet.core.contract.RetentionContract;
import fr.guichet.core.contract.SessionStoreContract;
import fr.guichet.core.contract.SignInFailuresContract;
import fr.guichet.core.contract.UnitOfWorkContract;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.SettingsStore;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.port.UnitOfWork;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;

/** The in-memory ports pass the same contracts as the real adapters. */
class InMemoryContractsTest {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Nested
    class Requests extends RequestRepositoryContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected RequestRepository requests() {
            return new InMemoryRequestRepository(db);
        }
    }

    @Nested
    class Listings extends RequestListingContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected RequestRepository requests() {
            return new InMemoryRequestRepository(db);
        }

        @Override
        protected RequestRepository requestsCountingUpTo(long cap) {
            return new InMemoryRequestRepository(db, cap);
        }
    }

    @Nested
    class Statistics extends RequestStatisticsContract {
        private final Map<RequestNumber, Integer> scores = new ConcurrentHashMap<>();

        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected RequestRepository requests() {
            return new InMemoryRequestRepository(db);
        }

        @Override
        protected RequestStatistics statistics() {
            return new InMemoryRequestStatistics(db, n -> Optional.ofNullable(scores.get(n)));
        }

        @Override
        protected EstablishmentDirectory establishments() {
            return new InMemoryEstablishmentDirectory(db);
        }

        @Override
        protected void answerSurvey(RequestNumber number, int score) {
            scores.put(number, score);
        }
    }

    @Nested
    class Transactions extends UnitOfWorkContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected RequestRepository requests() {
            return new InMemoryRequestRepository(db);
        }

        @Override
        protected NotificationOutbox outbox() {
            return new InMemoryNotificationOutbox(db);
        }

        @Override
        protected SessionStore sessions() {
            return new InMemorySessionStore(db);
        }
    }

    @Nested
    class People extends PersonRegistryContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected PersonRegistry registry() {
            return new InMemoryPersonRegistry(db);
        }
    }

    @Nested
    class Accounts extends LocalAccountsContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected LocalAccounts accounts() {
            return new InMemoryLocalAccounts(db);
        }
    }

    @Nested
    class Audit extends AuditTrailContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected AuditTrail audit() {
            return new InMemoryAuditTrail(db);
        }

        @Override
        protected SettingsStore settings() {
            return new InMemorySettingsStore(db);
        }
    }

    @Nested
    class Catalog extends CatalogStoreContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected CatalogStore catalogStore() {
            return new InMemoryCatalogStore(db);
        }
    }

    @Nested
    class Attachments extends AttachmentStoreContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected AttachmentStore attachments() {
            return new InMemoryAttachmentStore(db);
        }
    }

    @Nested
    class Outbox extends NotificationOutboxContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected NotificationOutbox outbox() {
            return new InMemoryNotificationOutbox(db);
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected SessionStore sessions() {
            return new InMemorySessionStore(db);
        }
    }

    @Nested
    class Throttle extends SignInFailuresContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected SignInFailures failures() {
            return new InMemorySignInFailures(db);
        }
    }

    @Nested
    class MailLog extends InboundMailLogContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected InboundMailLog log() {
            return new InMemoryInboundMailLog(db);
        }
    }

    @Nested
    class Resets extends PasswordResetsContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected PasswordResets resets() {
            return new InMemoryPasswordResets(db);
        }
    }

    @Nested
    class Answers extends CannedAnswersContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected CannedAnswers answers() {
            return new InMemoryCannedAnswers(db);
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected RequestRepository requests() {
            return new InMemoryRequestRepository(db);
        }

        @Override
        protected PersonRegistry registry() {
            return new InMemoryPersonRegistry(db);
        }

        @Override
        protected AttachmentStore attachments() {
            return new InMemoryAttachmentStore(db);
        }

        @Override
        protected NotificationOutbox outbox() {
            return new InMemoryNotificationOutbox(db);
        }

        @Override
        protected SessionStore sessions() {
            return new InMemorySessionStore(db);
        }

        @Override
        protected PasswordResets passwordResets() {
            return new InMemoryPasswordResets(db);
        }
    }

    @Nested
    class Establishments extends EstablishmentDirectoryContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected EstablishmentDirectory establishments() {
            return new InMemoryEstablishmentDirectory(db);
        }
    }

    @Nested
    class EstablishmentListings extends EstablishmentListingContract {
        @Override
        protected UnitOfWork unitOfWork() {
            return db;
        }

        @Override
        protected RequestRepository requests() {
            return new InMemoryRequestRepository(db);
        }

        @Override
        protected EstablishmentDirectory establishments() {
            return new InMemoryEstablishmentDirectory(db);
        }

        @Override
        protected void staleSchoolWords(RequestNumber number, String words) {
        }
    }
}
