package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every administrative change is made: by an administrator, still one as stored when the change is made (not only
 * as their session, cached up to a few seconds on each node, says), held against every other administrative change on
 * any node, checked against the revision the administrator saw, and recorded in the audit trail in the same
 * transaction as the change itself. Thread-safe.
 */
final class AdminWrites {

    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final PersonDirectory people;
    private final Clock clock;
    private final SessionCache sessions;

    AdminWrites(UnitOfWork unitOfWork, AuditTrail audit, PersonDirectory people, Clock clock, SessionCache sessions) {
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.people = people;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** Refuses anyone but an administrator. */
    static void requireAdmin(Person person) {
        if (!person.has(Role.ADMIN)) {
            throw TicketingException.forbidden("admin.only", "Cette action est réservée aux administrateurs.");
        }
    }

    /**
     * One change in one transaction, refused (403, {@code person.admin.removed}) unless {@code admin} is still an
     * active administrator as stored, read under the administration hold: an administrator removed on another node
     * acts no longer, and two administrators removing each other at once leave the one who changed first, never
     * nobody. {@code before} reads the target as it is (throwing NOT_FOUND when it is gone, or
     * answering {@link Snapshot#NONE} for a creation); its fingerprint must be {@code ifMatch} when one is given;
     * {@code change} then writes and answers its result, whose snapshot {@code after} gives. A change that leaves the
     * snapshot as it was is not recorded. Once committed, this node's cached sessions are forgotten, so that a
     * deactivation or a change of roles or groups holds here from the next call.
     */
    <T> T change(Person admin, String action, Function<T, AuditTarget> target, Supplier<Snapshot> before,
            String ifMatch, Supplier<T> change, Function<T, Snapshot> after) {
        requireAdmin(admin);
        T changed = unitOfWork.inTransaction(() -> {
            audit.hold();
            requireStillAdmin(admin);
            Snapshot was = before.get();
            was.requireFingerprint(ifMatch);
            T result = change.get();
            Snapshot is = after.apply(result);
            if (!is.equals(was)) {
                audit.record(new AuditEntry(clock.instant(), admin.ref(), action, target.apply(result), was, is));
            }
            return result;
        });
        sessions.clear();
        return changed;
    }

    /**
     * Refuses (403, {@code person.admin.removed}) an administrator who is no longer an active one as stored, read under
     * the administration hold, as {@link #change} does: for an administrative act that is not one change.
     */
    void confirm(Person admin) {
        requireAdmin(admin);
        unitOfWork.run(() -> {
            audit.hold();
            requireStillAdmin(admin);
        });
    }

    private void requireStillAdmin(Person admin) {
        if (people.find(admin.id()).filter(p -> p.active() && p.has(Role.ADMIN)).isEmpty()) {
            throw TicketingException.forbidden("person.admin.removed", "Vous n'êtes plus administrateur : un autre "
                    + "administrateur vient de vous retirer ce rôle ou de désactiver votre compte.");
        }
    }
}
