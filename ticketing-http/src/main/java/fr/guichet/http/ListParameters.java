package fr.guichet.http;

import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestSort;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query of {@code GET /api/v1/requests}, each parameter read through an allow-list (scope, status, sort) or the
 * core's own parsing (school year, subject, group, assignee, page); every faulty parameter is reported at once.
 */
record ListParameters(Scope scope, SchoolYear schoolYear, Set<Status> statuses, SubjectCode subject, GroupCode group,
        PersonId assignee, String words, RequestSort sort, PageRequest page) {

    enum Scope { MINE, QUEUE, ALL }

    static ListParameters parse(Context ctx) {
        Validation v = new Validation();
        Scope scope = v.check(() -> oneOf(Scope.class, ctx.queryParam("scope"), "scope",
                "La portée doit être mine, queue ou all."));
        SchoolYear year = v.check(() -> present(ctx, "schoolYear") ? SchoolYear.parse(ctx.queryParam("schoolYear"))
                : null);
        Set<Status> statuses = v.check(() -> statuses(ctx.queryParams("status")));
        SubjectCode subject = v.check(() -> present(ctx, "subject") ? SubjectCode.parse(ctx.queryParam("subject"))
                : null);
        GroupCode group = v.check(() -> present(ctx, "group") ? GroupCode.of(ctx.queryParam("group")) : null);
        PersonId assignee = v.check(() -> present(ctx, "assignee") ? personId("assignee",
                ctx.queryParam("assignee")) : null);
        RequestSort sort = v.check(() -> oneOf(RequestSort.class, ctx.queryParam("sort"), "sort",
                "Le tri doit être newest, oldest ou updated."));
        Integer page = v.check(() -> number(ctx.queryParam("page"), "page", 1));
        Integer size = v.check(() -> number(ctx.queryParam("size"), "size", PageRequest.DEFAULT_SIZE));
        PageRequest pageRequest = page == null || size == null ? null
                : v.check(() -> new PageRequest(page, size));
        v.throwIfInvalid();
        return new ListParameters(scope, year, statuses, subject, group, assignee, ctx.queryParam("q"), sort,
                pageRequest);
    }

    QueueFilter filter(boolean queueOnly) {
        return new QueueFilter(queueOnly, statuses, subject, group, assignee, words, sort);
    }

    private static boolean present(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && !value.isEmpty();
    }

    /** A person's identifier given in {@code field}; an invalid one is refused naming that field. */
    static PersonId personId(String field, String value) {
        try {
            return PersonId.of(value);
        } catch (RuntimeException e) {
            throw DomainError.invalid(field, field + ".invalid", "L'identifiant de la personne est invalide.")
                    .exception();
        }
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field, String message) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw DomainError.invalid(field, field + ".unknown", message).exception();
    }

    /** The status named exactly {@code name}; anything else is refused naming the field {@code status}. */
    static Status status(String name) {
        for (Status s : Status.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw DomainError.invalid("status", "status.unknown",
                "Le statut doit être NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_REQUESTER, RESOLVED ou CLOSED.")
                .exception();
    }

    private static Set<Status> statuses(List<String> values) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String value : values) {
            for (String name : value.split(",", -1)) {
                if (name.isBlank()) {
                    continue;
                }
                statuses.add(status(name.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return statuses;
    }

    /** A positive whole number; larger than an int it is clamped (the core caps page sizes anyway). */
    private static Integer number(String value, String field, int absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        if (value.length() > 30 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw DomainError.invalid(field, field + ".invalid", "Ce paramètre doit être un nombre entier positif.")
                    .exception();
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
