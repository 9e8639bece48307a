package fr.guichet.core.testing;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.TokenHash;
import fr.guichet.core.port.PasswordResets;
import java.time.Instant;
import java.util.Optional;

/** Password resets in memory, by token hash. */
public final class InMemoryPasswordResets implements PasswordResets {

    private final InMemoryDatabase db;

    public InMemoryPasswordResets(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void replace(PasswordReset reset) {
        db.write(s -> {
            s.passwordResets.values().removeIf(r -> r.person().equals(reset.person()));
            s.passwordResets.put(reset.tokenHash(), reset);
        });
    }

    @Override
    public Optional<PasswordReset> of(PersonId person) {
        return db.read(s -> s.passwordResets.values().stream().filter(r -> r.person().equals(person)).findFirst());
    }

    @Override
    public Optional<PasswordReset> use(TokenHash hash, Instant now) {
        return db.read(s -> Optional.ofNullable(s.passwordResets.remove(hash)).filter(r -> r.liveAt(now)));
    }

    @Override
    public int countExpired(Instant now) {
        return db.read(s -> (int) s.passwordResets.values().stream().filter(r -> !r.liveAt(now)).count());
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.read(s -> {
            int before = s.passwordResets.size();
            s.passwordResets.values().removeIf(r -> !r.liveAt(now));
            return before - s.passwordResets.size();
        });
    }
}
