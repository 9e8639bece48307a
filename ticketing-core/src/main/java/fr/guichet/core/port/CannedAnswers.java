package fr.guichet.core.port;

import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.answer.CannedAnswerId;
import fr.guichet.core.domain.person.GroupCode;
import java.util.List;
import java.util.Optional;

/** Keeps the support groups' canned answers, shared by every node; thread-safe; each call joins the open transaction. */
public interface CannedAnswers {

    /** Every canned answer of {@code group}, in no particular order; empty for a group that has none. */
    List<CannedAnswer> ofGroup(GroupCode group);

    /** The canned answer with this identifier, or empty. */
    Optional<CannedAnswer> find(CannedAnswerId id);

    /** Stores a new canned answer (its identifier is new). */
    void add(CannedAnswer answer);

    /**
     * Stores {@code revised} in place of the version just before it; false, storing nothing, when the stored answer is
     * gone or at another version (someone changed it meanwhile).
     */
    boolean replace(CannedAnswer revised);

    /** Removes the canned answer {@code id} if it is still at {@code version}; false, removing nothing, otherwise. */
    boolean remove(CannedAnswerId id, long version);
}
