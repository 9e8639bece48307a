package fr.guichet.core.application;

import fr.guichet.core.domain.request.RequestNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of an inbound mail: its outcome, the request it went to if any, and a stable reason code for logs
 * ({@code auto-submitted}, {@code token.invalid}, {@code sender.mismatch}, {@code rate-limited}, {@code own-address},
 * {@code no-token}…; empty when the mail was appended as expected).
 */
public record MailReceipt(Outcome outcome, Optional<RequestNumber> request, String reason) {

    /** What was done with the mail. */
    public enum Outcome {
        /** Appended to its request as a follow-up of the requester. */
        FOLLOW_UP,
        /** Appended to its request as a public answer of staff. */
        ANSWER,
        /** Filed as a new request. */
        FILED,
        /** Kept for staff to look at, appended nowhere. */
        UNATTACHED,
        /** Automatic mail or mail not to be answered: recorded, appended nowhere. */
        IGNORED,
        /** Imported already: nothing done. */
        DUPLICATE
    }

    public MailReceipt {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reason, "reason");
    }
}
