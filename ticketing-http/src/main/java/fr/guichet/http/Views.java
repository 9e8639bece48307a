package fr.guichet.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.guichet.core.application.BrowseCatalog.SubjectNode;
import fr.guichet.core.application.FilledAnswer;
import fr.guichet.core.application.GroupMembers;
import fr.guichet.core.application.HistoryLine;
import fr.guichet.core.application.NamedPerson;
import fr.guichet.core.application.PasswordHelp;
import fr.guichet.core.application.RequestDetails;
import fr.guichet.core.application.RequestLine;
import fr.guichet.core.application.ServiceLevels;
import fr.guichet.core.application.SignedIn;
import fr.guichet.core.domain.answer.CannedAnswer;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.ServiceLevel;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.RequestCounts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of HTTP-API.md, built from the core's values; times are shown with the deployment's offset. */
final class Views {

    private final ZoneId zone;
    private final ServiceLevels serviceLevels;

    Views(ZoneId zone, ServiceLevels serviceLevels) {
        this.zone = zone;
        this.serviceLevels = serviceLevels;
    }

    OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
    }

    PersonView person(Person p) {
        return new PersonView(p.id().value(), p.email().value(), p.name().display(),
                p.establishmentCode().map(Uai::value).orElse(null),
                p.roles().stream().map(Role::name).sorted().toList(),
                p.groups().stream().map(GroupCode::value).sorted().toList());
    }

    /** The signed-in person with the CSRF token of their session, so a page that lost it can write again. */
    MeView me(Person p, SessionToken token) {
        PersonView v = person(p);
        return new MeView(v.identifier(), v.email(), v.displayName(), v.establishment(), v.roles(), v.groups(),
                token.csrfToken());
    }

    SessionView session(SignedIn signedIn) {
        return new SessionView(person(signedIn.person()), signedIn.csrfToken(), time(signedIn.expiresAt()));
    }

    /** The answer to anyone asking for a new password: the same for every identifier, saying where passwords live. */
    PasswordHelpView passwordHelp(PasswordHelp help) {
        return help == PasswordHelp.DIRECTORY
                ? new PasswordHelpView(true, "Les mots de passe de ce guichet sont ceux de l'annuaire de votre "
                        + "académie : pour changer le vôtre, suivez la procédure habituelle de votre académie.")
                : new PasswordHelpView(false, "Si cet identifiant est celui d'un compte actif, un message avec un "
                        + "lien pour choisir un nouveau mot de passe est envoyé à son adresse (un seul message toutes "
                        + "les cinq minutes). Le lien est valable une heure.");
    }

    SubjectView subject(SubjectNode node) {
        return new SubjectView(node.subject().code().value(), node.subject().label(), node.subject().display(),
                node.children().stream().map(this::subject).toList());
    }

    TypeView type(RequestType type) {
        return new TypeView(type.code(), type.label());
    }

    PageView<LineView> page(Page<RequestLine> page) {
        return new PageView<>(page.items().stream().map(this::line).toList(), page.page(), page.size(), page.total(),
                page.totalExact());
    }

    LineView line(RequestLine line) {
        RequestSummary s = line.request();
        return new LineView(s.number().display(), s.summary().value(), new SubjectRef(s.subject().value(),
                line.subjectDisplay()), new TypeView(s.type(), line.typeLabel()), s.status().name(),
                s.visibility().name(), time(s.submittedAt()), s.establishment() == null ? null : s.establishment().value(),
                line.establishmentName(), author(s.requester()), line.assignee() == null ? null : named(line.assignee()), time(s.updatedAt()),
                new ActivityView(time(s.lastActivity().at()), named(line.lastActivityBy()), s.lastActivity().staff()),
                s.awaitingStaff(), s.reopened(), serviceLevels.late(s));
    }

    private static AuthorView named(NamedPerson p) {
        return new AuthorView(p.identifier(), p.displayName(), p.listedName());
    }

    /** The counts of a list, every status named, and which of them are exact. */
    CountsView counts(RequestCounts counts) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Boolean> byStatusExact = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            byStatus.put(s.name(), counts.byStatus().get(s).value());
            byStatusExact.put(s.name(), counts.byStatus().get(s).exact());
        }
        return new CountsView(byStatus, counts.unassigned().value(), counts.awaitingStaff().value(),
                counts.mine().value(), counts.reopened().value(), new ExactView(byStatusExact,
                        counts.unassigned().exact(), counts.awaitingStaff().exact(), counts.mine().exact(),
                        counts.reopened().exact()));
    }

    RequestView request(RequestDetails details) {
        Request r = details.request();
        RequestSummary s = r.summaryLine();
        return new RequestView(s.number().display(), s.summary().value(),
                new SubjectRef(s.subject().value(), details.subjectDisplay()),
                new TypeView(s.type(), details.typeLabel()), s.status().name(), s.visibility().name(),
                time(s.submittedAt()), s.establishment() == null ? null : s.establishment().value(),
                details.establishmentName(), author(s.requester()), r.description().value(), s.assignedGroup().value(),
                details.groupLabel(), s.assignee() == null ? null : s.assignee().value(), details.assigneeName(),
                time(s.updatedAt()), r.version(), r.messages().stream().map(this::message).toList(),
                r.attachments().stream().map(Views::attachment).toList(),
                details.history().stream().map(this::history).toList(),
                details.allowedStatuses().stream().map(Enum::name).sorted().toList(),
                r.parent() == null ? null : r.parent().display(),
                details.children().stream().map(RequestNumber::display).toList(), due(r));
    }

    /** What the request is due by, and whether it missed a target; null when its subject has none. */
    private DueView due(Request r) {
        ServiceLevel level = r.summaryLine().serviceLevel();
        return level.hasTargets() ? new DueView(time(level.firstAnswerDue()), time(level.resolutionDue()),
                serviceLevels.breached(r)) : null;
    }

    /** A support group with the people a redirection or an assignment may choose in it. */
    GroupView group(GroupMembers group) {
        return new GroupView(group.group().code().value(), group.group().label(),
                group.members().stream().map(this::person).toList());
    }

    CannedAnswerView cannedAnswer(CannedAnswer a) {
        return new CannedAnswerView(a.id().toString(), a.group().value(), a.title().value(), a.body().value(),
                a.version(), null);
    }

    /** A canned answer with its text filled for one request. */
    CannedAnswerView cannedAnswer(FilledAnswer f) {
        CannedAnswerView v = cannedAnswer(f.answer());
        return new CannedAnswerView(v.id(), v.group(), v.title(), v.body(), v.version(), f.text());
    }

    MessageView message(Message m) {
        return new MessageView(m.id().toString(), author(m.author()), m.body().value(), m.internal(), time(m.at()),
                m.attachments().stream().map(Views::attachment).toList());
    }

    private static AttachmentView attachment(Attachment a) {
        return new AttachmentView(a.id().toString(), a.name(), a.mediaType(), a.size());
    }

    private HistoryView history(HistoryLine line) {
        HistoryEntry h = line.entry();
        return new HistoryView(time(h.at()), h.by().value(), h.event().name(), h.from(), h.to(), line.byName(),
                line.fromLabel(), line.toLabel());
    }

    private static AuthorView author(PersonRef ref) {
        if (Guichet.is(ref.id())) {
            return new AuthorView(ref.id().value(), Guichet.NAME, Guichet.NAME);
        }
        return new AuthorView(ref.id().value(), ref.name().display(), ref.name().listed());
    }

    record PersonView(String identifier, String email, String displayName, String establishment, List<String> roles,
            List<String> groups) {
    }

    record MeView(String identifier, String email, String displayName, String establishment, List<String> roles,
            List<String> groups, String csrfToken) {
    }

    record SessionView(PersonView person, String csrfToken, OffsetDateTime expiresAt) {
    }

    record PasswordHelpView(boolean directory, String detail) {
    }

    record SubjectView(String code, String label, String display, List<SubjectView> children) {
    }

    record TypeView(String code, String label) {
    }

    record SubjectRef(String code, String display) {
    }

    record AuthorView(String identifier, String displayName, String listedName) {
    }

    /** A page; {@code total} is a lower bound when not {@code totalExact}. */
    record PageView<T>(List<T> items, int page, int size, long total, boolean totalExact) {
    }

    record LineView(String number, String summary, SubjectRef subject, TypeView type, String status,
            String visibility, OffsetDateTime submittedAt, String establishment, String establishmentName,
            AuthorView requester,
            AuthorView assignee, OffsetDateTime updatedAt, ActivityView lastActivity, boolean awaitingStaff,
            boolean reopened, boolean late) {
    }

    record CountsView(Map<String, Long> byStatus, long unassigned, long awaitingStaff, long mine, long reopened,
            ExactView exact) {
    }

    /** Which counts of a {@link CountsView} are exact; the others are lower bounds. */
    record ExactView(Map<String, Boolean> byStatus, boolean unassigned, boolean awaitingStaff, boolean mine,
            boolean reopened) {
    }

    /** Who acted on a request last, when, and whether they are staff. */
    record ActivityView(OffsetDateTime at, AuthorView by, boolean staff) {
    }

    record RequestView(String number, String summary, SubjectRef subject, TypeView type, String status,
            String visibility, OffsetDateTime submittedAt, String establishment, String establishmentName,
            AuthorView requester,
            String description, String assignedGroup, String assignedGroupLabel, String assignee,
            String assigneeName, OffsetDateTime updatedAt, long version,
            List<MessageView> messages, List<AttachmentView> attachments, List<HistoryView> history,
            List<String> allowedStatuses, String parent, List<String> children, DueView due) {
    }

    /** By when the first answer and the resolution are due (each null without that target), and whether one missed. */
    record DueView(OffsetDateTime firstAnswerBy, OffsetDateTime resolutionBy, boolean breached) {
    }

    /** {@code filled} only when the answers were asked for one request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CannedAnswerView(String id, String group, String title, String body, long version, String filled) {
    }

    record MessageView(String id, AuthorView author, String body, boolean internal, OffsetDateTime at,
            List<AttachmentView> attachments) {
    }

    record AttachmentView(String id, String name, String mediaType, long size) {
    }

    record HistoryView(OffsetDateTime at, String by, String event, String from, String to, String byName,
            String fromLabel, String toLabel) {
    }

    record GroupView(String code, String label, List<PersonView> members) {
    }
}
