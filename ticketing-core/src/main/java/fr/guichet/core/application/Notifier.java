package fr.guichet.core.application;

import fr.guichet.core.domain.notification.Audience;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.NotificationRules;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestEvent;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a change's events into queued notifications, in the caller's unit of work. */
final class Notifier {

    private final PersonDirectory people;
    private final NotificationOutbox outbox;

    Notifier(PersonDirectory people, NotificationOutbox outbox) {
        this.people = people;
        this.outbox = outbox;
    }

    void notify(SubjectCatalog subjects, Request after, List<RequestEvent> events, PersonId actor, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        boolean needsGroup = events.stream().anyMatch(e -> e instanceof RequestEvent.Filed
                || e instanceof RequestEvent.Redirected r && r.assignee() == null);
        Audience audience = new Audience(actor,
                people.find(after.requester().id()).orElse(null),
                needsGroup ? people.membersOf(after.assignedGroup()).stream().filter(Person::isStaff).toList()
                        : List.<Person>of(),
                after.assignee().flatMap(people::find).orElse(null),
                subjects.find(after.subject()).map(Subject::display).orElse(after.subject().value()));
        List<Notification> notifications = new ArrayList<>();
        for (RequestEvent event : events) {
            notifications.addAll(NotificationRules.notificationsFor(event, after, audience));
        }
        if (!notifications.isEmpty()) {
            outbox.enqueue(notifications, now);
        }
    }
}
