package fr.guichet.core.application;

import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.SettingsStore;
import fr.guichet.core.port.SubjectCatalogSource;
import fr.guichet.core.port.UnitOfWork;
import java.util.Objects;

/**
 * Every port the use cases need, gathered once: a deployment builds one (or {@link #lookUp looks them up} in its
 * injector) and {@link Ticketing} takes it whole. {@code people} and {@code credentials} may come from a directory while
 * {@code registry} keeps Guichet's own record of people; password resets are offered when {@code credentials} are
 * Guichet's own {@link LocalAccounts}; {@code audit} records administrative changes and {@code storedSettings} keeps
 * the settings an administrator changed; {@code mailLog} logs the mail taken in; {@code establishments} is the
 * directory of schools; {@code statistics} computes the figures of requests where they are stored. Immutable.
 */
public record Ports(UnitOfWork unitOfWork, RequestRepository requests, PersonDirectory people,
        PersonRegistry registry, SubjectCatalogSource catalog, AttachmentStore attachments, NotificationOutbox outbox,
        SessionStore sessions, CredentialsVerifier credentials, CannedAnswers cannedAnswers,
        PasswordResets passwordResets, AuditTrail audit, SettingsStore storedSettings, InboundMailLog mailLog,
        EstablishmentDirectory establishments, RequestStatistics statistics) {

    public Ports {
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(cannedAnswers, "cannedAnswers");
        Objects.requireNonNull(passwordResets, "passwordResets");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(storedSettings, "storedSettings");
        Objects.requireNonNull(mailLog, "mailLog");
        Objects.requireNonNull(establishments, "establishments");
        Objects.requireNonNull(statistics, "statistics");
    }

    /** Finds a port by its type, as an injector does (for example Guice's {@code Injector::getInstance}). */
    @FunctionalInterface
    public interface Lookup {
        <T> T get(Class<T> type);
    }

    /**
     * The ports bound to their own types in {@code lookup}: people and credentials as {@link PersonDirectory} and
     * {@link CredentialsVerifier} (with the roles and groups the directory does not decide from the registry, as
     * {@link #withDirectory} says), the registry as {@link PersonRegistry}, the catalog as {@link CatalogStore}.
     */
    public static Ports lookUp(Lookup lookup) {
        PersonRegistry registry = lookup.get(PersonRegistry.class);
        return new Ports(lookup.get(UnitOfWork.class), lookup.get(RequestRepository.class),
                OwnedFields.over(lookup.get(PersonDirectory.class), registry), registry, lookup.get(CatalogStore.class),
                lookup.get(AttachmentStore.class), lookup.get(NotificationOutbox.class), lookup.get(SessionStore.class),
                lookup.get(CredentialsVerifier.class), lookup.get(CannedAnswers.class),
                lookup.get(PasswordResets.class), lookup.get(AuditTrail.class), lookup.get(SettingsStore.class),
                lookup.get(InboundMailLog.class), lookup.get(EstablishmentDirectory.class),
                lookup.get(RequestStatistics.class));
    }

    /** As {@link #lookUp}, for a deployment whose people and passwords are Guichet's own (no directory). */
    public static Ports lookUpLocal(Lookup lookup) {
        PersonRegistry registry = lookup.get(PersonRegistry.class);
        return new Ports(lookup.get(UnitOfWork.class), lookup.get(RequestRepository.class), registry, registry,
                lookup.get(CatalogStore.class), lookup.get(AttachmentStore.class), lookup.get(NotificationOutbox.class),
                lookup.get(SessionStore.class), lookup.get(LocalAccounts.class), lookup.get(CannedAnswers.class),
                lookup.get(PasswordResets.class), lookup.get(AuditTrail.class), lookup.get(SettingsStore.class),
                lookup.get(InboundMailLog.class), lookup.get(EstablishmentDirectory.class),
                lookup.get(RequestStatistics.class));
    }

    /**
     * These ports with people and credentials from a directory instead; the roles and groups the directory does not
     * decide ({@link PersonDirectory#decides()}) are those Guichet keeps in the registry.
     */
    public Ports withDirectory(PersonDirectory directory, CredentialsVerifier verifier) {
        return new Ports(unitOfWork, requests, OwnedFields.over(directory, registry), registry, catalog, attachments,
                outbox, sessions, verifier, cannedAnswers, passwordResets, audit, storedSettings, mailLog,
                establishments, statistics);
    }

    public Ports withRequests(RequestRepository value) {
        return new Ports(unitOfWork, value, people, registry, catalog, attachments, outbox, sessions, credentials,
                cannedAnswers, passwordResets, audit, storedSettings, mailLog, establishments, statistics);
    }

    public Ports withCatalog(SubjectCatalogSource value) {
        return new Ports(unitOfWork, requests, people, registry, value, attachments, outbox, sessions, credentials,
                cannedAnswers, passwordResets, audit, storedSettings, mailLog, establishments, statistics);
    }

    public Ports withAttachments(AttachmentStore value) {
        return new Ports(unitOfWork, requests, people, registry, catalog, value, outbox, sessions, credentials,
                cannedAnswers, passwordResets, audit, storedSettings, mailLog, establishments, statistics);
    }
}
