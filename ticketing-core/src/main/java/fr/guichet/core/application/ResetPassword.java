package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.NewPassword;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sets a new password with the token of a mailed link, in one transaction: the link works once, within its validity,
 * and only the latest one asked for a person; using it ends every session of that person. An unknown, used, voided or
 * expired token is NOT_FOUND, as is any token where passwords live in a directory; a password against the rules of
 * {@link NewPassword} is INVALID and leaves the link as it was.
 */
public final class ResetPassword {

    private final UnitOfWork unitOfWork;
    private final PersonDirectory people;
    private final PasswordResets resets;
    private final SessionStore sessions;
    private final Optional<LocalAccounts> accounts;
    private final Clock clock;
    private final SessionCache cache;

    ResetPassword(UnitOfWork unitOfWork, PersonDirectory people, PasswordResets resets, SessionStore sessions,
            Optional<LocalAccounts> accounts, Clock clock, SessionCache cache) {
        this.unitOfWork = unitOfWork;
        this.people = people;
        this.resets = resets;
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
        this.cache = cache;
    }

    /** Sets {@code password} for the person the link of {@code token} was mailed to; returns who that is. */
    public PersonId reset(String token, String password) {
        NewPassword chosen = new NewPassword(password);
        ResetToken link = ResetToken.parse(token).orElseThrow(ResetPassword::unknownLink);
        LocalAccounts local = accounts.orElseThrow(ResetPassword::unknownLink);
        Instant now = clock.instant();
        PersonId holder = unitOfWork.inTransaction(() -> {
            PasswordReset reset = resets.use(link.hash(), now).orElseThrow(ResetPassword::unknownLink);
            Person person = people.find(reset.person()).filter(Person::active)
                    .orElseThrow(ResetPassword::unknownLink);
            local.setPassword(person.id(), chosen.value());
            sessions.deleteAllOf(person.id());
            return person.id();
        });
        cache.forget(holder);
        return holder;
    }

    private static TicketingException unknownLink() {
        return DomainError.of(ErrorKind.NOT_FOUND, "password_reset.link_invalid", "Ce lien n'est plus valable : "
                + "il a déjà servi, a expiré ou a été remplacé par un lien plus récent. Demandez-en un nouveau.")
                .exception();
    }
}
