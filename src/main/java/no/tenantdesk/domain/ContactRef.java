package no.tenantdesk.domain;

/** A contact as other records show it, with the organization they belong to (null when none). */
public record ContactRef(long id, String name, String email, OrganizationRef organization) {

    public ContactRef(long id, String name, String email) {
        this(id, name, email, null);
    }

    /** From a row's columns: the organization's id null when there is none. */
    public static ContactRef of(long id, String name, String email, Long organizationId, String organizationName) {
        return new ContactRef(id, name, email,
                organizationId == null ? null : new OrganizationRef(organizationId, organizationName));
    }

    public String label() {
        return email == null || email.isEmpty() ? name : name + " <" + email + ">";
    }
}
