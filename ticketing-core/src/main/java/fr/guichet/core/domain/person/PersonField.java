package fr.guichet.core.domain.person;

/** A field of a person an administrator may change, by the name forms and the API give it. */
public enum PersonField {
    EMAIL("email"),
    GIVEN_NAME("givenName"),
    FAMILY_NAME("familyName"),
    ESTABLISHMENT("establishment"),
    ROLES("roles"),
    GROUPS("groups"),
    ACTIVE("active");

    private final String fieldName;

    PersonField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The name of the field in forms, the API and error reports. */
    public String fieldName() {
        return fieldName;
    }
}
