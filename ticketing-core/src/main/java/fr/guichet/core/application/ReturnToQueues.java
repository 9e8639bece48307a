package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Sends the open requests assigned to a person who leaves a group (or the support team) back to the group's queue,
 * unassigned by the administrator, the group's other staff mailed the list; inside the caller's transaction.
 */
final class ReturnToQueues {

    private static final Set<Status> OPEN = Arrays.stream(Status.values()).filter(Status::isOpen)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));

    private final RequestRepository requests;
    private final PersonDirectory people;
    private final NotificationOutbox outbox;
    private final Clock clock;

    ReturnToQueues(Ports ports, Clock clock) {
        this.requests = ports.requests();
        this.people = ports.people();
        this.outbox = ports.outbox();
        this.clock = clock;
    }

    /**
     * Returns the open requests assigned to {@code person} whose group {@code groups} accepts. Notifications are
     * queued before the requests are stored (the order {@link RequestRepository} asks).
     */
    void returnRequests(Person admin, Person person, Predicate<GroupCode> groups) {
        List<RequestNumber> numbers = new ArrayList<>();
        RequestQuery assigned = RequestQuery.all().withAssignee(person.id()).withStatuses(OPEN);
        for (int page = 1;; page++) {
            Page<RequestSummary> found = requests.list(assigned, new PageRequest(page, PageRequest.MAX_SIZE));
            found.items().stream().filter(line -> groups.test(line.assignedGroup()))
                    .forEach(line -> numbers.add(line.number()));
            if (found.isLast()) {
                break;
            }
        }
        Instant now = clock.instant();
        List<RequestChange> changes = new ArrayList<>();
        Map<GroupCode, List<String>> byGroup = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (RequestNumber number : numbers) {
            Request request = requests.find(number).orElseThrow();
            RequestChange change = request.unassign(admin, now);
            changes.add(change);
            RequestSummary line = request.summaryLine();
            byGroup.computeIfAbsent(line.assignedGroup(), g -> new ArrayList<>())
                    .add("n° " + line.number().display() + " – " + line.summary().value());
        }
        List<Notification> mails = new ArrayList<>();
        byGroup.forEach((group, lines) -> {
            String label = Fallbacks.groupLabel(people, group);
            people.membersOf(group).stream().filter(Person::isStaff).filter(m -> !m.id().equals(person.id()))
                    .forEach(member -> mails.add(Notification.requestsReturned(member, label, person, lines)));
        });
        if (!mails.isEmpty()) {
            outbox.enqueue(mails, now);
        }
        for (RequestChange change : changes) {
            if (!requests.update(change)) {
                throw TicketingException.conflict("person.deactivate.request_changed",
                        "Une demande de cette personne a changé pendant la modification : recommencez.");
            }
        }
    }
}
