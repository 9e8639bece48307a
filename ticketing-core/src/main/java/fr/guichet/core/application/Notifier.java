package fr.guichet.core.application;

import fr.guichet.core.domain.notification.Audience;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.NotificationRules;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestEvent;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a change's events into queued notifications, in the caller's unit of work, before the change is stored (the
 * order {@link fr.guichet.core.port.RequestRepository} states).
 */
final class Notifier {

    private final PersonDirectory people;
    private final NotificationOutbox outbox;

    Notifier(PersonDirectory people, NotificationOutbox outbox) {
        this.people = people;
        this.outbox = outbox;
    }

    void notify(SubjectCatalog subjects, Request after, List<RequestEvent> events, PersonId actor, Instant now) {
        notify(subjects, after, events, actor, now, KnownPeople.NONE);
    }

    /** As above, taking the people in {@code known} as they are instead of looking them up again. */
    void notify(SubjectCatalog subjects, Request after, List<RequestEvent> events, PersonId actor, Instant now,
            KnownPeople known) {
        if (events.isEmpty()) {
            return;
        }
        boolean needsGroup = events.stream().anyMatch(e -> e instanceof RequestEvent.Filed
                || e instanceof RequestEvent.Redirected r && r.assignee() == null);
        RequestSummary line = after.summaryLine();
        Audience audience = new Audience(actor,
                find(known, line.requester().id()).orElse(null),
                needsGroup ? known.membersOf(line.assignedGroup())
                        .orElseGet(() -> people.membersOf(line.assignedGroup())).stream()
                        .filter(Person::isStaff).toList()
                        : List.<Person>of(),
                Optional.ofNullable(line.assignee()).flatMap(id -> find(known, id)).orElse(null),
                subjects.find(line.subject()).map(Subject::display).orElse(line.subject().value()),
                people.group(line.assignedGroup()).map(SupportGroup::label).orElse(line.assignedGroup().value()));
        List<Notification> notifications = new ArrayList<>();
        for (RequestEvent event : events) {
            notifications.addAll(NotificationRules.notificationsFor(event, after, audience));
        }
        if (!notifications.isEmpty()) {
            outbox.enqueue(notifications, now);
        }
    }

    private Optional<Person> find(KnownPeople known, PersonId id) {
        return known.find(id).or(() -> people.find(id));
    }
}
