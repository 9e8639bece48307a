package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.SettingsStore;
import fr.guichet.core.port.UnitOfWork;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An administrator reads and changes the settings that may change at run time: the reopening window, the delay
 * after which a request waiting for its requester is closed, the retention in school years and the eligible mail
 * domains. A change is stored for every node, which follows it from its next unit of work (see
 * {@link LiveSettings}), and recorded in the audit trail as {@code settings.update}. A setting the deployment's
 * environment fixes keeps the environment's value: giving it another value is refused.
 */
public final class ManageSettings {

    /** The longest list of mail domains kept, commas between them included. */
    public static final int MAX_MAIL_DOMAINS_LENGTH = 1000;

    private static final AuditTarget TARGET = new AuditTarget("settings", "settings", "Paramètres");

    private final UnitOfWork unitOfWork;
    private final SettingsStore store;
    private final LiveSettings live;
    private final AdminWrites adminWrites;

    ManageSettings(UnitOfWork unitOfWork, SettingsStore store, LiveSettings live, AdminWrites adminWrites) {
        this.unitOfWork = unitOfWork;
        this.store = store;
        this.live = live;
        this.adminWrites = adminWrites;
    }

    /** The settings in force, as an administrator sees them: a value for each, and those the environment fixes. */
    public record View(int reopenWindowDays, int autoCloseWaitingDays, int retentionSchoolYears,
            MailDomains mailDomains, Set<SettingName> fixedByEnvironment) {

        public View {
            Objects.requireNonNull(mailDomains, "mailDomains");
            fixedByEnvironment = Set.copyOf(fixedByEnvironment);
        }

        public boolean isFixed(SettingName name) {
            return fixedByEnvironment.contains(name);
        }

        /** The values for a reader of the audit trail, with their units; its fingerprint is the settings' ETag. */
        public Snapshot snapshot() {
            return Snapshot.NONE
                    .with(SettingName.REOPEN_WINDOW_DAYS.field(), count(reopenWindowDays, "jour", "jours"))
                    .with(SettingName.AUTO_CLOSE_WAITING_DAYS.field(), count(autoCloseWaitingDays, "jour", "jours"))
                    .with(SettingName.RETENTION_SCHOOL_YEARS.field(),
                            count(retentionSchoolYears, "année scolaire", "années scolaires"))
                    .with(SettingName.MAIL_DOMAINS.field(), mailDomains.domains());
        }

        private static String count(int n, String one, String many) {
            return n + " " + (n > 1 ? many : one);
        }
    }

    /** The settings to change, each as a client gives it; a null one is left as it is. */
    public record Changes(Integer reopenWindowDays, Integer autoCloseWaitingDays, Integer retentionSchoolYears,
            List<String> mailDomains) {
    }

    /** The settings in force; administrators only. One primary-key read of the stored settings. */
    public View view(Person admin) {
        AdminWrites.requireAdmin(admin);
        return unitOfWork.inTransaction(() -> viewOf(live.current()));
    }

    /**
     * Validates every given value, each refusal naming its field (a number of days from 1 to 365, of school years
     * from 1 to 10, at least one valid mail domain), refuses another value for a setting the environment fixes, then
     * stores the values if the settings are still those {@code ifMatch} (may be null) fingerprints. Administrators
     * only; answers the settings in force after the change.
     */
    public View change(Person admin, Changes changes, String ifMatch) {
        AdminWrites.requireAdmin(admin);
        TicketingSettings deployment = live.deployment();
        Validation validation = new Validation();
        Integer reopen = validation.check(() -> unchanged(SettingName.REOPEN_WINDOW_DAYS, range(
                changes.reopenWindowDays(), SettingName.REOPEN_WINDOW_DAYS, 365,
                "Le délai de réouverture doit être un nombre de jours entre 1 et 365."),
                (int) deployment.reopenWindow().toDays()));
        Integer autoClose = validation.check(() -> unchanged(SettingName.AUTO_CLOSE_WAITING_DAYS, range(
                changes.autoCloseWaitingDays(), SettingName.AUTO_CLOSE_WAITING_DAYS, 365,
                "Le délai de clôture automatique doit être un nombre de jours entre 1 et 365."),
                (int) deployment.autoCloseWaitingDelay().toDays()));
        Integer retention = validation.check(() -> unchanged(SettingName.RETENTION_SCHOOL_YEARS, range(
                changes.retentionSchoolYears(), SettingName.RETENTION_SCHOOL_YEARS, 10,
                "La durée de conservation doit être un nombre d'années scolaires entre 1 et 10."),
                deployment.retentionSchoolYears()));
        MailDomains domains = validation.check(() -> unchanged(SettingName.MAIL_DOMAINS,
                mailDomains(changes.mailDomains()), deployment.mailDomains()));
        validation.throwIfInvalid();
        return adminWrites.change(admin, "settings.update", view -> TARGET,
                () -> viewOf(live.current()).snapshot(), ifMatch, () -> {
                    StoredSettings was = store.load();
                    StoredSettings next = new StoredSettings(
                            settable(SettingName.REOPEN_WINDOW_DAYS, reopen, was.reopenWindowDays()),
                            settable(SettingName.AUTO_CLOSE_WAITING_DAYS, autoClose, was.autoCloseWaitingDays()),
                            settable(SettingName.RETENTION_SCHOOL_YEARS, retention, was.retentionSchoolYears()),
                            settable(SettingName.MAIL_DOMAINS, domains, was.mailDomains()));
                    store.save(next);
                    return viewOf(live.over(next));
                }, View::snapshot);
    }

    private View viewOf(TicketingSettings s) {
        return new View((int) s.reopenWindow().toDays(), (int) s.autoCloseWaitingDelay().toDays(),
                s.retentionSchoolYears(), s.mailDomains(), live.fixed());
    }

    private static Integer range(Integer value, SettingName name, int max, String message) {
        if (value != null && (value < 1 || value > max)) {
            throw DomainError.invalid(name.field(), name.field() + ".out_of_range", message).exception();
        }
        return value;
    }

    private static MailDomains mailDomains(List<String> given) {
        if (given == null) {
            return null;
        }
        MailDomains domains = MailDomains.of(given);
        if (String.join(",", domains.domains()).length() > MAX_MAIL_DOMAINS_LENGTH) {
            throw DomainError.invalid(SettingName.MAIL_DOMAINS.field(), "mail_domains.too_long",
                    "La liste des domaines de messagerie ne doit pas dépasser " + MAX_MAIL_DOMAINS_LENGTH
                            + " caractères.").exception();
        }
        return domains;
    }

    /** {@code value}, unless the environment fixes the setting at another one. */
    private <T> T unchanged(SettingName name, T value, T fixedValue) {
        if (value != null && live.isFixed(name) && !value.equals(fixedValue)) {
            throw DomainError.invalid(name.field(), "settings.fixed_by_environment",
                    "Ce paramètre est fixé par l'environnement du serveur : il ne peut pas être modifié ici.")
                    .exception();
        }
        return value;
    }

    private <T> T settable(SettingName name, T given, T stored) {
        return given == null || live.isFixed(name) ? stored : given;
    }
}
