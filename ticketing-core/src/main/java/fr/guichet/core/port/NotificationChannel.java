package fr.guichet.core.port;

import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;

/** Delivers one notification (e-mail, file…); never throws for a delivery failure, it answers one. Thread-safe. */
public interface NotificationChannel {

    /** Makes one attempt to deliver the entry's notification and says how it went. */
    DeliveryResult deliver(OutboxEntry entry);
}
