package fr.guichet.core.port;

import fr.guichet.core.domain.admin.AuditEntry;

/**
 * The record of administrative changes, shared by every node: append-only (nothing in Guichet edits or removes an
 * entry); each call joins the open transaction, so an entry commits with the change it describes or not at all.
 */
public interface AuditTrail {

    /**
     * Holds administration until the caller's unit of work ends: another {@code hold}, on any node, waits until then.
     * Called first in an administrative change, it makes the check of what the administrator saw and the write it
     * decides one step that no other change interleaves with.
     */
    void hold();

    /** Appends {@code entry}. */
    void record(AuditEntry entry);

    /** A page of entries, the last recorded first (the order of the changes, whatever the nodes' clocks say). */
    Page<AuditEntry> newestFirst(PageRequest page);
}
