package fr.guichet.core.application;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestSearch;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestSort;
import java.util.Set;

/**
 * What a staff member narrows a list to; null criteria match all. {@code queueOnly}: only their groups' and theirs;
 * {@code only}: only those unassigned, awaiting the staff or reopened (see {@link RequestQuery.Only});
 * {@code establishment} and {@code department}: only those filed from that establishment, or from one of that
 * département.
 */
public record QueueFilter(boolean queueOnly, Set<Status> statuses, SubjectCode subject, GroupCode group,
        PersonId assignee, String words, RequestSort sort, Set<RequestQuery.Only> only, Uai establishment,
        Department department) {

    public QueueFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        only = only == null ? Set.of() : Set.copyOf(only);
    }

    /** Requests from any establishment. */
    public QueueFilter(boolean queueOnly, Set<Status> statuses, SubjectCode subject, GroupCode group,
            PersonId assignee, String words, RequestSort sort, Set<RequestQuery.Only> only) {
        this(queueOnly, statuses, subject, group, assignee, words, sort, only, null, null);
    }

    /** Any requests, assigned or not, whoever acted last, reopened or not. */
    public QueueFilter(boolean queueOnly, Set<Status> statuses, SubjectCode subject, GroupCode group,
            PersonId assignee, String words, RequestSort sort) {
        this(queueOnly, statuses, subject, group, assignee, words, sort, Set.of());
    }

    /** The query of this filter as {@code staff} asks it; words a search may not take are refused. */
    RequestQuery query(Person staff) {
        RequestQuery query = RequestQuery.all().withStatuses(statuses).withSubject(subject).withGroup(group)
                .withAssignee(assignee).withWords(RequestSearch.requireSearchable(words)).withSort(sort)
                .withOnly(only).withEstablishment(establishment).withDepartment(department);
        return queueOnly ? query.withQueueOf(new RequestQuery.QueueOf(staff.id(), staff.groups())) : query;
    }

    /** The staff member's queue, every status, newest first. */
    public static QueueFilter queue() {
        return new QueueFilter(true, Set.of(), null, null, null, null, null);
    }

    /** Every request, every status, newest first. */
    public static QueueFilter everything() {
        return new QueueFilter(false, Set.of(), null, null, null, null, null);
    }
}
