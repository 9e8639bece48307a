package fr.guichet.jdbc;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.port.LocalAccounts;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Local passwords hashed with the JDK's PBKDF2-HMAC-SHA256, a random 16-byte salt per account, the parameters stored
 * with the hash ({@code pbkdf2-sha256$600000$salt$hash}, base64) so that they can be raised later: a password that
 * verifies against a hash with fewer iterations than configured is hashed again. Comparison is in constant time; an
 * unknown identifier costs one hash too, so that it cannot be told from a wrong password by the time taken.
 */
final class Pbkdf2LocalAccounts implements LocalAccounts {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final int iterations;
    private final String unknownAccountHash;

    Pbkdf2LocalAccounts(Database db, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations < 1");
        }
        this.db = db;
        this.iterations = iterations;
        this.unknownAccountHash = hash("no such account", iterations);
    }

    @Override
    public void setPassword(PersonId person, String password) {
        if (password == null || password.isEmpty()) {
            throw DomainError.invalid("password", "password.required", "Le mot de passe est obligatoire.")
                    .exception();
        }
        String hash = hash(password, iterations);
        db.inTransaction(h -> h.createUpdate(db.dialect().upsert("local_accounts", "person_id",
                        List.of("person_id", "password_hash")))
                .bind("person_id", person.value())
                .bind("password_hash", hash)
                .execute());
    }

    @Override
    public Optional<PersonId> verify(String identifier, String password) {
        if (identifier == null || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> stored = db.inTransaction(h -> h.createQuery(
                        "SELECT password_hash FROM local_accounts WHERE person_id = :id")
                .bind("id", identifier).mapTo(String.class).findOne());
        if (stored.isEmpty()) {
            matches(password, unknownAccountHash);
            return Optional.empty();
        }
        if (!matches(password, stored.get())) {
            return Optional.empty();
        }
        PersonId person = PersonId.of(identifier);
        if (iterationsOf(stored.get()) < iterations) {
            setPassword(person, password);
        }
        return Optional.of(person);
    }

    static String hash(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = pbkdf2(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static int iterationsOf(String stored) {
        return Integer.parseInt(stored.split("\\$")[1]);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
