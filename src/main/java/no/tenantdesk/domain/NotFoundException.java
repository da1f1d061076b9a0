package no.tenantdesk.domain;

public class NotFoundException extends TenantdeskException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, long id) {
        return new NotFoundException(what + " " + id + " not found");
    }
}
