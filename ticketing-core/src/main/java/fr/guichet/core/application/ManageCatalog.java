package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.ServiceTargets;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.SubjectCatalogSource;
import fr.guichet.core.port.UnitOfWork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An administrator reads the whole catalog (inactive subjects and request types too) and changes it: adds a subject
 * under a parent, renames, reorders, activates or deactivates it, sets its own group, specialists and routing (or lets
 * it inherit them); adds, renames, reorders, activates or deactivates a request type. Each change rewrites the catalog
 * through the {@link CatalogStore}, validated whole, while holding it, so that every node serves it on its next
 * request; it is audited ({@code subject.create}, {@code subject.update}, {@code request-type.create},
 * {@code request-type.update}) in the same transaction.
 */
public final class ManageCatalog {

    private final UnitOfWork unitOfWork;
    private final SubjectCatalogSource source;
    private final Optional<CatalogStore> store;
    private final PersonDirectory people;
    private final AdminWrites writes;

    ManageCatalog(UnitOfWork unitOfWork, SubjectCatalogSource source, PersonDirectory people, AdminWrites writes) {
        this.unitOfWork = unitOfWork;
        this.source = source;
        this.store = source instanceof CatalogStore s ? Optional.of(s) : Optional.empty();
        this.people = people;
        this.writes = writes;
    }

    /** The whole subject tree, inactive subjects included, siblings in display order. */
    public List<CatalogNode> tree(Person admin) {
        AdminWrites.requireAdmin(admin);
        return unitOfWork.inTransaction(() -> {
            Names names = names();
            SubjectCatalog catalog = source.catalog();
            return catalog.roots().stream().map(r -> node(catalog, r, names, true)).toList();
        });
    }

    /**
     * Adds an active subject under {@code parent} (null: a new root, whose {@code code} is then required), last among
     * its siblings. Its code is the one given, which must lie directly under the parent, or else the parent's path
     * followed by the number after the highest of its children's ({@code EVE-4} with children up to
     * {@code EVE-4.4}: {@code EVE-4.5}).
     */
    public CatalogNode addSubject(Person admin, NewSubject draft) {
        AdminWrites.requireAdmin(admin);
        Objects.requireNonNull(draft, "draft");
        CatalogStore target = writable();
        Validation v = new Validation();
        SubjectCode parent = draft.parent() == null ? null : v.check(() -> subjectCode(draft.parent(), "parent"));
        SubjectCode given = draft.code() == null ? null : v.check(() -> subjectCode(draft.code(), "code"));
        if (draft.parent() == null && draft.code() == null) {
            v.add(DomainError.invalid("parent", "parent.required", "Le sujet parent est obligatoire."));
        }
        v.check(() -> Validation.text(draft.label(), "label", "Le libellé du sujet", 120, false));
        GroupCode group = draft.group() == null ? null : v.check(() -> groupCode(draft.group()));
        List<PersonId> specialists = v.check(() -> draft.specialists() == null ? List.<PersonId>of()
                : AdminNames.identifiers(draft.specialists(), "specialists"));
        Routing routing = draft.routing() == null ? null : v.check(() -> routing(draft.routing()));
        v.throwIfInvalid();
        return writes.change(admin, "subject.create", CatalogNode::target, () -> {
            target.lock();
            return Snapshot.NONE;
        }, null, () -> {
            SubjectCatalog catalog = target.catalog();
            SubjectCode code = newCode(catalog, parent, given);
            Validation checks = new Validation();
            checks.check(() -> knownGroup(group, code));
            checks.check(() -> staff(specialists));
            checks.throwIfInvalid();
            int last = catalog.siblings(code).stream().mapToInt(Subject::position).max().orElse(0);
            Subject added = new Subject(code, draft.label(), true, group, specialists, routing, last + 1);
            return replace(target, catalog.with(added), code);
        }, CatalogNode::snapshot);
    }

    /**
     * Changes the subject {@code code} as {@code change} says (null fields unchanged); {@code ifMatch} is the
     * fingerprint of the subject as the administrator saw it (null: no check).
     */
    public CatalogNode changeSubject(Person admin, String code, String ifMatch, SubjectChange change) {
        AdminWrites.requireAdmin(admin);
        Objects.requireNonNull(change, "change");
        CatalogStore target = writable();
        Validation v = new Validation();
        if (change.label() != null) {
            v.check(() -> Validation.text(change.label(), "label", "Le libellé du sujet", 120, false));
        }
        GroupCode group = change.group() == null || change.group().value() == null ? null
                : v.check(() -> groupCode(change.group().value()));
        List<PersonId> specialists = change.specialists() == null ? null
                : v.check(() -> AdminNames.identifiers(change.specialists(), "specialists"));
        Routing routing = change.routing() == null || change.routing().value() == null ? null
                : v.check(() -> routing(change.routing().value()));
        v.check(() -> change.targetsOver(ServiceTargets.INHERITED));
        v.throwIfInvalid();
        return writes.change(admin, "subject.update", CatalogNode::target, () -> {
            target.lock();
            SubjectCatalog catalog = target.catalog();
            return node(catalog, stored(catalog, code), names(), false).snapshot();
        }, ifMatch, () -> {
            SubjectCatalog catalog = target.catalog();
            Subject subject = stored(catalog, code);
            Validation checks = new Validation();
            if (change.group() != null) {
                SubjectCode key = subject.code();
                checks.check(() -> knownGroup(group, key));
                subject = subject.withSupportGroup(group);
            }
            if (specialists != null) {
                List<PersonId> added = specialists.stream().filter(p -> !stored(catalog, code).specialists()
                        .contains(p)).toList();
                checks.check(() -> staff(added));
                subject = subject.withSpecialists(specialists);
            }
            checks.throwIfInvalid();
            if (change.label() != null) {
                subject = subject.withLabel(change.label());
            }
            if (change.active() != null) {
                subject = subject.withActive(change.active());
            }
            if (change.routing() != null) {
                subject = subject.withRouting(routing);
            }
            if (change.firstAnswerHours() != null || change.resolutionHours() != null) {
                subject = subject.withTargets(change.targetsOver(subject.targets()));
            }
            SubjectCatalog next = catalog.with(subject);
            if (change.position() != null) {
                next = next.moved(subject.code(), change.position());
            }
            if (next.activeRoots().isEmpty() && !catalog.activeRoots().isEmpty()) {
                throw DomainError.invalid("active", "subject.last_offered",
                        "Au moins un sujet doit rester proposé : sans lui, plus personne ne pourrait faire de "
                                + "demande.").exception();
            }
            return replace(target, next, subject.code());
        }, CatalogNode::snapshot);
    }

    /** Every request type, inactive ones too, in the order they are offered. */
    public List<TypeEntry> requestTypes(Person admin) {
        AdminWrites.requireAdmin(admin);
        return unitOfWork.inTransaction(() -> entries(source.catalog()));
    }

    /** Adds an active request type, last. */
    public TypeEntry addRequestType(Person admin, String code, String label) {
        AdminWrites.requireAdmin(admin);
        CatalogStore target = writable();
        Validation v = new Validation();
        if (code == null) {
            v.add(DomainError.invalid("code", "code.required", "Le code du type est obligatoire."));
        } else if (!RequestType.isCode(code)) {
            v.add(DomainError.invalid("code", "request_type.code.invalid", "Le code du type commence par une "
                    + "lettre majuscule, suivie de lettres majuscules, chiffres ou « _ » (32 caractères au plus)."));
        }
        v.check(() -> Validation.text(label, "label", "Le libellé du type de demande", 120, false));
        v.throwIfInvalid();
        return writes.change(admin, "request-type.create", TypeEntry::target, () -> {
            target.lock();
            if (target.catalog().requestType(code).isPresent()) {
                throw DomainError.invalid("code", "request_type.code.taken", "Un type de demande porte déjà ce code.")
                        .exception();
            }
            return Snapshot.NONE;
        }, null, () -> {
            SubjectCatalog catalog = target.catalog();
            List<RequestType> types = new ArrayList<>(catalog.requestTypes());
            types.add(new RequestType(code, label));
            return replaceTypes(target, catalog, types, code);
        }, TypeEntry::snapshot);
    }

    /**
     * Changes the request type {@code code}: label, active and position (1 for first) when given; {@code ifMatch} is
     * the fingerprint of the type as the administrator saw it (null: no check).
     */
    public TypeEntry changeRequestType(Person admin, String code, String ifMatch, TypeChange change) {
        AdminWrites.requireAdmin(admin);
        Objects.requireNonNull(change, "change");
        CatalogStore target = writable();
        if (change.label() != null) {
            Validation.text(change.label(), "label", "Le libellé du type de demande", 120, false);
        }
        return writes.change(admin, "request-type.update", TypeEntry::target, () -> {
            target.lock();
            return entry(target.catalog(), code).snapshot();
        }, ifMatch, () -> {
            SubjectCatalog catalog = target.catalog();
            RequestType type = entry(catalog, code).type();
            if (change.label() != null) {
                type = type.withLabel(change.label());
            }
            if (change.active() != null) {
                type = type.withActive(change.active());
            }
            List<RequestType> types = new ArrayList<>(catalog.requestTypes());
            int rank = change.position() == null ? types.indexOf(entry(catalog, code).type()) + 1 : change.position();
            if (rank < 1 || rank > types.size()) {
                throw DomainError.invalid("position", "request_type.position.invalid",
                        "La position doit être comprise entre 1 et " + types.size() + ".").exception();
            }
            types.removeIf(t -> t.code().equals(code));
            types.add(rank - 1, type);
            if (types.stream().noneMatch(RequestType::active) && !catalog.activeRequestTypes().isEmpty()) {
                throw DomainError.invalid("active", "request_type.last_offered",
                        "Au moins un type de demande doit rester proposé : sans lui, plus personne ne pourrait "
                                + "faire de demande.").exception();
            }
            return replaceTypes(target, catalog, types, code);
        }, TypeEntry::snapshot);
    }

    private CatalogStore writable() {
        return store.orElseThrow(() -> DomainError.of(ErrorKind.CONFLICT, "catalog.read_only",
                "Le catalogue de ce déploiement ne se modifie pas depuis Guichet.").exception());
    }

    private CatalogNode replace(CatalogStore target, SubjectCatalog next, SubjectCode code) {
        target.replace(next);
        return node(next, next.find(code).orElseThrow(), names(), false);
    }

    private TypeEntry replaceTypes(CatalogStore target, SubjectCatalog catalog, List<RequestType> types, String code) {
        SubjectCatalog next = catalog.withRequestTypes(types);
        target.replace(next);
        return entry(next, code);
    }

    private static SubjectCode newCode(SubjectCatalog catalog, SubjectCode parent, SubjectCode given) {
        if (parent != null && catalog.find(parent).isEmpty()) {
            throw DomainError.invalid("parent", "parent.unknown", "Ce sujet parent n'existe pas.").exception();
        }
        if (given == null) {
            int highest = catalog.children(parent).stream()
                    .mapToInt(c -> Integer.parseInt(c.code().path().substring(parent.path().length() + 1)))
                    .max().orElse(0);
            return SubjectCode.of(parent.prefix(), parent.path() + "." + (highest + 1));
        }
        if (!Objects.equals(given.parent().orElse(null), parent)) {
            throw DomainError.invalid("code", "subject.code.not_under_parent", parent == null
                    ? "Un sujet sans parent a un code sans point (par exemple RES-6)."
                    : "Le code doit être celui d'un sous-sujet direct de " + parent + " (par exemple "
                            + parent + ".9).").exception();
        }
        if (catalog.find(given).isPresent()) {
            throw DomainError.invalid("code", "subject.code.taken", "Un sujet porte déjà ce code.").exception();
        }
        return given;
    }

    private static Subject stored(SubjectCatalog catalog, String code) {
        try {
            return catalog.find(SubjectCode.parse(code)).orElseThrow(ManageCatalog::subjectNotFound);
        } catch (TicketingException e) {
            throw subjectNotFound();
        }
    }

    private static TicketingException subjectNotFound() {
        return TicketingException.notFound("subject.not_found", "Ce sujet n'existe pas dans le catalogue.");
    }

    private static SubjectCode subjectCode(String raw, String field) {
        try {
            return SubjectCode.parse(raw);
        } catch (TicketingException e) {
            throw DomainError.invalid(field, "subject.code.invalid",
                    "Le code du sujet est invalide (par exemple EVE-4.2).").exception();
        }
    }

    private static GroupCode groupCode(String raw) {
        try {
            return GroupCode.of(raw);
        } catch (TicketingException e) {
            throw unknownGroup();
        }
    }

    /** The own group of subject {@code subject}: a known one, or null to inherit, which a root cannot. */
    private GroupCode knownGroup(GroupCode code, SubjectCode subject) {
        if (code == null && subject.parent().isEmpty()) {
            throw DomainError.invalid("group", "group.required",
                    "Un sujet sans parent a besoin d'un groupe de support : il n'a rien dont hériter.").exception();
        }
        if (code != null && people.group(code).isEmpty()) {
            throw unknownGroup();
        }
        return code;
    }

    private static TicketingException unknownGroup() {
        return DomainError.invalid("group", "group.unknown", "Ce groupe de support n'existe pas.").exception();
    }

    private static Routing routing(String raw) {
        for (Routing r : Routing.values()) {
            if (r.name().equals(raw)) {
                return r;
            }
        }
        throw DomainError.invalid("routing", "routing.invalid",
                "L'acheminement est GROUP_QUEUE ou FEWEST_OPEN, ou hérité du parent.").exception();
    }

    private List<PersonId> staff(List<PersonId> ids) {
        for (PersonId id : ids) {
            if (people.find(id).filter(Person::active).filter(Person::isStaff).isEmpty()) {
                throw DomainError.invalid("specialists", "specialists.not_staff", "« " + id.value()
                        + " » n'est pas un membre actif de l'équipe d'assistance.").exception();
            }
        }
        return ids;
    }

    private Names names() {
        return new Names(people.groups().stream().collect(Collectors.toMap(SupportGroup::code, Function.identity())),
                people);
    }

    /** The groups by code, read once, and the people as the specialists are looked up. */
    private record Names(Map<GroupCode, SupportGroup> groups, PersonDirectory people) {

        SupportGroup group(GroupCode code) {
            return groups.getOrDefault(code, new SupportGroup(code, code.value()));
        }

        NamedPerson person(PersonId id) {
            return people.find(id).map(p -> new NamedPerson(id.value(), p.name().display(), p.name().listed()))
                    .orElse(new NamedPerson(id.value(), id.value(), id.value()));
        }
    }

    private static CatalogNode node(SubjectCatalog catalog, Subject subject, Names names, boolean withChildren) {
        List<CatalogNode> children = withChildren ? catalog.children(subject.code()).stream()
                .map(c -> node(catalog, c, names, true)).toList() : List.of();
        return new CatalogNode(subject, catalog.rank(subject.code()), catalog.isActive(subject.code()),
                subject.ownSupportGroup().map(names::group).orElse(null),
                names.group(catalog.supportGroupOf(subject).orElseThrow()),
                subject.specialists().stream().map(names::person).toList(), catalog.routingOf(subject),
                catalog.targetsOf(subject), children);
    }

    private static List<TypeEntry> entries(SubjectCatalog catalog) {
        List<RequestType> types = catalog.requestTypes();
        List<TypeEntry> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            out.add(new TypeEntry(types.get(i), i + 1));
        }
        return out;
    }

    private static TypeEntry entry(SubjectCatalog catalog, String code) {
        return entries(catalog).stream().filter(e -> e.type().code().equals(code)).findFirst()
                .orElseThrow(() -> TicketingException.notFound("request_type.not_found",
                        "Ce type de demande n'existe pas."));
    }

    /** A new subject: codes, group and routing as typed (null: computed or inherited), specialists' identifiers. */
    public record NewSubject(String parent, String code, String label, String group, List<String> specialists,
            String routing) {

        public NewSubject {
            specialists = specialists == null ? null : Collections.unmodifiableList(new ArrayList<>(specialists));
        }
    }

    /**
     * What to change in a subject, each null when unchanged: its own group, routing and targets (in working hours) are
     * {@link Own} and {@link OwnHours} values (whose null value means inherited), its position its rank among its
     * siblings (1 for first).
     */
    public record SubjectChange(String label, Boolean active, Own group, List<String> specialists, Own routing,
            Integer position, OwnHours firstAnswerHours, OwnHours resolutionHours) {

        public SubjectChange {
            specialists = specialists == null ? null : Collections.unmodifiableList(new ArrayList<>(specialists));
        }

        /** A change that leaves the targets as they are. */
        public SubjectChange(String label, Boolean active, Own group, List<String> specialists, Own routing,
                Integer position) {
            this(label, active, group, specialists, routing, position, null, null);
        }

        /** The subject's own targets after this change, from {@code own} before it; refused when out of range. */
        ServiceTargets targetsOver(ServiceTargets own) {
            return new ServiceTargets(firstAnswerHours == null ? own.firstAnswerHours() : firstAnswerHours.value(),
                    resolutionHours == null ? own.resolutionHours() : resolutionHours.value());
        }
    }

    /** A subject's own setting as typed: a value, or null to inherit the parent's. */
    public record Own(String value) {
    }

    /** A subject's own target in working hours: a value, or null to inherit the parent's. */
    public record OwnHours(Integer value) {
    }

    /** What to change in a request type, each null when unchanged; position is its rank, 1 for first. */
    public record TypeChange(String label, Boolean active, Integer position) {
    }

    /**
     * A subject as an administrator sees it: its rank among its siblings (1 for first), whether it is offered (it and
     * its ancestors active), its own group (null: inherited) and the group it uses, its specialists by name, the
     * routing it uses (its own one is {@code subject().routing()}, null when inherited), the targets it uses (its
     * own ones are {@code subject().targets()}) and its children (empty when read alone).
     */
    public record CatalogNode(Subject subject, int position, boolean offered, SupportGroup ownGroup,
            SupportGroup group, List<NamedPerson> specialists, Routing routing, ServiceTargets targets,
            List<CatalogNode> children) {

        public CatalogNode {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(targets, "targets");
            specialists = List.copyOf(specialists);
            children = List.copyOf(children);
        }

        /** Its fields as an administrator changes them; groups by label, specialists by name. */
        public Snapshot snapshot() {
            return Snapshot.NONE.with("code", subject.code().value()).with("label", subject.label())
                    .with("active", subject.active() ? "oui" : "non").with("position", position)
                    .with("group", ownGroup == null ? "hérité : " + AdminNames.group(group)
                            : AdminNames.group(ownGroup))
                    .with("specialists", specialists.stream()
                            .map(p -> p.displayName().equals(p.identifier()) ? p.identifier()
                                    : p.displayName() + " (" + p.identifier() + ")").toList())
                    .with("routing", subject.routing() == null ? "hérité : " + routingName(routing)
                            : routingName(subject.routing()))
                    .with("firstAnswerHours", hours(subject.targets().firstAnswerHours(), targets.firstAnswerHours()))
                    .with("resolutionHours", hours(subject.targets().resolutionHours(), targets.resolutionHours()));
        }

        /** {@code 8 h ouvrées}, {@code hérité : 8 h ouvrées} or {@code aucun}, as the catalog page says it. */
        private static String hours(Integer own, Integer used) {
            String value = used == null ? "aucun" : used + " h ouvrées";
            return own == null && used != null ? "hérité : " + value : value;
        }

        /** {@code Au membre le moins chargé}, as the catalog page names it. */
        private static String routingName(Routing routing) {
            return routing == Routing.GROUP_QUEUE ? "File du groupe (à prendre)" : "Au membre le moins chargé";
        }

        AuditTarget target() {
            return new AuditTarget("subject", subject.code().value(), subject.display());
        }
    }

    /** A request type with its rank in the list (1 for first). */
    public record TypeEntry(RequestType type, int position) {

        public TypeEntry {
            Objects.requireNonNull(type, "type");
        }

        public Snapshot snapshot() {
            return Snapshot.NONE.with("code", type.code()).with("label", type.label())
                    .with("active", type.active() ? "oui" : "non").with("position", position);
        }

        AuditTarget target() {
            return new AuditTarget("request-type", type.code(), type.label());
        }
    }
}
