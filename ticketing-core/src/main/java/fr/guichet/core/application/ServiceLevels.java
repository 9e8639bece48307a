package fr.guichet.core.application;

import fr.guichet.core.domain.calendar.SchoolCalendar;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.ServiceLevel;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.ServiceTargets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service-level clock of requests, in working time of the school calendar: a new request is due as its subject's
 * targets say; the resolution clock stops while a request waits on its requester or is resolved, and restarts where it
 * stopped when the request comes back to the staff (the requester answers, or it is reopened), its resolution due
 * moving later by the working time it spent stopped. A due already missed when the clock stopped stays as it was.
 * Immutable and thread-safe.
 */
public final class ServiceLevels {

    private final SchoolCalendar calendar;
    private final Clock clock;

    ServiceLevels(SchoolCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The calendar whose working time the dues are counted in. */
    public SchoolCalendar calendar() {
        return calendar;
    }

    /** True when {@code line} is late now: a due of it is past and not met while its clock runs (« En retard »). */
    public boolean late(RequestSummary line) {
        return line.late(clock.instant());
    }

    /** True when {@code request} has missed a target of its subject, as of now. */
    public boolean breached(Request request) {
        return request.breached(clock.instant());
    }

    /** What a request filed at {@code now} under a subject with {@code targets} is due by. */
    ServiceLevel dueFrom(Instant now, ServiceTargets targets) {
        return ServiceLevel.due(calendar.plusHours(now, targets.firstAnswerHours()),
                calendar.plusHours(now, targets.resolutionHours()));
    }

    /** {@code change}, its resolution due moved later when it restarts the request's stopped clock. */
    RequestChange restarted(RequestChange change) {
        Request before = change.before();
        Request after = change.after();
        Status from = before.summaryLine().status();
        Status to = after.summaryLine().status();
        ServiceLevel level = after.summaryLine().serviceLevel();
        boolean stopped = from == Status.WAITING_FOR_REQUESTER || from == Status.RESOLVED;
        boolean running = to.isOpen() && to != Status.WAITING_FOR_REQUESTER;
        if (!stopped || !running || level.resolutionDue() == null) {
            return change;
        }
        Instant stoppedAt = before.statusSince();
        if (!level.resolutionDue().isAfter(stoppedAt)) {
            return change;
        }
        Duration left = calendar.between(stoppedAt, level.resolutionDue());
        Instant due = calendar.plus(after.statusSince(), left);
        return new RequestChange(before, after.withServiceLevel(level.withResolutionDue(due)), change.newMessages(),
                change.newHistory(), change.events());
    }
}
