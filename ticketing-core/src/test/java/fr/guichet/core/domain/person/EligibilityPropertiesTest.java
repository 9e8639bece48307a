package fr.guichet.core.domain.person;

import static fr.guichet.core.domain.person.PersonGenerators.caseVariantsOf;
import static fr.guichet.core.domain.person.PersonGenerators.domains;
import static fr.guichet.core.domain.person.PersonGenerators.localParts;
import static fr.guichet.core.domain.person.PersonGenerators.lookalikesOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.guichet.core.domain.TicketingException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class EligibilityPropertiesTest {

    /** Listed domains, and one of them to build an address on. */
    private record Listed(List<String> domains, String chosen) {
    }

    private static Gen<Listed> listed() {
        return lists().of(domains()).ofSizeBetween(1, 3)
                .flatMap(ds -> org.quicktheories.generators.Generate.pick(ds).map(d -> new Listed(ds, d)));
    }

    @Test
    void an_address_in_a_listed_domain_is_eligible_whatever_the_case_of_its_domain() {
        qt().forAll(listed().flatMap(l -> caseVariantsOf(l.chosen()).map(v -> new Listed(l.domains(), v))),
                localParts()).checkAssert((l, local) ->
                        assertTrue(MailDomains.of(l.domains()).isEligible(EmailAddress.of(local + "@" + l.chosen())),
                                local + "@" + l.chosen()));
    }

    @Test
    void domains_configured_in_any_case_accept_lower_case_addresses() {
        qt().forAll(domains().flatMap(d -> caseVariantsOf(d).map(v -> List.of(d, v))), localParts())
                .checkAssert((pair, local) -> assertTrue(MailDomains.of(pair.get(1))
                        .isEligible(EmailAddress.of(local + "@" + pair.get(0)))));
    }

    @Test
    void lookalikes_of_a_listed_domain_are_refused_unless_listed_themselves() {
        qt().forAll(listed().flatMap(l -> lookalikesOf(l.chosen()).map(v -> new Listed(l.domains(), v))),
                localParts())
                .assuming((l, local) -> !l.domains().contains(l.chosen().toLowerCase(Locale.ROOT)))
                .checkAssert((l, local) -> assertFalse(eligible(l.domains(), local + "@" + l.chosen()),
                        local + "@" + l.chosen() + " against " + l.domains()));
    }

    @Test
    void a_sub_domain_is_eligible_once_listed() {
        qt().forAll(domains(), PersonGenerators.labels(), localParts()).checkAssert((domain, sub, local) -> {
            String address = local + "@" + sub + "." + domain;
            assertFalse(eligible(List.of(domain), address));
            assertTrue(eligible(List.of(domain, sub + "." + domain), address));
        });
    }

    /** Eligible only if the address is well-formed and its domain is listed; a malformed address is refused. */
    private static boolean eligible(List<String> domains, String address) {
        EmailAddress email;
        try {
            email = EmailAddress.of(address);
        } catch (TicketingException e) {
            return false;
        }
        return MailDomains.of(domains).isEligible(email);
    }
}
