package fr.guichet.core.domain.person;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mail domains whose addresses may file requests; a domain matches exactly, case-insensitively, so lookalikes and
 * sub-domains are refused unless listed themselves. A refusal names the field {@code mailDomains}.
 */
public record MailDomains(Set<String> domains) {

    public MailDomains {
        if (domains == null || domains.isEmpty()) {
            throw DomainError.invalid("mailDomains", "mail_domains.empty",
                    "Au moins un domaine de messagerie doit être configuré.").exception();
        }
        domains = domains.stream().map(MailDomains::domain).collect(Collectors.toUnmodifiableSet());
    }

    private static String domain(String text) {
        String domain = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            EmailAddress.of("x@" + domain);
            return domain;
        } catch (TicketingException e) {
            boolean showable = !domain.isEmpty() && domain.length() <= 100
                    && domain.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || Character.isLetter(c));
            throw DomainError.invalid("mailDomains", "mail_domains.invalid", showable
                    ? "« " + domain + " » n'est pas un domaine de messagerie valide (par exemple ac-creteil.fr)."
                    : "Un des domaines de messagerie n'est pas valide (par exemple ac-creteil.fr).").exception();
        }
    }

    public static MailDomains of(String... domains) {
        return new MailDomains(Set.copyOf(Arrays.asList(domains)));
    }

    /** Parses a comma-separated list such as {@code ac-creteil.fr,ac-paris.fr}; a domain listed twice counts once. */
    public static MailDomains parse(String list) {
        return new MailDomains(Arrays.stream(list.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    /** The domains of {@code domains}; a null or blank one is refused as invalid. */
    public static MailDomains of(Collection<String> domains) {
        return new MailDomains(new HashSet<>(domains));
    }

    public boolean isEligible(EmailAddress address) {
        return domains.contains(address.domain());
    }
}
