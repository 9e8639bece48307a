package fr.guichet.core.port;

import fr.guichet.core.domain.person.PersonId;
import java.util.Optional;

/**
 * Checks an identifier and password. An unknown identifier and a wrong password give the same empty answer; an empty
 * password never succeeds; a store that does not answer throws a {@code TicketingException} of kind UNAVAILABLE.
 */
public interface CredentialsVerifier {

    /** The person whose identifier and password these are, or empty for any refusal; never throws for bad input. */
    Optional<PersonId> verify(String identifier, String password);
}
