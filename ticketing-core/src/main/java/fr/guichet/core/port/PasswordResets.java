package fr.guichet.core.port;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.TokenHash;
import java.time.Instant;
import java.util.Optional;

/**
 * Password resets of local accounts by token hash (never the token itself), at most one per person; shared by every
 * node; thread-safe; each method joins the caller's {@link UnitOfWork}.
 */
public interface PasswordResets {

    /** Stores {@code reset}, voiding every earlier reset of the same person. */
    void replace(PasswordReset reset);

    /** The reset of {@code person}, expired or not, if one is stored. */
    Optional<PasswordReset> of(PersonId person);

    /**
     * Removes the reset with this hash and returns it when it is live at {@code now}; of callers racing with one hash,
     * on any node, at most one gets it. An expired reset is removed and not returned.
     */
    Optional<PasswordReset> use(TokenHash hash, Instant now);

    /** How many resets are expired at {@code now}. */
    int countExpired(Instant now);

    /** Removes resets expired at {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
