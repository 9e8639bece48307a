package fr.guichet.core.application;

import fr.guichet.core.domain.notification.Audience;
import fr.guichet.core.domain.notification.Delivery;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.notification.NotificationRules;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestEvent;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a change's events into queued notifications, in the caller's unit of work, before the change is stored (the
 * order {@link fr.guichet.core.port.RequestRepository} states). A staff member's mail that their
 * {@link NotificationPreferences} send to the digest is held for it, with the request's establishment; one they do not
 * want is not queued.
 */
final class Notifier {

    private final PersonDirectory people;
    private final PersonRegistry registry;
    private final NotificationOutbox outbox;

    Notifier(PersonDirectory people, PersonRegistry registry, NotificationOutbox outbox) {
        this.people = people;
        this.registry = registry;
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
        RequestSummary line = after.summaryLine();
        boolean needsGroup = events.stream().anyMatch(e -> e instanceof RequestEvent.Filed && line.assignee() == null
                || e instanceof RequestEvent.Redirected r && r.assignee() == null);
        Audience audience = new Audience(actor,
                find(known, line.requester().id()).orElse(null),
                needsGroup ? known.membersOf(line.assignedGroup())
                        .orElseGet(() -> people.membersOf(line.assignedGroup())).stream()
                        .filter(Person::isStaff).toList()
                        : List.<Person>of(),
                Optional.ofNullable(line.assignee()).flatMap(id -> find(known, id)).orElse(null),
                subjects.find(line.subject()).map(Subject::display).orElse(Fallbacks.SUBJECT),
                Fallbacks.groupLabel(people, line.assignedGroup()));
        List<Notification> notifications = new ArrayList<>();
        for (RequestEvent event : events) {
            notifications.addAll(NotificationRules.notificationsFor(event, after, audience));
        }
        deliver(notifications, audience, line, now);
    }

    /** Queues, holds for the digest or leaves out each of {@code notifications}, as its recipient chose. */
    private void deliver(List<Notification> notifications, Audience audience, RequestSummary line, Instant now) {
        Map<EmailAddress, PersonId> chooser = new HashMap<>();
        Stream.concat(audience.groupMembers().stream(), audience.assigneePerson().stream())
                .forEach(p -> chooser.put(p.email(), p.id()));
        List<PersonId> choosing = notifications.stream().filter(n -> chosen(n.template()))
                .map(n -> chooser.get(n.recipient())).filter(Objects::nonNull).distinct().toList();
        Map<PersonId, NotificationPreferences> chosen = choosing.isEmpty() ? Map.of()
                : registry.preferences(choosing);
        List<Notification> immediate = new ArrayList<>();
        List<Notification> held = new ArrayList<>();
        for (Notification n : notifications) {
            PersonId id = chosen(n.template()) ? chooser.get(n.recipient()) : null;
            Delivery delivery = id == null ? Delivery.EACH
                    : chosen.getOrDefault(id, NotificationPreferences.DEFAULT).deliveryOf(n.template());
            if (delivery == Delivery.EACH) {
                immediate.add(n);
            } else if (delivery == Delivery.DIGEST) {
                held.add(n.with("establishment", line.establishment() == null ? "" : line.establishment().value()));
            }
        }
        if (!immediate.isEmpty()) {
            outbox.enqueue(immediate, now);
        }
        if (!held.isEmpty()) {
            outbox.hold(held, now);
        }
    }

    /** True for the mails whose delivery staff choose. */
    private static boolean chosen(TemplateKey template) {
        return template == TemplateKey.NEW_REQUEST_FOR_GROUP || template.aboutAssignedRequest();
    }

    private Optional<Person> find(KnownPeople known, PersonId id) {
        return known.find(id).or(() -> people.find(id));
    }
}
