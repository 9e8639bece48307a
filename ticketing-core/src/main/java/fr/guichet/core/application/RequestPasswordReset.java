package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Someone asks for a new password for an identifier. When it names an active person with a local account who was
 * not mailed a link in the last {@link #RESEND_AFTER}, a link valid {@link #LINK_VALIDITY} is mailed to them, voiding
 * their earlier one. The answer is the same whatever the identifier, and so is the work up to the database: a token
 * is drawn and hashed and the person looked up either way. Where passwords live in a directory, nothing is done.
 */
public final class RequestPasswordReset {

    /** How long a mailed link works. */
    public static final Duration LINK_VALIDITY = Duration.ofHours(1);
    /** How long after a mailed link a new request mails nobody, so that asking again and again floods no mailbox. */
    public static final Duration RESEND_AFTER = Duration.ofMinutes(5);

    private final UnitOfWork unitOfWork;
    private final PersonDirectory people;
    private final PasswordResets resets;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final boolean localAccounts;

    RequestPasswordReset(UnitOfWork unitOfWork, PersonDirectory people, PasswordResets resets,
            NotificationOutbox outbox, Clock clock, boolean localAccounts) {
        this.unitOfWork = unitOfWork;
        this.people = people;
        this.resets = resets;
        this.outbox = outbox;
        this.clock = clock;
        this.localAccounts = localAccounts;
    }

    /** Mails a link if the identifier is a local account's (see the class); INVALID for a blank or overlong one. */
    public PasswordHelp request(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw DomainError.invalid("identifier", "password_reset.identifier.required",
                    "Indiquez votre identifiant.").exception();
        }
        if (identifier.length() > SignIn.MAX_INPUT_LENGTH) {
            throw DomainError.invalid("identifier", "password_reset.identifier.too_long",
                    "L'identifiant ne peut pas dépasser " + SignIn.MAX_INPUT_LENGTH + " caractères.").exception();
        }
        if (!localAccounts) {
            return PasswordHelp.DIRECTORY;
        }
        ResetToken token = ResetToken.random();
        TokenHash hash = token.hash();
        Instant now = clock.instant();
        unitOfWork.run(() -> activePerson(identifier.strip()).filter(p -> mayBeMailed(p.id(), now)).ifPresent(p -> {
            resets.replace(new PasswordReset(hash, p.id(), now, now.plus(LINK_VALIDITY)));
            outbox.enqueue(List.of(Notification.passwordReset(p, token)), now);
        }));
        return PasswordHelp.LOCAL_ACCOUNTS;
    }

    private Optional<Person> activePerson(String identifier) {
        try {
            return people.find(PersonId.of(identifier)).filter(Person::active);
        } catch (TicketingException notAnIdentifier) {
            return Optional.empty();
        }
    }

    private boolean mayBeMailed(PersonId person, Instant now) {
        return resets.of(person).map(r -> !r.askedAt().plus(RESEND_AFTER).isAfter(now)).orElse(true);
    }
}
