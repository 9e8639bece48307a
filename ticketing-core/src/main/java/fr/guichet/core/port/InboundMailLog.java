package fr.guichet.core.port;

import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * The log of inbound mail, one row per message key across all nodes: it makes a mail imported once, counts mail per
 * sender for the rate limit, and keeps what went to no request for staff. Called inside a {@link UnitOfWork}; failures
 * surface as {@code TicketingException} of kind UNAVAILABLE.
 */
public interface InboundMailLog {

    /** Whether a mail of {@code messageKey} is logged, by a plain read. */
    boolean contains(String messageKey);

    /**
     * Logs {@code mail}, answering true; answers false, and writes nothing, when a mail of the same key is logged,
     * committed meanwhile by another node included. The unit of work may then be unusable (PostgreSQL aborts it): the
     * caller rolls it back.
     */
    boolean add(LoggedMail mail);

    /** How many mails from {@code senderKey} were logged at or after {@code since}. */
    long countFrom(String senderKey, Instant since);

    /** The mails of {@code outcome} no one filed away, newest first (ties by the text of their id), paged exactly. */
    Page<LoggedMail> pending(MailOutcome outcome, PageRequest page);

    Optional<LoggedMail> find(UUID id);

    /** Files the mail away ({@code by}, {@code at}); false when there is no such mail or it was filed already. */
    boolean markHandled(UUID id, PersonId by, Instant at);

    /**
     * Deletes the mails filed away before {@code before}, those attached or ignored received before it, and those
     * kept unattached that no one filed away received before {@code keptBefore}; answers how many.
     */
    int purge(Instant before, Instant keptBefore);

    /** Deletes every mail logged about one of {@code requests}, whatever its outcome; answers how many. */
    int forgetRequests(Collection<RequestNumber> requests);

    /** Deletes every mail logged from {@code sender}, whatever the case of its address; answers how many. */
    int forgetSender(EmailAddress sender);
}
