package fr.guichet.core.testing;

import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.TicketingSettings;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import java.util.Optional;

/**
 * Every port in memory behind a {@link Ticketing}, seeded with the seed's catalog, groups and people (password
 * "secret" for each), on a clock set to the seed's day.
 */
public final class TestWorld {

    public static final String PASSWORD = "secret";

    public final InMemoryDatabase db = new InMemoryDatabase();
    public final InMemoryRequestRepository requests = new InMemoryRequestRepository(db);
    public final InMemoryPersonRegistry people = new InMemoryPersonRegistry(db);
    public final InMemoryLocalAccounts accounts = new InMemoryLocalAccounts(db);
    public final InMemoryCatalogStore catalog = new InMemoryCatalogStore(db);
    public final InMemoryAttachmentStore attachments = new InMemoryAttachmentStore(db);
    public final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(db);
    public final InMemorySessionStore sessions = new InMemorySessionStore(db);
    public final InMemorySignInFailures signInFailures = new InMemorySignInFailures(db);
    public final InMemoryPasswordResets passwordResets = new InMemoryPasswordResets(db);
    public final InMemoryCannedAnswers cannedAnswers = new InMemoryCannedAnswers(db);
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail(db);
    public final InMemorySettingsStore storedSettings = new InMemorySettingsStore(db);
    public final InMemoryInboundMailLog mailLog = new InMemoryInboundMailLog(db);
    public final InMemoryEstablishmentDirectory establishments = new InMemoryEstablishmentDirectory(db);
    /** Figures of this world's requests, which no satisfaction survey answered. */
    public final InMemoryRequestStatistics statistics = new InMemoryRequestStatistics(db, n -> Optional.empty());
    public final MutableClock clock = new MutableClock(Fixtures.SEED_DAY);
    public final Ticketing ticketing;

    /** The in-memory ports, people and passwords being Guichet's own. */
    public Ports ports() {
        return new Ports(db, requests, people, people, catalog, attachments, outbox, sessions, accounts,
                cannedAnswers, passwordResets, audit, storedSettings, mailLog, establishments, statistics);
    }

    public TestWorld() {
        this(TicketingSettings.defaults());
    }

    public TestWorld(TicketingSettings settings) {
        catalog.replace(Fixtures.catalog());
        for (SupportGroup g : Fixtures.groups()) {
            people.saveGroup(g);
        }
        for (Person p : Fixtures.people()) {
            people.save(p);
            accounts.setPassword(p.id(), PASSWORD);
        }
        ticketing = Ticketing.builder(ports()).clock(clock).settings(settings).build();
    }
}
