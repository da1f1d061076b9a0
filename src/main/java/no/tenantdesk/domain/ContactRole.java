package no.tenantdesk.domain;

/** Tenants ask; staff and contractors can be made responsible for inquiries and tasks. */
public enum ContactRole implements CliEnum {
    TENANT,
    STAFF,
    CONTRACTOR;

    @Override
    public String cli() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean canBeAssigned() {
        return this != TENANT;
    }

    public static ContactRole parse(String text) {
        return CliEnum.parse(ContactRole.class, "role", text);
    }

    /** The CLI spelling, so that help texts and completion show what users type. */
    @Override
    public String toString() {
        return cli();
    }
}
