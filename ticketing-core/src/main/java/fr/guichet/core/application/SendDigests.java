package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The job that sends the daily digests: for each staff member who chose their notifications, the mail held for their
 * digest before their last digest hour (in the authority's time zone) becomes ONE mail listing the requests it was
 * about, queued in the transaction that removes what it gathers. The digest's id is derived from the person and the
 * period, so that a second digest of the same person and period, from another node meanwhile included, is refused and
 * rolled back; a run that dies before its commit leaves the held mail to the next run, and what a digest gathered is
 * never gathered again. Mail held after the hour waits for the next day's digest. The mail held for a deactivated
 * person, by an administrator or by the directory, is removed unsent: nobody reads that mailbox any more.
 */
public final class SendDigests {

    /** The most held mails one digest gathers; any more wait for the next digest. */
    static final int MAX_GATHERED = 500;

    private final UnitOfWork unitOfWork;
    private final PersonDirectory people;
    private final PersonRegistry registry;
    private final NotificationOutbox outbox;
    private final EstablishmentDirectory establishments;
    private final Clock clock;
    private final TicketingSettings settings;

    SendDigests(Ports ports, Clock clock, TicketingSettings settings) {
        this.unitOfWork = ports.unitOfWork();
        this.people = ports.people();
        this.registry = ports.registry();
        this.outbox = ports.outbox();
        this.establishments = ports.establishments();
        this.clock = clock;
        this.settings = settings;
    }

    /** One run over everyone who chose their notifications; answers how many digests it queued. */
    public int run() {
        Instant now = clock.instant();
        Map<PersonId, NotificationPreferences> chosen = unitOfWork.inTransaction(registry::allPreferences);
        int queued = 0;
        for (PersonId id : chosen.keySet().stream().sorted(Comparator.comparing(PersonId::value)).toList()) {
            Instant period = chosen.get(id).lastDigestTime(now, settings.zone());
            try {
                if (unitOfWork.inTransaction(() -> digest(id, period, now))) {
                    queued++;
                }
            } catch (TicketingException e) {
                if (e.kind() != ErrorKind.CONFLICT) {
                    throw e;
                }
            }
        }
        return queued;
    }

    /** Queues the digest of {@code id} for the period starting at {@code period}, if anything waits for it. */
    private boolean digest(PersonId id, Instant period, Instant now) {
        Optional<Person> found = people.find(id);
        if (found.isEmpty()) {
            return false;
        }
        Person person = found.get();
        if (!person.active()) {
            outbox.dropHeld(person.email());
            return false;
        }
        List<OutboxEntry> held = outbox.held(person.email(), period, MAX_GATHERED);
        if (held.isEmpty()) {
            return false;
        }
        UUID digestId = UUID.nameUUIDFromBytes(("digest " + id.value() + " " + period)
                .getBytes(StandardCharsets.UTF_8));
        Set<Uai> uais = held.stream().map(e -> e.notification().data().getOrDefault("establishment", ""))
                .filter(uai -> !uai.isEmpty()).map(Uai::parse).collect(Collectors.toSet());
        Map<Uai, Establishment> schools = uais.isEmpty() ? Map.of() : establishments.findAll(uais);
        List<UUID> gathered = held.stream().map(OutboxEntry::id).toList();
        if (!outbox.gather(digestId, digestOf(person, held, schools), gathered, now)) {
            throw DomainError.of(ErrorKind.CONFLICT, "digest.taken",
                    "Ce récapitulatif a déjà été préparé.").exception();
        }
        return true;
    }

    /**
     * The digest mail to {@code person} of the {@code held} mails: one line a request, in the order first held, naming
     * each school as {@code schools} (the directory's, by UAI) knows it.
     */
    static Notification digestOf(Person person, List<OutboxEntry> held, Map<Uai, Establishment> schools) {
        Map<RequestNumber, List<Notification>> byRequest = new LinkedHashMap<>();
        for (OutboxEntry e : held) {
            byRequest.computeIfAbsent(e.notification().request(), n -> new ArrayList<>()).add(e.notification());
        }
        List<String> lines = new ArrayList<>();
        for (List<Notification> about : byRequest.values()) {
            Notification last = about.get(about.size() - 1);
            lines.add("n° " + last.request().display() + " – " + last.data().getOrDefault("summary", "") + " – "
                    + school(last.data().getOrDefault("establishment", ""), schools) + " – "
                    + last.data().getOrDefault("subject", "") + " : "
                    + about.stream().map(SendDigests::happened).distinct().collect(Collectors.joining(", ")));
        }
        String numbers = byRequest.keySet().stream().map(RequestNumber::display).collect(Collectors.joining(","));
        return new Notification(TemplateKey.DIGEST, person.email(), person.name().display(), null,
                Map.of("recipientName", person.name().display(), "count", String.valueOf(lines.size()),
                        "requests", String.join("\n", lines), "numbers", numbers));
    }

    /** The school of UAI {@code uai} by its name, the UAI in parentheses; the UAI alone when the directory lacks it. */
    private static String school(String uai, Map<Uai, Establishment> schools) {
        if (uai.isEmpty()) {
            return "sans établissement";
        }
        Establishment known = schools.get(Uai.parse(uai));
        return known == null ? "établissement " + uai : known.name() + " (" + uai + ")";
    }

    /** What the mail {@code n} told, in French. */
    private static String happened(Notification n) {
        return switch (n.template()) {
            case NEW_REQUEST_FOR_GROUP -> "nouvelle demande pour le groupe " + n.data().getOrDefault("group", "");
            case REQUEST_ASSIGNED_TO_YOU -> "vous est attribuée";
            case FOLLOW_UP_POSTED -> "le demandeur a répondu";
            case REQUEST_REOPENED -> "rouverte par le demandeur";
            default -> "mise à jour";
        };
    }
}
