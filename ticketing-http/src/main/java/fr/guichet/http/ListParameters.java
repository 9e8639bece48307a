package fr.guichet.http;

import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestSort;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query of {@code GET /api/v1/requests}, each parameter read through an allow-list (scope, status, sort, the
 * flags) or the core's own parsing (school year, subject, group, assignee, page); every faulty parameter is reported at
 * once. {@code assignee=me} is whoever asks ({@code assigneeIsMe}); {@code establishment} is a UAI,
 * {@code department} a département code (77, 2A, 971).
 */
record ListParameters(Scope scope, SchoolYear schoolYear, Set<Status> statuses, SubjectCode subject, GroupCode group,
        PersonId assignee, boolean assigneeIsMe, String words, RequestSort sort, Set<RequestQuery.Only> only,
        PageRequest page, Uai establishment, Department department) {

    enum Scope { MINE, QUEUE, ALL }

    /** The values of {@code sort}: v1.1's, then v1's kept for the clients that send them. */
    private static final Map<String, RequestSort> SORTS = Map.of(
            "-submittedAt", RequestSort.NEWEST, "submittedAt", RequestSort.OLDEST,
            "-updatedAt", RequestSort.UPDATED, "updatedAt", RequestSort.UPDATED_LONGEST_AGO,
            "newest", RequestSort.NEWEST, "oldest", RequestSort.OLDEST, "updated", RequestSort.UPDATED,
            "due", RequestSort.DUE);
    private static final String ME = "me";
    /** The flags that keep a list to some requests, by parameter name, in the order their faults are reported. */
    private static final List<Map.Entry<String, RequestQuery.Only>> ONLY = List.of(
            Map.entry("unassigned", RequestQuery.Only.UNASSIGNED),
            Map.entry("awaitingStaff", RequestQuery.Only.AWAITING_STAFF),
            Map.entry("reopened", RequestQuery.Only.REOPENED));

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
        boolean me = ME.equals(ctx.queryParam("assignee"));
        PersonId assignee = v.check(() -> present(ctx, "assignee") && !me ? personId("assignee",
                ctx.queryParam("assignee")) : null);
        RequestSort sort = v.check(() -> sort(ctx.queryParam("sort")));
        Set<RequestQuery.Only> only = EnumSet.noneOf(RequestQuery.Only.class);
        for (Map.Entry<String, RequestQuery.Only> flag : ONLY) {
            if (Boolean.TRUE.equals(v.check(() -> flag(ctx.queryParam(flag.getKey()), flag.getKey())))) {
                only.add(flag.getValue());
            }
        }
        Uai establishment = v.check(() -> present(ctx, "establishment") ? Uai.parse(ctx.queryParam("establishment"))
                : null);
        Department department = v.check(() -> present(ctx, "department")
                ? Department.parse(ctx.queryParam("department")) : null);
        Integer page = v.check(() -> number(ctx.queryParam("page"), "page", 1));
        Integer size = v.check(() -> number(ctx.queryParam("size"), "size", PageRequest.DEFAULT_SIZE));
        PageRequest pageRequest = page == null || size == null ? null
                : v.check(() -> new PageRequest(page, size));
        v.throwIfInvalid();
        return new ListParameters(scope, year, statuses, subject, group, assignee, me, ctx.queryParam("q"), sort,
                only, pageRequest, establishment, department);
    }

    /** The page that {@code page} and {@code size} ask for (first page, 20 lines when absent), or the refusal. */
    static PageRequest pageRequest(Context ctx) {
        Validation v = new Validation();
        Integer page = v.check(() -> number(ctx.queryParam("page"), "page", 1));
        Integer size = v.check(() -> number(ctx.queryParam("size"), "size", PageRequest.DEFAULT_SIZE));
        PageRequest pageRequest = page == null || size == null ? null : v.check(() -> new PageRequest(page, size));
        v.throwIfInvalid();
        return pageRequest;
    }

    /** The filter {@code staff} asked for, over their queue only or over every request. */
    QueueFilter filter(boolean queueOnly, Person staff) {
        return new QueueFilter(queueOnly, statuses, subject, group, assigneeIsMe ? staff.id() : assignee, words, sort,
                only, establishment, department);
    }

    /** The order {@code value} names, the default when absent. */
    private static RequestSort sort(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        RequestSort sort = SORTS.get(value);
        if (sort == null) {
            sort = SORTS.get(value.toLowerCase(Locale.ROOT));
        }
        if (sort == null) {
            throw DomainError.invalid("sort", "sort.unknown",
                    "Le tri doit être -submittedAt, submittedAt, -updatedAt, updatedAt ou due.").exception();
        }
        return sort;
    }

    /** {@code true} or {@code false}; absent is false. */
    static Boolean flag(String value, String field) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw DomainError.invalid(field, field + ".invalid", "Ce paramètre vaut true ou false.").exception();
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
