package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.port.CredentialsVerifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CredentialsVerifier} promises: the right password gives the person; anything else gives the same
 * empty answer, whether the identifier is unknown, the password wrong or empty, or the identifier hostile.
 */
public abstract class CredentialsVerifierContract {

    /** A verifier that knows {@code mmontanes} (Fixtures.montanes()) with {@code password}. */
    protected abstract CredentialsVerifier verifierWith(PersonId person, String password);

    protected static final String PASSWORD = "Mot de passe très sûr ! 2008";

    protected CredentialsVerifier verifier;
    protected final PersonId person = PersonId.of("mmontanes");

    @BeforeEach
    void setUpVerifier() {
        verifier = verifierWith(person, PASSWORD);
    }

    @Test
    public void the_right_password_gives_the_person() {
        assertEquals(Optional.of(person), verifier.verify("mmontanes", PASSWORD));
    }

    @Test
    public void a_wrong_password_and_an_unknown_identifier_give_the_same_empty_answer() {
        assertTrue(verifier.verify("mmontanes", PASSWORD + "x").isEmpty());
        assertTrue(verifier.verify("mmontanes", PASSWORD.toUpperCase()).isEmpty());
        assertTrue(verifier.verify("personne-inconnue", PASSWORD).isEmpty());
    }

    @Test
    public void an_empty_password_never_succeeds() {
        assertTrue(verifier.verify("mmontanes", "").isEmpty());
    }

    @Test
    public void hostile_identifiers_find_nobody() {
        for (String hostile : List.of("*", "mmontanes)(uid=*", "mmon*", "*)(|(objectClass=*", "mmontanes\\",
                "mmontanes' OR '1'='1", "")) {
            assertTrue(verifier.verify(hostile, PASSWORD).isEmpty(), hostile);
        }
    }
}
