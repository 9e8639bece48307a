package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static fr.guichet.core.application.Scenario.refused;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.MediaTypes;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.routing.RoutingPolicy;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FileRequestTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = Fixtures.montanes();
    private final Person agent = Fixtures.agent();

    @Test
    void the_seeds_request_gets_number_0000001_and_goes_to_the_platform_group() {
        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));

        Filing filing = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null);

        Request seen = filing.details().request();
        assertFalse(filing.alreadyFiled());
        assertEquals("0000001", seen.summaryLine().number().display());
        assertEquals(Status.ASSIGNED, seen.summaryLine().status());
        assertEquals(Fixtures.PLATEFORME, seen.summaryLine().assignedGroup());
        assertEquals(agent.id(), seen.summaryLine().assignee());
        assertEquals("EVE \u2013 4.2 \u2013 Mathenpoche", filing.details().subjectDisplay());
        assertEquals("difficulté d'utilisation/installation", filing.details().typeLabel());
        assertEquals("0941295X", seen.summaryLine().establishment().value());
        assertEquals(Visibility.PRIVATE, seen.summaryLine().visibility());
        assertEquals(List.of(new HistoryEntry(Fixtures.SEED_DAY, requester.id(), HistoryEvent.FILED, null,
                "PLATEFORME")), seen.history(), "the requester does not see the staff-only assignment");
        Request stored = Scenario.stored(world, seen.summaryLine().number());
        assertEquals(List.of(HistoryEvent.FILED, HistoryEvent.ASSIGNED),
                stored.history().stream().map(HistoryEntry::event).toList());
        assertEquals(1, stored.version());
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RECEIVED,
                agent.email().value(), TemplateKey.REQUEST_ASSIGNED_TO_YOU), queuedSince(world, 0),
                "a request filed straight to a member is not mailed to the rest of the group");
        assertEquals("0000001", world.outbox.all().get(0).notification().data().get("number"));
    }

    @Test
    void with_the_group_queue_policy_a_request_stays_new_and_the_whole_group_hears_of_it() {
        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
        Ticketing queueing = ticketing(world, world.attachments, RoutingPolicy.groupQueue());

        Request filed = queueing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null).details()
                .request();

        assertEquals(Status.NEW, filed.summaryLine().status());
        assertNull(filed.summaryLine().assignee());
        assertEquals(Fixtures.PLATEFORME, filed.summaryLine().assignedGroup());
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RECEIVED,
                agent.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP,
                colleague.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP), queuedSince(world, 0));
    }

    @Test
    void a_policy_that_picks_someone_outside_the_group_has_them_told_they_were_given_the_request() {
        Person specialist = Fixtures.specialist();
        Ticketing bySpecialist = ticketing(world, world.attachments,
                (group, subject, candidates) -> subject.specialists().stream().findFirst());

        Request filed = bySpecialist.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null).details()
                .request();

        assertEquals(Fixtures.PLATEFORME, filed.summaryLine().assignedGroup());
        assertEquals(specialist.id(), filed.summaryLine().assignee());
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RECEIVED,
                specialist.email().value(), TemplateKey.REQUEST_ASSIGNED_TO_YOU), queuedSince(world, 0));
    }

    @Test
    void a_subject_without_its_own_group_goes_to_its_parents_and_a_subject_with_one_to_its_own() {
        Request mathenpoche = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null)
                .details().request();
        Request labomep = world.ticketing.fileRequest().file(requester, Scenario.draft(Fixtures.LABOMEP,
                "exercice bloqué", "L'exercice 3 ne s'affiche pas", null), List.of(), null).details().request();

        assertEquals(Fixtures.PLATEFORME, mathenpoche.summaryLine().assignedGroup());
        assertEquals(Fixtures.EVE, labomep.summaryLine().assignedGroup());
        assertEquals("0000002", labomep.summaryLine().number().display());
    }

    @Test
    void an_address_outside_the_configured_domains_is_forbidden_and_takes_no_number() {
        TicketingException e = refusedUnchanged(world, ErrorKind.FORBIDDEN, () -> world.ticketing.fileRequest()
                .file(Fixtures.outsider(), Fixtures.seedDraft(), List.of(), null));

        assertEquals("request.not_eligible", e.code());
        assertEquals("0000001", Scenario.file(world, requester).display());
    }

    @Test
    void a_deactivated_requester_is_forbidden() {
        Person gone = join(world, Fixtures.newRequester().deactivated());

        refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.fileRequest().file(gone, Fixtures.seedDraft(), List.of(), null));
    }

    @Test
    void an_inactive_a_non_leaf_or_an_unknown_subject_is_refused_naming_the_subject() {
        Map<String, String> codes = Map.of("EVE-4.1", "subject.inactive", "EVE-4", "subject.not_leaf",
                "EVE-9", "subject.unknown", "MES-1", "subject.not_leaf");
        codes.forEach((subject, code) -> {
            RequestDraft draft = Scenario.draft(SubjectCode.parse(subject), "perte d'identifiant", "Bonjour", null);
            TicketingException e = refusedUnchanged(world, ErrorKind.INVALID,
                    () -> world.ticketing.fileRequest().file(requester, draft, List.of(), null));
            assertEquals(code, e.code(), subject);
            assertEquals("subject", e.errors().get(0).field());
        });
    }

    @Test
    void an_unknown_type_is_refused_naming_the_type() {
        RequestDraft draft = new RequestDraft(Fixtures.MATHENPOCHE, "PANNE_INCONNUE",
                new Summary("perte d'identifiant"), new Description("Bonjour"), Visibility.PRIVATE);

        TicketingException e = refusedUnchanged(world, ErrorKind.INVALID,
                () -> world.ticketing.fileRequest().file(requester, draft, List.of(), null));

        assertEquals("request_type.unknown", e.code());
        assertEquals("type", e.errors().get(0).field());
    }

    @Test
    void an_unknown_subject_and_an_unknown_type_are_reported_together() {
        RequestDraft draft = new RequestDraft(SubjectCode.parse("EVE-9"), "PANNE_INCONNUE",
                new Summary("perte d'identifiant"), new Description("Bonjour"), Visibility.PRIVATE);

        TicketingException e = refusedUnchanged(world, ErrorKind.INVALID,
                () -> world.ticketing.fileRequest().file(requester, draft, List.of(), null));

        assertEquals(Set.of("subject", "type"), fields(e));
    }

    @Test
    void a_summary_with_a_right_to_left_override_is_refused() {
        TicketingException e = refused(ErrorKind.INVALID, () -> RequestDraft.parse("EVE-4.2", "USAGE",
                "facture\u202Efdp.exe", "Bonjour", "PRIVATE"));

        assertEquals("summary.control_characters", e.code());
    }

    @Test
    void every_invalid_field_of_a_draft_is_reported_at_once() {
        TicketingException parsed = refused(ErrorKind.INVALID,
                () -> RequestDraft.parse(" ", "", "deux\nlignes", "", "SECRET"));
        TicketingException tooLong = refused(ErrorKind.INVALID,
                () -> RequestDraft.parse("EVE-4.2", "USAGE", "x".repeat(Summary.MAX + 1), " ", null));
        TicketingException built = refused(ErrorKind.INVALID, () -> new RequestDraft(null, null, null, null, null));

        assertEquals(Set.of("subject", "visibility", "type", "summary", "description"), fields(parsed));
        assertEquals(List.of("summary.too_long", "description.required"), codes(tooLong));
        assertEquals(Set.of("subject", "type", "summary", "description"), fields(built));
        assertEquals(5, parsed.errors().size(), "one error a field");
        assertTrue(parsed.errors().stream().allMatch(error -> !error.message().isBlank()));
    }

    @Test
    void a_pdf_is_accepted_under_a_sanitised_name_and_can_be_fetched_back() {
        byte[] pdf = pdf(2_000);

        Request filed = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(),
                List.of(new Upload("../../tmp/capture\u202e.pdf", new ByteArrayInputStream(pdf))), null)
                .details().request();

        Attachment attachment = filed.attachments().get(0);
        assertEquals("capture.pdf", attachment.name());
        assertEquals(MediaTypes.PDF, attachment.mediaType());
        assertEquals(pdf.length, attachment.size());
        assertTrue(filed.history().stream().anyMatch(h -> h.event() == HistoryEvent.ATTACHMENT_ADDED
                && "capture.pdf".equals(h.to())));
        assertArrayEquals(pdf, readAll(world.ticketing.fetchAttachment().fetch(requester, filed.summaryLine().number(),
                attachment.id()).content()));
    }

    @Test
    void a_file_is_stored_under_a_name_whose_extension_agrees_with_its_content() {
        byte[] text = "Apporter une clé USB en salle 12.\n".getBytes(StandardCharsets.UTF_8);

        Request filed = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(
                new Upload("consignes.html", new ByteArrayInputStream(text)),
                new Upload("compte rendu 12.03.2024", new ByteArrayInputStream(text)),
                new Upload("scan.png", new ByteArrayInputStream(pdf(100))),
                new Upload("notes.txt", new ByteArrayInputStream(text))), null).details().request();

        assertEquals(List.of("consignes.txt", "compte rendu 12.03.2024.txt", "scan.pdf", "notes.txt"),
                filed.attachments().stream().map(Attachment::name).toList());
        assertEquals(List.of(MediaTypes.TEXT, MediaTypes.TEXT, MediaTypes.PDF, MediaTypes.TEXT),
                filed.attachments().stream().map(Attachment::mediaType).toList());
    }

    @Test
    void an_html_file_named_pdf_is_refused_and_nothing_is_written() {
        RecordingAttachmentStore store = new RecordingAttachmentStore(world.attachments);
        Ticketing ticketing = ticketing(world, store, RoutingPolicy.fewestOpenRequests());
        List<Upload> uploads = List.of(new Upload("ok.pdf", new ByteArrayInputStream(pdf(100))),
                new Upload("facture.pdf", new ByteArrayInputStream(
                        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8))));

        TicketingException e = refusedUnchanged(world, ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                () -> ticketing.fileRequest().file(requester, Fixtures.seedDraft(), uploads, null));

        assertEquals("attachment.type_refused", e.code());
        assertEquals("file", e.errors().get(0).field());
        assertNothingKept(store);
    }

    @Test
    void a_file_over_the_limit_is_too_large_and_nothing_is_written() {
        TestWorld small = new TestWorld(TicketingSettings.defaults().withAttachmentLimits(1_024, 2_048));
        RecordingAttachmentStore store = new RecordingAttachmentStore(small.attachments);
        Ticketing ticketing = ticketing(small, store, RoutingPolicy.fewestOpenRequests());
        List<Upload> uploads = List.of(new Upload("a.pdf", new ByteArrayInputStream(pdf(1_024))),
                new Upload("b.pdf", new ByteArrayInputStream(pdf(1_025))));

        TicketingException e = refusedUnchanged(small, ErrorKind.TOO_LARGE,
                () -> ticketing.fileRequest().file(requester, Fixtures.seedDraft(), uploads, null));

        assertEquals("attachment.too_large", e.code());
        assertEquals(2, store.stored.size(), "the first file was stored before the second was refused");
        assertNothingKept(store);
    }

    @Test
    void files_that_together_pass_the_request_limit_are_too_large() {
        TestWorld small = new TestWorld(TicketingSettings.defaults().withAttachmentLimits(1_024, 2_048));
        RecordingAttachmentStore store = new RecordingAttachmentStore(small.attachments);
        Ticketing ticketing = ticketing(small, store, RoutingPolicy.fewestOpenRequests());
        List<Upload> uploads = List.of(new Upload("a.pdf", new ByteArrayInputStream(pdf(800))),
                new Upload("b.pdf", new ByteArrayInputStream(pdf(800))),
                new Upload("c.pdf", new ByteArrayInputStream(pdf(800))));

        refusedUnchanged(small, ErrorKind.TOO_LARGE,
                () -> ticketing.fileRequest().file(requester, Fixtures.seedDraft(), uploads, null));

        assertNothingKept(store);
    }

    @Test
    void the_same_idempotency_key_returns_the_request_already_filed() {
        Filing first = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-4711");
        int queued = world.outbox.all().size();

        Filing again = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-4711");

        assertTrue(again.alreadyFiled());
        assertEquals(first.details().request().summaryLine().number(),
                again.details().request().summaryLine().number());
        assertEquals(queued, world.outbox.all().size(), "no second receipt");
        Person other = Fixtures.dupont();
        Filing theirs = world.ticketing.fileRequest().file(other, Fixtures.seedDraft(), List.of(), "form-4711");
        assertFalse(theirs.alreadyFiled());
        assertEquals("0000002", theirs.details().request().summaryLine().number().display());
    }

    @Test
    void a_key_another_filing_stores_first_returns_that_filing_and_keeps_nothing_of_this_one() {
        Filing first = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-4712");
        Ticketing racing = Ticketing.builder(world.ports().withRequests(new FirstKeyLookupTooEarly(world.requests)))
                .clock(world.clock).settings(world.ticketing.settings()).build();
        Scenario.Snapshot before = Scenario.Snapshot.of(world);

        Filing again = racing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-4712");

        assertTrue(again.alreadyFiled());
        assertEquals(first.details().request().summaryLine().number(),
                again.details().request().summaryLine().number());
        assertEquals(before, Scenario.Snapshot.of(world), "neither the request nor its notifications are kept");
    }

    private static Set<String> fields(TicketingException e) {
        return e.errors().stream().map(DomainError::field).collect(Collectors.toSet());
    }

    private static List<String> codes(TicketingException e) {
        return e.errors().stream().map(DomainError::code).toList();
    }

    static void assertNothingKept(RecordingAttachmentStore store) {
        for (AttachmentId id : store.stored) {
            assertTrue(store.delegate.open(id).isEmpty(), "attachment " + id + " was kept");
        }
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Ticketing ticketing(TestWorld world, AttachmentStore attachments, RoutingPolicy routing) {
        return Ticketing.builder(world.ports().withAttachments(attachments)).clock(world.clock)
                .settings(world.ticketing.settings()).routing(routing).build();
    }

    /** The in-memory repository, whose first key lookup misses a filing another node has not yet committed. */
    private static final class FirstKeyLookupTooEarly extends ForwardingRequestRepository {

        private boolean looked;

        FirstKeyLookupTooEarly(RequestRepository stored) {
            super(stored);
        }

        @Override
        public Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore) {
            if (!looked) {
                looked = true;
                return Optional.empty();
            }
            return super.findByIdempotencyKey(requester, key, notBefore);
        }
    }

    /** Passes every call on, remembering which attachments it was asked to store. */
    static final class RecordingAttachmentStore implements AttachmentStore {
        final AttachmentStore delegate;
        final List<AttachmentId> stored = new ArrayList<>();

        RecordingAttachmentStore(AttachmentStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public long store(AttachmentId id, InputStream content, long maxBytes) {
            stored.add(id);
            return delegate.store(id, content, maxBytes);
        }

        @Override
        public Optional<InputStream> open(AttachmentId id) {
            return delegate.open(id);
        }

        @Override
        public boolean delete(AttachmentId id) {
            return delegate.delete(id);
        }
    }
}
