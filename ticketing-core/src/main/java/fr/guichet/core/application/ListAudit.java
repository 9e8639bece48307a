package fr.guichet.core.application;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.UnitOfWork;

/** An administrator reads the record of administrative changes, newest first. */
public final class ListAudit {

    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;

    public ListAudit(UnitOfWork unitOfWork, AuditTrail audit) {
        this.unitOfWork = unitOfWork;
        this.audit = audit;
    }

    public Page<AuditEntry> list(Person admin, PageRequest page) {
        AdminWrites.requireAdmin(admin);
        return unitOfWork.inTransaction(() -> audit.newestFirst(page));
    }
}
