package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.SatisfactionToken;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The satisfaction survey of resolved requests: a requester answers once, without signing in, through the signed link
 * of the resolution mail ({@link SatisfactionToken}), which is valid 30 days; staff read the answer. Without signing
 * keys no link is valid. Thread-safe.
 */
public final class AnswerSatisfaction {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Optional<ReplyKeys> keys;
    private final Clock clock;

    AnswerSatisfaction(UnitOfWork unitOfWork, RequestRepository requests, Optional<ReplyKeys> keys, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Stores the answer {@code score} (1 to 5) and {@code comment} (may be null) given through the link {@code token}:
     * NOT_FOUND when the token is unknown, forged, expired or its request gone, INVALID for a score out of range or a
     * comment too long, CONFLICT when the request was answered already.
     */
    public void answer(String token, Integer score, String comment) {
        Instant now = clock.instant();
        SatisfactionToken valid = SatisfactionToken.parse(token)
                .filter(t -> keys.map(k -> t.valid(k, now)).orElse(false))
                .orElseThrow(AnswerSatisfaction::unknown);
        RequestNumber number = valid.number();
        SatisfactionAnswer answer = new SatisfactionAnswer(number, score == null ? 0 : score, comment, now);
        boolean stored = unitOfWork.inTransaction(() -> {
            if (requests.find(number).isEmpty()) {
                throw unknown();
            }
            return requests.addSatisfaction(answer);
        });
        if (!stored) {
            throw DomainError.of(ErrorKind.CONFLICT, "satisfaction.answered",
                    "Vous avez déjà donné votre avis sur cette demande : merci !").exception();
        }
    }

    /** The answer to the survey of request {@code number}, for staff; empty when nobody answered it. */
    public Optional<SatisfactionAnswer> of(Person staff, RequestNumber number) {
        Access.requireActive(staff);
        Access.requireStaff(staff);
        return unitOfWork.inTransaction(() -> requests.satisfaction(number));
    }

    /** A link issued now for request {@code number}, when signing keys are configured. */
    public Optional<SatisfactionToken> link(RequestNumber number) {
        return keys.map(k -> SatisfactionToken.issue(k, number, clock.instant()));
    }

    private static TicketingException unknown() {
        return TicketingException.notFound("satisfaction.unknown",
                "Ce lien d'enquête est inconnu ou a expiré (il est valable 30 jours).");
    }
}
