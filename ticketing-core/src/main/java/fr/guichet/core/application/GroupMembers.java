package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import java.util.List;
import java.util.Objects;

/** A support group with the active staff members a request may be assigned to in it, in the order people read them. */
public record GroupMembers(SupportGroup group, List<Person> members) {

    public GroupMembers {
        Objects.requireNonNull(group, "group");
        members = List.copyOf(members);
    }
}
