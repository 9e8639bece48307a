package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Administrators search, create, change, deactivate, reactivate and import people, each change through
 * {@link AdminWrites} (audited as {@code person.create}, {@code person.update}, {@code person.deactivate},
 * {@code person.reactivate}; an import's lines as {@code person.import}). A requester's e-mail address must be in the
 * eligible mail domains; groups must exist. A created person gets a mail with a link, valid
 * {@link #FIRST_LINK_VALIDITY}, that sets their password through {@link ResetPassword}; where people come from a
 * directory, nobody is created and only the fields the directory does not decide change. Deactivating a person ends
 * their sessions and sends their open requests back to their groups' queues, unassigned, each group's staff mailed;
 * so does taking away their last staff role, and leaving a group for the requests of that group. An administrator
 * takes an active administrator's role or account away only while still one themself, as read under the hold of
 * {@link AdminWrites}: administrators removing each other at once leave one of them.
 */
public final class AdministerPeople {

    /** How long the link of a new account's mail works: long enough for a week-end or a short absence. */
    public static final Duration FIRST_LINK_VALIDITY = Duration.ofDays(7);
    /** The longest search taken: a name, an identifier and an address fit well within it. */
    public static final int MAX_SEARCH_LENGTH = 200;

    /** The most data rows an import takes (a rectorat's staff and more fit well within it). */
    public static final int MAX_IMPORT_ROWS = 10_000;

    private static final System.Logger LOG = System.getLogger(AdministerPeople.class.getName());
    private static final String DIRECTORY_REASON = "Cette information vient de l'annuaire de l'académie : "
            + "elle se modifie dans l'annuaire.";

    private final UnitOfWork unitOfWork;
    private final AdminWrites writes;
    private final PersonDirectory people;
    private final PersonRegistry registry;
    private final SessionStore sessions;
    private final PasswordResets resets;
    private final NotificationOutbox outbox;
    private final ReturnToQueues queues;
    private final Supplier<MailDomains> mailDomains;
    private final boolean localAccounts;
    private final Clock clock;

    AdministerPeople(UnitOfWork unitOfWork, AdminWrites writes, Ports ports, Supplier<MailDomains> mailDomains,
            boolean localAccounts, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.writes = writes;
        this.people = ports.people();
        this.registry = ports.registry();
        this.sessions = ports.sessions();
        this.resets = ports.passwordResets();
        this.outbox = ports.outbox();
        this.queues = new ReturnToQueues(ports, clock);
        this.mailDomains = mailDomains;
        this.localAccounts = localAccounts;
        this.clock = clock;
    }

    /** A page of the people Guichet records whose identifier, names or e-mail hold every word of {@code words}. */
    public Page<Person> search(Person admin, String words, PageRequest page) {
        AdminWrites.requireAdmin(admin);
        if (words != null && words.length() > MAX_SEARCH_LENGTH) {
            throw DomainError.invalid("q", "person.search.too_long", "La recherche ne doit pas dépasser "
                    + MAX_SEARCH_LENGTH + " caractères.").exception();
        }
        return unitOfWork.inTransaction(() -> registry.search(words, page));
    }

    /** One person, NOT_FOUND when unknown. */
    public PersonSheet view(Person admin, PersonId id) {
        AdminWrites.requireAdmin(admin);
        return unitOfWork.inTransaction(() -> sheet(existing(id)));
    }

    /** Whether people come from a directory (no creation; see {@link PersonSheet#readOnly()}). */
    public boolean fromDirectory() {
        return !people.decides().isEmpty();
    }

    /**
     * Creates a person with a local account from every field of {@code form} (roles: Demandeur when none); the
     * identifier must be new. The person is mailed a link to choose their password.
     */
    public PersonSheet create(Person admin, PersonForm form) {
        AdminWrites.requireAdmin(admin);
        refuseCreationFromDirectory();
        Person person = newPerson(form);
        Person created = writes.change(admin, "person.create", AdministerPeople::target, () -> {
            requireNew(person.id());
            return Snapshot.NONE;
        }, null, () -> {
            insert(person);
            return person;
        }, this::snapshot);
        return unitOfWork.inTransaction(() -> sheet(created));
    }

    /**
     * Changes the fields {@code changes} gives (its identifier is ignored) when the person is still as
     * {@code ifMatch} says (null: no check). Deactivation and reactivation follow {@code active}.
     */
    public PersonSheet update(Person admin, PersonId id, PersonForm changes, String ifMatch) {
        AdminWrites.requireAdmin(admin);
        refuseDecidedFields(changes);
        Person before = unitOfWork.inTransaction(() -> existing(id));
        Person after = changed(before, changes);
        keepsThemselfIn(admin, after);
        String action = after.active() == before.active() ? "person.update"
                : after.active() ? "person.reactivate" : "person.deactivate";
        Person saved = writes.change(admin, action, AdministerPeople::target, () -> snapshot(existing(id)), ifMatch,
                () -> {
                    Person current = existing(id);
                    Person next = changed(current, changes);
                    keepsThemselfIn(admin, next);
                    registry.save(next);
                    leave(admin, current, next);
                    followAddress(current, next);
                    return next;
                }, this::snapshot);
        return unitOfWork.inTransaction(() -> sheet(saved));
    }

    /**
     * Creates or updates a person from each row, by identifier, each row its own audited change ({@code person.import})
     * so that a refused line leaves the others done; on an update, empty roles or groups leave them unchanged. More
     * than {@link #MAX_IMPORT_ROWS} rows are refused before anything changes. Where people come from a directory,
     * every line is refused. An administrator removed, or the store down, after a line was written stops the import,
     * whose report then holds the lines before and its stop ({@link ImportReport#stoppedAt}).
     */
    public ImportReport importPeople(Person admin, List<ImportReport.Row> rows) {
        AdminWrites.requireAdmin(admin);
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw DomainError.invalid("file", "import.too_many_rows", "Le fichier compte " + rows.size()
                    + " lignes de personnes : un import en prend " + MAX_IMPORT_ROWS + " au plus. Découpez-le en "
                    + "plusieurs fichiers.").exception();
        }
        List<ImportReport.Line> lines = new ArrayList<>();
        for (ImportReport.Row row : rows) {
            try {
                lines.add(importRow(admin, row));
            } catch (TicketingException stopped) {
                return ImportReport.stoppedAt(row.number(), lines, stopped);
            }
        }
        return new ImportReport(lines);
    }

    private ImportReport.Line importRow(Person admin, ImportReport.Row row) {
        String identifier = row.form().identifier() == null ? "" : row.form().identifier().strip();
        try {
            refuseCreationFromDirectory();
            Person wanted = parsed(row.form());
            ImportReport.Outcome[] outcome = new ImportReport.Outcome[1];
            writes.change(admin, "person.import", AdministerPeople::target,
                    () -> people.find(wanted.id()).map(this::snapshot).orElse(Snapshot.NONE), null, () -> {
                        Person current = people.find(wanted.id()).orElse(null);
                        if (current == null) {
                            requireEligible(wanted);
                            insert(wanted);
                            outcome[0] = ImportReport.Outcome.CREATED;
                            return wanted;
                        }
                        Person next = new Person(wanted.id(), wanted.email(), wanted.name(), wanted.establishment(),
                                isEmpty(row.form().roles()) ? current.roles() : wanted.roles(),
                                isEmpty(row.form().groups()) ? current.groups() : wanted.groups(), current.active());
                        keepsThemselfIn(admin, next);
                        requireEligible(current, next);
                        if (current.equals(next)) {
                            outcome[0] = ImportReport.Outcome.UNCHANGED;
                        } else {
                            registry.save(next);
                            leave(admin, current, next);
                            followAddress(current, next);
                            outcome[0] = ImportReport.Outcome.UPDATED;
                        }
                        return next;
                    }, this::snapshot);
            return new ImportReport.Line(row.number(), identifier, outcome[0], List.of());
        } catch (TicketingException refused) {
            if (refused.kind() == ErrorKind.UNAVAILABLE || refused.kind() == ErrorKind.FORBIDDEN) {
                throw refused;
            }
            return new ImportReport.Line(row.number(), identifier, ImportReport.Outcome.REFUSED, refused.errors());
        } catch (RuntimeException failed) {
            LOG.log(Level.ERROR, "Import of people: line " + row.number() + " failed", failed);
            return new ImportReport.Line(row.number(), identifier, ImportReport.Outcome.REFUSED, List.of(
                    DomainError.of(ErrorKind.CONFLICT, "import.line.failed", "Cette ligne n'a pas pu être "
                            + "enregistrée à cause d'une erreur du guichet : réessayez-la plus tard ou signalez-la.")));
        }
    }

    private static boolean isEmpty(List<String> values) {
        return values == null || values.stream().allMatch(v -> v == null || v.isBlank());
    }

    /** Refuses that an administrator deactivates themself or takes their own administrator role away. */
    private static void keepsThemselfIn(Person admin, Person next) {
        if (!next.id().equals(admin.id())) {
            return;
        }
        if (!next.active()) {
            throw DomainError.invalid("active", "person.self.deactivate",
                    "Vous ne pouvez pas désactiver votre propre compte.").exception();
        }
        if (!next.has(Role.ADMIN)) {
            throw DomainError.invalid("roles", "person.self.admin",
                    "Vous ne pouvez pas retirer votre propre rôle d'administrateur.").exception();
        }
    }

    private void refuseCreationFromDirectory() {
        if (fromDirectory()) {
            throw DomainError.of(ErrorKind.CONFLICT, "person.directory",
                    "Les personnes viennent de l'annuaire de l'académie : un compte se crée dans l'annuaire, "
                            + "pas dans le guichet.").exception();
        }
    }

    private void refuseDecidedFields(PersonForm changes) {
        Validation v = new Validation();
        for (PersonField field : people.decides()) {
            if (given(changes, field)) {
                v.add(DomainError.invalid(field.fieldName(), "person.field.directory", DIRECTORY_REASON));
            }
        }
        v.throwIfInvalid();
    }

    private static boolean given(PersonForm form, PersonField field) {
        switch (field) {
            case EMAIL:
                return form.email() != null;
            case GIVEN_NAME:
                return form.givenName() != null;
            case FAMILY_NAME:
                return form.familyName() != null;
            case ESTABLISHMENT:
                return form.establishment() != null;
            case ROLES:
                return form.roles() != null;
            case GROUPS:
                return form.groups() != null;
            default:
                return form.active() != null;
        }
    }

    /** Stores a new person and mails them the link that sets their password. */
    private void insert(Person person) {
        registry.save(person);
        if (localAccounts) {
            ResetToken token = ResetToken.random();
            Instant now = clock.instant();
            resets.replace(new PasswordReset(token.hash(), person.id(), now, now.plus(FIRST_LINK_VALIDITY)));
            outbox.enqueue(List.of(Notification.accountCreated(person, token)), now);
        }
    }

    /**
     * Sends back to their groups' queues the open requests of {@code next} that {@code current} could hold and
     * {@code next} no longer can: all of them when {@code next} is inactive or without a staff role, else those of
     * the groups {@code next} left. Deactivation also ends their sessions.
     */
    private void leave(Person admin, Person current, Person next) {
        if (current.active() && !next.active()) {
            sessions.deleteAllOf(next.id());
        }
        if (!current.active()) {
            return;
        }
        if (!next.active() || (current.isStaff() && !next.isStaff())) {
            queues.returnRequests(admin, next, group -> true);
        } else if (!next.groups().containsAll(current.groups())) {
            Set<GroupCode> left = new HashSet<>(current.groups());
            left.removeAll(next.groups());
            queues.returnRequests(admin, next, left::contains);
        }
    }

    /** Moves the mail held for the digest of {@code current} to their new address, where their digest looks for it. */
    private void followAddress(Person current, Person next) {
        if (!next.email().equals(current.email())) {
            outbox.moveHeld(current.email(), next.email());
        }
    }

    private Person existing(PersonId id) {
        return people.find(id).orElseThrow(() -> TicketingException.notFound("person.not_found",
                "Cette personne est introuvable."));
    }

    private void requireNew(PersonId id) {
        if (people.find(id).isPresent()) {
            throw DomainError.invalid("identifier", "person.identifier.taken",
                    "Une personne a déjà l'identifiant « " + id.value() + " ».").exception();
        }
    }

    private PersonSheet sheet(Person person) {
        Map<PersonField, String> readOnly = new EnumMap<>(PersonField.class);
        people.decides().forEach(field -> readOnly.put(field, DIRECTORY_REASON));
        return new PersonSheet(person, snapshot(person), readOnly);
    }

    private static AuditTarget target(Person person) {
        return new AuditTarget("person", person.id().value(), person.name().display());
    }

    /** The person as the audit page shows them: roles in French, groups by label with their code. */
    Snapshot snapshot(Person person) {
        return Snapshot.NONE.with("identifier", person.id().value())
                .with("email", person.email().value())
                .with("givenName", person.name().given())
                .with("familyName", person.name().family())
                .with("establishment", person.establishmentCode().map(Uai::value).orElse(null))
                .with("roles", person.roles().stream().map(Role::french).toList())
                .with("groups", person.groups().stream().map(code -> Fallbacks.groupLabel(people, code)).toList())
                .with("active", person.active() ? "oui" : "non");
    }

    /** A new, active person from every field of {@code form}, every refusal collected, whose address fits. */
    private Person newPerson(PersonForm form) {
        Person person = parsed(form);
        requireEligible(person);
        return person;
    }

    /** {@code id}, unless it is the one Guichet signs its own moves with. */
    private static PersonId unreserved(PersonId id) {
        if (Guichet.is(id)) {
            throw DomainError.invalid("identifier", "person.identifier.reserved",
                    "Cet identifiant est réservé au guichet lui-même : choisissez-en un autre.").exception();
        }
        return id;
    }

    /** An active person from every field of {@code form} (roles: Demandeur when none), every refusal collected. */
    private Person parsed(PersonForm form) {
        Validation v = new Validation();
        PersonId id = v.check(() -> unreserved(PersonId.of(Validation.required(blankAsNull(form.identifier()),
                "identifier", "L'identifiant").strip())));
        EmailAddress email = v.check(() -> EmailAddress.of(Validation.required(blankAsNull(form.email()), "email",
                "L'adresse électronique").strip()));
        String given = v.check(() -> Validation.text(form.givenName(), "givenName", "Le prénom", 100, false));
        String family = v.check(() -> Validation.text(form.familyName(), "familyName", "Le nom", 100, false));
        Uai establishment = v.check(() -> establishment(form.establishment()));
        Set<Role> roles = v.check(() -> roles(form.roles() == null ? List.of() : form.roles()));
        Set<GroupCode> groups = v.check(() -> groups(form.groups() == null ? List.of() : form.groups()));
        v.throwIfInvalid();
        return new Person(id, email, new PersonName(given.strip(), family.strip()), establishment, roles, groups,
                true);
    }

    /** {@code person} with the fields {@code changes} gives, every refusal collected. */
    private Person changed(Person person, PersonForm changes) {
        Validation v = new Validation();
        EmailAddress email = changes.email() == null ? person.email()
                : v.check(() -> EmailAddress.of(changes.email().strip()));
        String given = changes.givenName() == null ? person.name().given()
                : v.check(() -> Validation.text(changes.givenName(), "givenName", "Le prénom", 100, false).strip());
        String family = changes.familyName() == null ? person.name().family()
                : v.check(() -> Validation.text(changes.familyName(), "familyName", "Le nom", 100, false).strip());
        Uai establishment = changes.establishment() == null ? person.establishment()
                : v.check(() -> establishment(changes.establishment()));
        Set<Role> roles = changes.roles() == null ? person.roles() : v.check(() -> roles(changes.roles()));
        Set<GroupCode> groups = changes.groups() == null ? person.groups() : v.check(() -> groups(changes.groups()));
        v.throwIfInvalid();
        Person next = new Person(person.id(), email, new PersonName(given, family), establishment, roles, groups,
                changes.active() == null ? person.active() : changes.active());
        requireEligible(person, next);
        return next;
    }

    /**
     * Checks the address of {@code next} only when it differs from that of {@code current} or when {@code next} loses
     * their last staff role: narrowing the domains does not freeze the people already outside them.
     */
    private void requireEligible(Person current, Person next) {
        if (!next.email().equals(current.email()) || (current.isStaff() && !next.isStaff())) {
            requireEligible(next);
        }
    }

    private void requireEligible(Person person) {
        MailDomains domains = mailDomains.get();
        if (!person.isStaff() && !domains.isEligible(person.email())) {
            throw DomainError.invalid("email", "person.email.not_eligible",
                    "Un demandeur doit avoir une adresse de l'académie (" + String.join(", ", new TreeSet<>(domains.domains()))
                            + ").").exception();
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Uai establishment(String text) {
        return text == null || text.isBlank() ? null : Uai.parse(text);
    }

    private static final Map<String, Role> ROLE_NAMES = roleNames();

    private static Map<String, Role> roleNames() {
        Map<String, Role> names = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            names.put(SearchText.normalize(role.name()), role);
            names.put(SearchText.normalize(role.french()), role);
        }
        return Map.copyOf(names);
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            Role role = ROLE_NAMES.get(SearchText.normalize(name));
            if (role == null) {
                throw DomainError.invalid("roles", "person.role.unknown", "Le rôle « " + name.strip()
                        + " » n'existe pas (Demandeur, Agent, Spécialiste ou Administrateur).").exception();
            }
            roles.add(role);
        }
        return roles;
    }

    private Set<GroupCode> groups(List<String> codes) {
        Set<GroupCode> groups = new LinkedHashSet<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            GroupCode group = new Validation().check(() -> GroupCode.of(code.strip()));
            if (group == null || people.group(group).isEmpty()) {
                throw DomainError.invalid("groups", "person.group.unknown",
                        "Le groupe « " + code.strip() + " » n'existe pas.").exception();
            }
            groups.add(group);
        }
        return groups;
    }
}
