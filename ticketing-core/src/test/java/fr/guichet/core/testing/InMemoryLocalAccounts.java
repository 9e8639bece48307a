package fr.guichet.core.testing;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.port.LocalAccounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Passwords in memory, for tests only: kept as given, compared in constant time. */
public final class InMemoryLocalAccounts implements LocalAccounts {

    private final InMemoryDatabase db;

    public InMemoryLocalAccounts(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void setPassword(PersonId person, String password) {
        db.write(s -> s.passwords.put(person, password));
    }

    @Override
    public Optional<PersonId> verify(String identifier, String password) {
        if (identifier == null || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return db.read(s -> s.passwords.entrySet().stream()
                .filter(e -> e.getKey().value().equals(identifier))
                .filter(e -> MessageDigest.isEqual(e.getValue().getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8)))
                .map(java.util.Map.Entry::getKey).findFirst());
    }
}
