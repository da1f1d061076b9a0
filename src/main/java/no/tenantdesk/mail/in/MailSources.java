package no.tenantdesk.mail.in;

/** Opens the source a URI names. */
public final class MailSources {

    private MailSources() {}

    /**
     * Connects (for a server) or opens the mailbox; nothing is read yet.
     *
     * @throws no.tenantdesk.domain.InvalidInputException for a URI that names no source we know, or a setting that
     *     does not fit it (move without a folder, delete on an mbox)
     */
    public static MailSource open(SourceSpec spec) {
        throw new UnsupportedOperationException("helper B writes this");
    }
}
