package fr.guichet.core.application;

import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a deployment takes mail in: the keys reply tags are verified with (none: no reply is appended), Guichet's own
 * addresses, the subject a mail without a tag files a new request in (none: it is kept unattached), and how many mails
 * a sender may send in a window before the next ones are ignored.
 */
record MailIntake(Optional<ReplyKeys> keys, Set<EmailAddress> ownAddresses, Optional<SubjectCode> filingSubject,
        int rateLimit, Duration rateWindow) {

    static final int DEFAULT_RATE_LIMIT = 20;
    static final Duration DEFAULT_RATE_WINDOW = Duration.ofHours(1);

    MailIntake {
        Objects.requireNonNull(keys, "keys");
        ownAddresses = Set.copyOf(ownAddresses);
        Objects.requireNonNull(filingSubject, "filingSubject");
        if (rateLimit < 1 || rateWindow.isNegative() || rateWindow.isZero()) {
            throw new IllegalArgumentException("A rate limit is at least one mail in a positive window");
        }
    }
}
