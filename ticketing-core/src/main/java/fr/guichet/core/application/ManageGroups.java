package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An administrator lists the support groups with their members, creates a group, renames it and sets who belongs to
 * it (actions {@code group.create}, {@code group.update}, each audited with the change). Members are the active people
 * the directory in use lists (the ones requests are routed to); they are set in Guichet's registry, each person's other
 * groups and roles kept, unless that directory decides people's groups, which then refuses the change. Only staff
 * (agents, specialists, administrators) may join a group; a member taken out of it sees their open requests of that
 * group go back to its queue, unassigned, its other staff mailed.
 */
public final class ManageGroups {

    private final UnitOfWork unitOfWork;
    private final PersonRegistry registry;
    private final PersonDirectory people;
    private final AdminWrites writes;
    private final ReturnToQueues queues;

    ManageGroups(UnitOfWork unitOfWork, PersonRegistry registry, PersonDirectory people, AdminWrites writes,
            ReturnToQueues queues) {
        this.unitOfWork = unitOfWork;
        this.registry = registry;
        this.people = people;
        this.writes = writes;
        this.queues = queues;
    }

    /** Every group by label (French order), each with its active members by name. */
    public List<GroupDetails> list(Person admin) {
        AdminWrites.requireAdmin(admin);
        Collator french = Collator.getInstance(Locale.FRENCH);
        return unitOfWork.inTransaction(() -> registry.groups().stream().map(this::details)
                .sorted(Comparator.comparing((GroupDetails g) -> g.group().label(), french)
                        .thenComparing(g -> g.group().code().value()))
                .toList());
    }

    /** Creates the group {@code code} (as typed) named {@code label}, without members. */
    public GroupDetails create(Person admin, String code, String label) {
        AdminWrites.requireAdmin(admin);
        Validation v = new Validation();
        GroupCode parsed = v.check(() -> groupCode(code));
        v.check(() -> Validation.text(label, "label", "Le libellé du groupe", 120, false));
        v.throwIfInvalid();
        SupportGroup group = new SupportGroup(parsed, label);
        return writes.change(admin, "group.create", GroupDetails::target, () -> {
            if (registry.group(parsed).isPresent()) {
                throw DomainError.invalid("code", "group.code.taken", "Un groupe porte déjà ce code.").exception();
            }
            return Snapshot.NONE;
        }, null, () -> {
            registry.saveGroup(group);
            return details(group);
        }, GroupDetails::snapshot);
    }

    /**
     * Changes the group {@code code}: its label and its members when given (null: unchanged); {@code ifMatch} is the
     * fingerprint of the group as the administrator saw it (null: no check).
     */
    public GroupDetails update(Person admin, String code, String ifMatch, GroupChange change) {
        AdminWrites.requireAdmin(admin);
        Objects.requireNonNull(change, "change");
        GroupCode key = existingCode(code);
        Validation v = new Validation();
        String label = change.label() == null ? null
                : v.check(() -> new SupportGroup(key, change.label()).label());
        Set<PersonId> wanted = change.members() == null ? null
                : v.check(() -> Set.copyOf(AdminNames.identifiers(change.members(), "members")));
        if (wanted != null && people.decides().contains(PersonField.GROUPS)) {
            v.add(DomainError.invalid("members", "group.members.directory", "Les membres des groupes viennent de "
                    + "l'annuaire académique : modifiez-les dans l'annuaire."));
        }
        v.throwIfInvalid();
        return writes.change(admin, "group.update", GroupDetails::target, () -> details(stored(key)).snapshot(),
                ifMatch, () -> {
                    SupportGroup group = stored(key);
                    if (label != null) {
                        group = new SupportGroup(key, label);
                        registry.saveGroup(group);
                    }
                    if (wanted != null) {
                        setMembers(admin, key, wanted);
                    }
                    return details(group);
                }, GroupDetails::snapshot);
    }

    private void setMembers(Person admin, GroupCode group, Set<PersonId> wanted) {
        Set<PersonId> current = new HashSet<>();
        for (Person member : registry.membersOf(group)) {
            current.add(member.id());
            if (!wanted.contains(member.id())) {
                Set<GroupCode> groups = new HashSet<>(member.groups());
                groups.remove(group);
                Person left = withGroups(member, groups);
                registry.save(left);
                if (member.active()) {
                    queues.returnRequests(admin, left, group::equals);
                }
            }
        }
        for (PersonId id : wanted) {
            if (!current.contains(id)) {
                Person person = registry.find(id).filter(Person::active).orElseThrow(() -> unknownMember(id));
                if (!person.isStaff()) {
                    throw DomainError.invalid("members", "group.members.not_staff", AdminNames.person(person)
                            + " n'a pas de rôle d'agent, de spécialiste ou d'administrateur : seul le personnel "
                            + "d'assistance peut être membre d'un groupe.").exception();
                }
                Set<GroupCode> groups = new HashSet<>(person.groups());
                groups.add(group);
                registry.save(withGroups(person, groups));
            }
        }
    }

    private static Person withGroups(Person p, Set<GroupCode> groups) {
        return new Person(p.id(), p.email(), p.name(), p.establishment(), p.roles(), groups, p.active());
    }

    private static TicketingException unknownMember(PersonId id) {
        return DomainError.invalid("members", "group.members.unknown",
                "Personne n'a l'identifiant « " + id.value() + " » parmi les comptes actifs.").exception();
    }

    private SupportGroup stored(GroupCode code) {
        return registry.group(code).orElseThrow(ManageGroups::notFound);
    }

    private static GroupCode existingCode(String code) {
        try {
            return GroupCode.of(code);
        } catch (TicketingException e) {
            throw notFound();
        }
    }

    private static TicketingException notFound() {
        return TicketingException.notFound("group.not_found", "Ce groupe n'existe pas.");
    }

    private static GroupCode groupCode(String code) {
        try {
            return GroupCode.of(Validation.required(code, "code", "Le code du groupe"));
        } catch (TicketingException e) {
            if (code == null) {
                throw e;
            }
            throw DomainError.invalid("code", "group.code.invalid", "Le code du groupe commence par une lettre "
                    + "majuscule, suivie de lettres majuscules, chiffres, « - » ou « _ » (32 caractères au plus).")
                    .exception();
        }
    }

    private GroupDetails details(SupportGroup group) {
        return new GroupDetails(group, people.membersOf(group.code()).stream().sorted(AdminNames.BY_NAME).toList());
    }

    /** What to change in a group: its label and its members' identifiers, each null when unchanged. */
    public record GroupChange(String label, List<String> members) {

        public GroupChange {
            members = members == null ? null : Collections.unmodifiableList(new ArrayList<>(members));
        }
    }

    /** A group with its active members by name. */
    public record GroupDetails(SupportGroup group, List<Person> members) {

        public GroupDetails {
            Objects.requireNonNull(group, "group");
            members = List.copyOf(members);
        }

        /** The group as an administrator sees it: code, label and members named with their identifiers. */
        public Snapshot snapshot() {
            return Snapshot.NONE.with("code", group.code().value()).with("label", group.label())
                    .with("members", members.stream().map(AdminNames::person).toList());
        }

        AuditTarget target() {
            return new AuditTarget("group", group.code().value(), group.label());
        }
    }
}
