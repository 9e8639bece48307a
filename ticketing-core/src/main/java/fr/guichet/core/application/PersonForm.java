package fr.guichet.core.application;

import java.util.List;

/**
 * What an administrator typed about a person, as text: for a creation every field but {@code active}; for a change
 * (PATCH) a null field is left as it is. An empty {@code establishment} removes it; roles are given by name or French
 * label (REQUESTER or Demandeur, AGENT, SPECIALIST or Spécialiste, ADMIN or Administrateur), groups by code.
 */
public record PersonForm(String identifier, String email, String givenName, String familyName, String establishment,
        List<String> roles, List<String> groups, Boolean active) {

    public PersonForm {
        roles = roles == null ? null : List.copyOf(roles);
        groups = groups == null ? null : List.copyOf(groups);
    }
}
