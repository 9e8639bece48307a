package fr.guichet.core.domain.person;

import fr.guichet.core.domain.DomainError;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mail domains whose addresses may file requests; a domain matches exactly, case-insensitively, so lookalikes and
 * sub-domains are refused unless listed themselves.
 */
public record MailDomains(Set<String> domains) {

    public MailDomains {
        if (domains == null || domains.isEmpty()) {
            throw DomainError.invalid("mailDomains", "mail_domains.empty",
                    "Au moins un domaine de messagerie doit être configuré.").exception();
        }
        domains = domains.stream().map(d -> {
            String domain = d.strip().toLowerCase(Locale.ROOT);
            EmailAddress.of("x@" + domain);
            return domain;
        }).collect(Collectors.toUnmodifiableSet());
    }

    public static MailDomains of(String... domains) {
        return new MailDomains(Set.copyOf(Arrays.asList(domains)));
    }

    /** Parses a comma-separated list such as {@code ac-creteil.fr,ac-paris.fr}; a domain listed twice counts once. */
    public static MailDomains parse(String list) {
        return new MailDomains(Arrays.stream(list.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    public static MailDomains of(Collection<String> domains) {
        return new MailDomains(Set.copyOf(domains));
    }

    public boolean isEligible(EmailAddress address) {
        return domains.contains(address.domain());
    }
}
