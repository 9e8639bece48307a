package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.PersonId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who acted last on a request, and when: its requester (filing, following up, reopening, answering a waiting request)
 * or a staff member (any other move: taking, answering, a note, a redirection, a status change).
 */
public record LastActivity(Instant at, PersonId by, boolean staff) {

    public LastActivity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }

    /** The requester acted at {@code at}. */
    public static LastActivity ofRequester(PersonId requester, Instant at) {
        return new LastActivity(at, requester, false);
    }

    /** A staff member acted at {@code at}. */
    public static LastActivity ofStaff(PersonId staff, Instant at) {
        return new LastActivity(at, staff, true);
    }

    /** True when the requester spoke last, or nobody of the staff has acted since the filing. */
    public boolean awaitingStaff() {
        return !staff;
    }
}
