package no.tenantdesk.domain;

/**
 * incoming: from the tenant by e-mail; reply: sent to the tenant; internal: never sent; system: written by
 * tenantdesk itself.
 */
public enum CommentKind implements CliEnum {
    INCOMING,
    REPLY,
    INTERNAL,
    SYSTEM;

    @Override
    public String cli() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The CLI spelling, so that help texts and completion show what users type. */
    @Override
    public String toString() {
        return cli();
    }
}
