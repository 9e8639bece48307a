package fr.guichet.core.application;

import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.Lifecycle;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.StatusLabels;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SubjectCatalogSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds the names people read to requests: the catalog's labels (a subject or type since removed from the catalog is
 * said to be so, see {@link Fallbacks}), the groups' labels and people's names from the directory. Someone the
 * directory no longer knows is shown to staff by identifier and to others as {@value #UNKNOWN_STAFF}; a group it no
 * longer knows is said to be so; an establishment by its name when the directory of establishments knows it. Staff
 * also read which requests follow a request as an incident.
 */
final class Labels {

    /** How a requester reads the name of someone the directory no longer knows: never by identifier. */
    static final String UNKNOWN_STAFF = "Équipe d'assistance";

    private final SubjectCatalogSource source;
    private final PersonDirectory people;
    private final RequestRepository requests;
    private final EstablishmentDirectory establishments;

    Labels(SubjectCatalogSource source, PersonDirectory people, RequestRepository requests,
            EstablishmentDirectory establishments) {
        this.source = source;
        this.people = people;
        this.requests = requests;
        this.establishments = establishments;
    }

    /**
     * The lines of {@code page} as {@code viewer} reads them, each person named once per page, the establishments
     * read at once.
     */
    Page<RequestLine> lines(Page<RequestSummary> page, Person viewer) {
        return lines(page, viewer, new Known());
    }

    /**
     * As {@link #lines(Page, Person)}, taking the people and schools already named from {@code known} and adding
     * those it reads: the caller keeps it across pages (an export's batches) so that each is read once, not once a
     * page.
     */
    Page<RequestLine> lines(Page<RequestSummary> page, Person viewer, Known known) {
        SubjectCatalog catalog = source.catalog();
        Map<PersonId, NamedPerson> named = known.people;
        named.putIfAbsent(viewer.id(), named(viewer.id(), viewer.name()));
        List<Uai> unread = page.items().stream().map(RequestSummary::establishment)
                .filter(uai -> uai != null && !known.schools.containsKey(uai)).distinct().toList();
        if (!unread.isEmpty()) {
            Map<Uai, Establishment> found = establishments.findAll(unread);
            unread.forEach(uai -> known.schools.put(uai, establishmentName(found.get(uai))));
        }
        List<PersonId> unnamed = page.items().stream().flatMap(s -> Stream.of(s.assignee(),
                        s.lastActivity().by().equals(s.requester().id()) ? null : s.lastActivity().by()))
                .filter(id -> id != null && !named.containsKey(id)).distinct().toList();
        if (!unnamed.isEmpty()) {
            Map<PersonId, Person> found = people.findAll(unnamed);
            unnamed.forEach(id -> named.put(id, found.containsKey(id) ? named(id, found.get(id).name())
                    : unknown(id, viewer)));
        }
        return page.map(s -> {
            PersonRef requester = s.requester();
            PersonId last = s.lastActivity().by();
            return new RequestLine(s, subjectDisplay(catalog, s), typeLabel(catalog, s),
                    s.assignee() == null ? null : named.get(s.assignee()),
                    last.equals(requester.id()) ? named(last, requester.name()) : named.get(last),
                    s.establishment() == null ? null : known.schools.get(s.establishment()));
        });
    }

    /**
     * The people and schools named so far, kept by a caller across pages; a person the directory lacks is held under
     * the name shown in their place and a school it lacks as having no name, so that neither is looked up again.
     * Not thread-safe.
     */
    static final class Known {

        private final Map<PersonId, NamedPerson> people = new HashMap<>();
        private final Map<Uai, String> schools = new HashMap<>();

        /** How many people and schools it holds. */
        int size() {
            return people.size() + schools.size();
        }

        void clear() {
            people.clear();
            schools.clear();
        }
    }

    private static String establishmentName(Establishment establishment) {
        return establishment == null ? null : establishment.name();
    }

    private static NamedPerson named(PersonId id, PersonName name) {
        return new NamedPerson(id.value(), name.display(), name.listed());
    }

    /** Someone the directory does not know, as {@code viewer} reads them. */
    private static NamedPerson unknown(PersonId id, Person viewer) {
        String shown = viewer.isStaff() ? id.value() : UNKNOWN_STAFF;
        return new NamedPerson(id.value(), shown, shown);
    }

    private static String subjectDisplay(SubjectCatalog catalog, RequestSummary summary) {
        return catalog.find(summary.subject()).map(Subject::display).orElse(Fallbacks.SUBJECT);
    }

    private static String typeLabel(SubjectCatalog catalog, RequestSummary summary) {
        return catalog.requestType(summary.type()).map(RequestType::label).orElse(Fallbacks.REQUEST_TYPE);
    }

    SubjectCatalog catalog() {
        return source.catalog();
    }

    RequestDetails details(Request request, Person viewer) {
        return details(source.catalog(), request, viewer, KnownPeople.NONE);
    }

    RequestDetails details(SubjectCatalog catalog, Request request, Person viewer) {
        return details(catalog, request, viewer, KnownPeople.NONE);
    }

    /** As {@link #details(SubjectCatalog, Request, Person)}, naming the people in {@code known} without reading them. */
    RequestDetails details(SubjectCatalog catalog, Request request, Person viewer, KnownPeople known) {
        Request seen = viewer.isStaff() ? request : request.asSeenByRequester();
        RequestSummary header = request.summaryLine();
        Status status = header.status();
        Set<Status> moves = viewer.isStaff() ? Lifecycle.next(Actor.STAFF, status)
                : request.isRequester(viewer.id()) ? Lifecycle.next(Actor.REQUESTER, status) : Set.of();
        Names names = new Names(viewer, seen, known);
        return new RequestDetails(seen, subjectDisplay(catalog, header), typeLabel(catalog, header), moves,
                names.group(header.assignedGroup().value()),
                header.assignee() == null ? null : names.person(header.assignee().value()),
                seen.history().stream().map(names::line).toList(),
                viewer.isStaff() ? requests.children(header.number()) : List.of(),
                header.establishment() == null ? null
                        : establishmentName(establishments.find(header.establishment()).orElse(null)));
    }

    /** The names of one request's groups and people, each read at most once. */
    private final class Names {

        private final Person viewer;
        private final Map<PersonId, String> personNames = new HashMap<>();
        private final KnownPeople known;
        private Map<String, String> groupLabels;

        Names(Person viewer, Request request, KnownPeople known) {
            this.viewer = viewer;
            this.known = known;
            personNames.put(viewer.id(), viewer.name().display());
            personNames.put(Guichet.ID, Guichet.NAME);
            PersonRef requester = request.summaryLine().requester();
            personNames.put(requester.id(), requester.name().display());
            for (Message m : request.messages()) {
                personNames.putIfAbsent(m.author().id(), m.author().name().display());
            }
        }

        HistoryLine line(HistoryEntry entry) {
            return new HistoryLine(entry, person(entry.by().value()), label(entry, entry.from()),
                    label(entry, entry.to()));
        }

        private String label(HistoryEntry entry, String value) {
            if (value == null) {
                return null;
            }
            return switch (entry.event().refersTo()) {
                case NOTHING, TEXT, REQUEST -> value;
                case GROUP -> group(value);
                case PERSON -> person(value);
                case STATUS -> StatusLabels.french(Status.valueOf(value),
                        viewer.isStaff() ? Actor.STAFF : Actor.REQUESTER);
            };
        }

        String person(String identifier) {
            PersonId id = PersonId.of(identifier);
            return personNames.computeIfAbsent(id, k -> known.find(k).or(() -> people.find(k))
                    .map(p -> p.name().display())
                    .orElse(viewer.isStaff() ? identifier : UNKNOWN_STAFF));
        }

        String group(String code) {
            if (groupLabels == null) {
                groupLabels = people.groups().stream()
                        .collect(Collectors.toMap(g -> g.code().value(), SupportGroup::label, (a, b) -> a));
            }
            return groupLabels.getOrDefault(code, Fallbacks.GROUP);
        }
    }
}
