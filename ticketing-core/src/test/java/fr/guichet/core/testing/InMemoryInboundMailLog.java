package fr.guichet.core.testing;

import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** The inbound mail log in memory, one entry per message key. */
public final class InMemoryInboundMailLog implements InboundMailLog {

    private static final Comparator<LoggedMail> NEWEST_FIRST = Comparator.comparing(LoggedMail::receivedAt)
            .thenComparing(m -> m.id().toString()).reversed();

    private final InMemoryDatabase db;

    public InMemoryInboundMailLog(InMemoryDatabase db) {
        this.db = db;
    }

    /** Every entry, in the order logged. */
    public List<LoggedMail> all() {
        return db.read(s -> List.copyOf(s.mailLog.values()));
    }

    @Override
    public boolean contains(String messageKey) {
        return db.read(s -> s.mailLog.values().stream().anyMatch(m -> m.messageKey().equals(messageKey)));
    }

    @Override
    public boolean add(LoggedMail mail) {
        return db.read(s -> {
            if (s.mailLog.values().stream().anyMatch(m -> m.messageKey().equals(mail.messageKey()))) {
                return false;
            }
            s.mailLog.put(mail.id(), mail);
            return true;
        });
    }

    @Override
    public long countFrom(String senderKey, Instant since) {
        return db.read(s -> s.mailLog.values().stream()
                .filter(m -> m.senderKey().equals(senderKey) && !m.receivedAt().isBefore(since)).count());
    }

    @Override
    public Page<LoggedMail> pending(MailOutcome outcome, PageRequest page) {
        return db.read(s -> {
            List<LoggedMail> all = s.mailLog.values().stream().filter(m -> m.outcome() == outcome && !m.handled())
                    .sorted(NEWEST_FIRST).toList();
            return new Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                    all.size());
        });
    }

    @Override
    public Optional<LoggedMail> find(UUID id) {
        return db.read(s -> Optional.ofNullable(s.mailLog.get(id)));
    }

    @Override
    public boolean markHandled(UUID id, PersonId by, Instant at) {
        return db.read(s -> {
            LoggedMail mail = s.mailLog.get(id);
            if (mail == null || mail.handled()) {
                return false;
            }
            s.mailLog.put(id, mail.handledBy(by, at));
            return true;
        });
    }

    @Override
    public int purge(Instant before, Instant keptBefore) {
        return remove(m -> purgeable(m, before, keptBefore));
    }

    @Override
    public int forgetRequests(Collection<RequestNumber> requests) {
        return remove(m -> m.requestNumber().map(requests::contains).orElse(false));
    }

    @Override
    public int forgetSender(EmailAddress sender) {
        String key = LoggedMail.senderKey(sender.value());
        return remove(m -> m.senderKey().equals(key));
    }

    private int remove(Predicate<LoggedMail> gone) {
        return db.read(s -> {
            int size = s.mailLog.size();
            s.mailLog.values().removeIf(gone);
            return size - s.mailLog.size();
        });
    }

    private static boolean purgeable(LoggedMail mail, Instant before, Instant keptBefore) {
        if (mail.handled()) {
            return mail.handledAt().isBefore(before);
        }
        return mail.receivedAt().isBefore(mail.outcome() == MailOutcome.UNATTACHED ? keptBefore : before);
    }
}
