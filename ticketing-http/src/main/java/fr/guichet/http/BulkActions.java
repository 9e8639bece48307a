package fr.guichet.http;

import fr.guichet.core.application.LinkRequest;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /requests/bulk}: one staff action (take, assign, status, link) on up to {@link #MAX_REQUESTS} requests,
 * each changed by its own use-case call, so that one refused leaves the others done; a result per request, in the order
 * given, duplicates once. A faulty body (no request, an unknown action, an action without what it needs) changes
 * nothing.
 */
final class BulkActions {

    static final int MAX_REQUESTS = 200;

    /**
     * The refusals a request's result reports (an invalid value for this request, e.g. a reopening without comment,
     * as 409); any other (the database unavailable) ends the call, the requests before it staying changed.
     */
    private static final Set<ErrorKind> PER_REQUEST = EnumSet.of(ErrorKind.FORBIDDEN, ErrorKind.NOT_FOUND,
            ErrorKind.CONFLICT, ErrorKind.INVALID);

    private final Ticketing ticketing;

    BulkActions(Ticketing ticketing) {
        this.ticketing = ticketing;
    }

    /** What one request became: 200, or the status and French detail of its refusal (403, 404, 409). */
    record Result(String number, int status, String detail) {
    }

    List<Result> apply(Person person, Bodies.Bulk body) {
        if (!person.isStaff()) {
            throw TicketingException.forbidden("bulk.forbidden",
                    "Les actions groupées sont réservées aux équipes d'assistance.");
        }
        Validation v = new Validation();
        Set<RequestNumber> numbers = v.check(() -> numbers(body.numbers()));
        Action action = v.check(() -> Action.parse(body.action()));
        Status status = v.check(() -> action == Action.STATUS ? ListParameters.status(body.status()) : null);
        GroupCode group = v.check(() -> action == Action.ASSIGN ? group(body.group()) : null);
        PersonId assignee = v.check(() -> action == Action.ASSIGN && body.assignee() != null
                && !body.assignee().isEmpty() ? ListParameters.personId("assignee", body.assignee()) : null);
        RequestNumber parent = v.check(() -> action == Action.LINK ? LinkRequest.parentNumber(body.parent()) : null);
        v.throwIfInvalid();
        List<Result> results = new ArrayList<>();
        for (RequestNumber number : numbers) {
            results.add(applyOne(number, () -> {
                switch (action) {
                    case TAKE -> ticketing.takeRequest().take(person, number, null);
                    case ASSIGN -> ticketing.redirectRequest().redirect(person, number, group, assignee,
                            body.comment(), null);
                    case STATUS -> ticketing.changeStatus().change(person, number, status, body.comment(), null);
                    case LINK -> ticketing.linkRequest().link(person, number, parent.display(), null);
                }
            }));
        }
        return results;
    }

    private static Result applyOne(RequestNumber number, Runnable change) {
        try {
            change.run();
            return new Result(number.display(), 200, null);
        } catch (TicketingException e) {
            DomainError error = e.errors().get(0);
            if (!PER_REQUEST.contains(error.kind())) {
                throw e;
            }
            int status = error.kind() == ErrorKind.INVALID ? 409 : Problems.status(error.kind());
            return new Result(number.display(), status, error.message());
        }
    }

    /** The actions of v1.1's bulk call. */
    private enum Action {
        TAKE, ASSIGN, STATUS, LINK;

        static Action parse(String value) {
            if (value != null) {
                for (Action a : values()) {
                    if (a.name().toLowerCase(Locale.ROOT).equals(value)) {
                        return a;
                    }
                }
            }
            throw DomainError.invalid("action", "bulk.action.invalid",
                    "L'action doit être take, assign, status ou link.").exception();
        }
    }

    private static Set<RequestNumber> numbers(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw DomainError.invalid("numbers", "bulk.numbers.required", "Choisissez au moins une demande.")
                    .exception();
        }
        if (values.size() > MAX_REQUESTS) {
            throw DomainError.invalid("numbers", "bulk.numbers.too_many",
                    "Une action groupée porte sur " + MAX_REQUESTS + " demandes au plus.").exception();
        }
        Set<RequestNumber> numbers = new LinkedHashSet<>();
        for (String value : values) {
            try {
                numbers.add(RequestNumber.parse(value));
            } catch (TicketingException e) {
                throw DomainError.invalid("numbers", "bulk.numbers.invalid",
                        "Un numéro de demande ne contient que des chiffres.").exception();
            }
        }
        return numbers;
    }

    private static GroupCode group(String value) {
        if (value == null || value.isEmpty()) {
            throw DomainError.invalid("group", "group.required", "Le groupe de support est obligatoire.")
                    .exception();
        }
        return GroupCode.of(value);
    }
}
