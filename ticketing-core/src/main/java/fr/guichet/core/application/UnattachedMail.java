package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.mail.MailText;
import fr.guichet.core.domain.mail.QuotedText;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The mail Guichet kept for staff ("Courrier non rattaché") and the automatic mail it ignored: listed newest first,
 * read, filed away ("classé") or posted on a request, by active staff only; and the purge of the log, run by an
 * embedding application's housekeeping on any number of nodes, which deletes what was filed away or ignored, and the
 * log of attached mail, after the retention delay, and mail no one filed away after a longer one.
 */
public final class UnattachedMail {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm",
            Locale.FRENCH);

    private final UnitOfWork unitOfWork;
    private final InboundMailLog log;
    private final RequestRepository requests;
    private final PostMessage postMessage;
    private final Clock clock;
    private final TicketingSettings settings;
    private final Duration retention;
    private final Duration keptRetention;

    UnattachedMail(Ports ports, PostMessage postMessage, Clock clock, TicketingSettings settings,
            Duration retention, Duration keptRetention) {
        this.unitOfWork = ports.unitOfWork();
        this.log = ports.mailLog();
        this.requests = ports.requests();
        this.postMessage = postMessage;
        this.clock = clock;
        this.settings = settings;
        this.retention = retention;
        this.keptRetention = keptRetention;
    }

    /** The mails of {@code outcome} (UNATTACHED or IGNORED) no one filed away yet, newest first. */
    public Page<LoggedMail> list(Person staff, MailOutcome outcome, PageRequest page) {
        requireStaff(staff);
        if (!outcome.keepsContent()) {
            throw TicketingException.notFound("mail.list.unknown", "Cette liste de courriels n'existe pas.");
        }
        return unitOfWork.inTransaction(() -> log.pending(outcome, page));
    }

    /** One mail kept for staff, filed away or not. */
    public LoggedMail view(Person staff, UUID id) {
        requireStaff(staff);
        return unitOfWork.inTransaction(() -> kept(id));
    }

    /** Files the mail away: it leaves the list; CONFLICT when someone did already. */
    public void markHandled(Person staff, UUID id) {
        requireStaff(staff);
        unitOfWork.run(() -> {
            kept(id);
            if (!log.markHandled(id, staff.id(), clock.instant())) {
                throw alreadyHandled();
            }
        });
    }

    /**
     * Posts the mail's text on request {@code number} as an internal note of {@code staff} saying who wrote it and
     * when, and files it away, in one unit of work: never as its sender's own message, since nothing proved who wrote
     * it. The request must accept messages.
     */
    public MessagePosted attach(Person staff, UUID id, RequestNumber number) {
        requireStaff(staff);
        return unitOfWork.inTransaction(() -> {
            LoggedMail mail = kept(id);
            if (mail.handled()) {
                throw alreadyHandled();
            }
            requests.find(number).orElseThrow(() -> Access.notFound(number));
            String heading = "Courriel de " + mail.sender() + " reçu le "
                    + DAY_TIME.format(mail.receivedAt().atZone(settings.zone())) + " :\n\n";
            MessagePosted posted = postMessage.post(staff, number, body(QuotedText.cut(mail.text()), heading), true,
                    null);
            if (!log.markHandled(id, staff.id(), clock.instant())) {
                throw alreadyHandled();
            }
            return posted;
        });
    }

    /**
     * Deletes from the log what was filed away or ignored, and attached mail, after the retention delay, and mail kept
     * unattached that no one filed away after the longer delay for it; how many.
     */
    public int purge() {
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> log.purge(now.minus(retention), now.minus(keptRetention)));
    }

    private LoggedMail kept(UUID id) {
        return log.find(id).filter(m -> m.outcome().keepsContent())
                .orElseThrow(() -> TicketingException.notFound("mail.not_found", "Ce courriel est introuvable."));
    }

    private static String body(String text, String heading) {
        String cut = MailText.body(text, MessageBody.MAX - heading.length());
        return heading + (cut.isEmpty() ? "(courriel sans texte)" : cut);
    }

    private static void requireStaff(Person person) {
        Access.requireActive(person);
        Access.requireStaff(person);
    }

    private static TicketingException alreadyHandled() {
        return TicketingException.conflict("mail.handled", "Ce courriel a déjà été classé.");
    }
}
