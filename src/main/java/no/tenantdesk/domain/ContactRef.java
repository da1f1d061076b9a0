package no.tenantdesk.domain;

/** A contact as other records show it. */
public record ContactRef(long id, String name, String email) {

    public String label() {
        return email == null || email.isEmpty() ? name : name + " <" + email + ">";
    }
}
