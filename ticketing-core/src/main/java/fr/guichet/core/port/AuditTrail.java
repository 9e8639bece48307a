package fr.guichet.core.port;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.person.Person;

/**
 * The record of administrative changes, shared by every node: append-only (nothing in Guichet removes an entry, and
 * only {@link #forget} edits one); each call joins the open transaction, so an entry commits with the change it
 * describes or not at all.
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

    /**
     * Puts {@code placeholder} in place of {@code who} wherever an entry names them: as its author, as the person it is
     * about (its key, its label, and the values of its fields that are their identifier, e-mail, given, family or
     * whole name), as the whole value of any field that is their identifier or e-mail, and as {@code Name
     * (identifier)} within any field's value (the members of a group). Other entries keep their fields as they were.
     */
    void forget(Person who, Person placeholder);

    /** A page of entries, the last recorded first (the order of the changes, whatever the nodes' clocks say). */
    Page<AuditEntry> newestFirst(PageRequest page);
}
