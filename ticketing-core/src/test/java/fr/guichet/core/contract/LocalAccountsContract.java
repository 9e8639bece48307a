package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.port.CredentialsVerifier;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.UnitOfWork;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link LocalAccounts} promises, on top of the verifier's contract. */
public abstract class LocalAccountsContract extends CredentialsVerifierContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract LocalAccounts accounts();

    @Override
    protected CredentialsVerifier verifierWith(PersonId person, String password) {
        unitOfWork().run(() -> accounts().setPassword(person, password));
        return accounts();
    }

    @Test
    public void a_new_password_replaces_the_old_one() {
        unitOfWork().run(() -> accounts().setPassword(person, "nouveau-mot-de-passe"));
        assertTrue(accounts().verify("mmontanes", PASSWORD).isEmpty());
        assertEquals(Optional.of(person), accounts().verify("mmontanes", "nouveau-mot-de-passe"));
        unitOfWork().run(() -> accounts().setPassword(person, PASSWORD));
    }

    @Test
    public void passwords_with_accents_and_emoji_work() {
        String password = "Çà et là, l'été 🌞";
        unitOfWork().run(() -> accounts().setPassword(person, password));
        assertEquals(Optional.of(person), accounts().verify("mmontanes", password));
        unitOfWork().run(() -> accounts().setPassword(person, PASSWORD));
    }
}
