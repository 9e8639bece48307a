package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** People and groups are named as people read them, in request views and in mails; never by identifier or code. */
class NamesTest {

    private static final String PLATFORM = "Plateforme d'assistance du rectorat";
    private static final String SPECIALISTS = "Spécialistes des applications disciplinaires";

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final Person specialist = Fixtures.specialist();
    private final RequestNumber number = Scenario.file(world, requester);

    /** Every text a person reads of a request's details. */
    private static List<String> shown(RequestDetails details) {
        List<String> out = new ArrayList<>(List.of(details.groupLabel()));
        if (details.assigneeName() != null) {
            out.add(details.assigneeName());
        }
        for (HistoryLine h : details.history()) {
            Stream.of(h.byName(), h.fromLabel(), h.toLabel()).filter(s -> s != null).forEach(out::add);
        }
        return out;
    }

    @Test
    void a_requester_reads_the_groups_label_and_staffs_names_never_their_codes_or_identifiers() {
        world.ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, specialist.id(), "Pour Samir", null);
        world.ticketing.changeStatus().change(specialist, number, Status.IN_PROGRESS, null, null);

        RequestDetails seen = world.ticketing.viewRequest().view(requester, number);

        assertEquals(SPECIALISTS, seen.groupLabel());
        assertEquals("Sam Spécialiste", seen.assigneeName());
        HistoryLine redirected = seen.history().stream().filter(h -> h.entry().event() == HistoryEvent.REDIRECTED)
                .findFirst().orElseThrow();
        assertEquals("Alice Agent", redirected.byName());
        assertEquals(PLATFORM, redirected.fromLabel());
        assertEquals(SPECIALISTS, redirected.toLabel());
        HistoryLine status = seen.history().get(seen.history().size() - 1);
        assertEquals("attribuée", status.fromLabel());
        assertEquals("en cours", status.toLabel());
        for (String text : shown(seen)) {
            for (String code : List.of("PLATEFORME", "EVE", "agent1", "specialiste-mep", "ASSIGNED")) {
                assertFalse(text.contains(code), text + " shows " + code);
            }
        }
    }

    @Test
    void staff_read_assignments_by_name_too() {
        world.ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, null, null, null);

        RequestDetails seen = world.ticketing.viewRequest().view(agent, number);

        HistoryLine assigned = seen.history().stream().filter(h -> h.entry().event() == HistoryEvent.ASSIGNED)
                .reduce((first, second) -> second).orElseThrow();
        assertEquals("Alice Agent", assigned.fromLabel());
        assertEquals("Sam Spécialiste", assigned.toLabel());
        assertEquals(SPECIALISTS, seen.groupLabel());
    }

    @Test
    void someone_the_directory_no_longer_knows_is_named_by_identifier_to_staff_and_as_the_helpdesk_to_others() {
        Person gone = Fixtures.newStaff(Fixtures.PLATEFORME);
        world.requests.update(Scenario.stored(world, number).take(gone, Fixtures.SEED_DAY));

        assertEquals(Labels.UNKNOWN_STAFF, world.ticketing.viewRequest().view(requester, number).assigneeName());
        assertEquals(gone.id().value(), world.ticketing.viewRequest().view(agent, number).assigneeName());
    }

    @Test
    void mails_name_the_group_by_its_label_and_the_person_a_request_goes_to_by_name() {
        int from = world.outbox.all().size();
        world.ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, specialist.id(), null, null);

        Map<TemplateKey, Map<String, String>> data = new EnumMap<>(TemplateKey.class);
        for (OutboxEntry e : world.outbox.all().subList(from, world.outbox.all().size())) {
            Notification n = e.notification();
            data.put(n.template(), n.data());
        }
        assertEquals(SPECIALISTS, data.get(TemplateKey.REQUEST_REDIRECTED).get("group"));
        assertEquals("Sam Spécialiste (" + SPECIALISTS + ")", data.get(TemplateKey.REQUEST_REDIRECTED)
                .get("handledBy"));
        assertEquals(SPECIALISTS, data.get(TemplateKey.REQUEST_ASSIGNED_TO_YOU).get("group"));

        int beforeQueued = world.outbox.all().size();
        Scenario.file(world, requester, Scenario.draft(Fixtures.PRINTERS, "Imprimante", "Bourrage.", null));
        assertEquals(PLATFORM, world.outbox.all().subList(beforeQueued, world.outbox.all().size()).stream()
                .map(OutboxEntry::notification).filter(n -> n.template() == TemplateKey.NEW_REQUEST_FOR_GROUP)
                .findFirst().orElseThrow().data().get("group"));
    }

    @Test
    void a_subject_type_or_group_since_removed_is_said_to_be_so_in_lists_and_details_never_by_code() {
        SubjectCatalog full = world.catalog.catalog();
        SubjectCatalog emptied = SubjectCatalog.of(full.all().stream()
                .filter(s -> !s.code().equals(Fixtures.seedDraft().subject())).toList(), List.of());
        Ticketing later = Ticketing.builder(world.ports().withCatalog(() -> emptied)
                .withDirectory(Scenario.withoutGroups(world.people), world.accounts)).clock(world.clock).build();

        RequestLine line = later.listMyRequests().list(requester, later.listMyRequests().currentSchoolYear(),
                PageRequest.first()).items().get(0);
        assertEquals(Fallbacks.SUBJECT, line.subjectDisplay());
        assertEquals(Fallbacks.REQUEST_TYPE, line.typeLabel());
        for (Person viewer : List.of(requester, agent)) {
            RequestDetails details = later.viewRequest().view(viewer, number);
            assertEquals(Fallbacks.SUBJECT, details.subjectDisplay());
            assertEquals(Fallbacks.REQUEST_TYPE, details.typeLabel());
            assertEquals(Fallbacks.GROUP, details.groupLabel());
            assertEquals(Fallbacks.GROUP, details.history().get(0).toLabel());
        }
    }
}
