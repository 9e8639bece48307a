package fr.guichet.core.domain.notification;

import java.util.Objects;

/** What a channel says of one attempt: delivered, failed for now (try again later), or failed for good. */
public sealed interface DeliveryResult {

    static DeliveryResult delivered() {
        return new Delivered();
    }

    static DeliveryResult transientFailure(String reason) {
        return new TransientFailure(reason);
    }

    static DeliveryResult permanentFailure(String reason) {
        return new PermanentFailure(reason);
    }

    /** The mail server accepted the message. */
    record Delivered() implements DeliveryResult {
    }

    /** Worth retrying later: connection refused, timeout, 4xx. */
    record TransientFailure(String reason) implements DeliveryResult {
        public TransientFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Never worth retrying: the recipient was refused (5xx), the message cannot be built. */
    record PermanentFailure(String reason) implements DeliveryResult {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
