package no.tenantdesk.domain;

/** Why fetch-mail stored a message without making it an inquiry or a comment. */
public enum SkipReason implements CliEnum {
    /** The same Message-ID (or, without one, the same bytes) was stored before. */
    DUPLICATE("duplicate"),
    /**
     * Out-of-office and other automatic answers: Auto-Submitted, X-Autoreply, X-Auto-Response-Suppress, an empty
     * Return-Path (RFC 3834 asks automatic answers to send from the null sender).
     */
    AUTO_REPLY("auto-reply"),
    /** Precedence bulk, junk or list. */
    BULK("bulk"),
    /** A delivery failure notice or delay warning, whatever its shape ({@code mail.in.Bounces}). */
    BOUNCE("bounce"),
    /** Mail that we sent, come back: our loop header, or From one of our own addresses. */
    OWN_MAIL("own-mail"),
    /** A rule of the config said skip (a newsletter, a system's chatter). */
    RULE("rule");

    private final String cli;

    SkipReason(String cli) {
        this.cli = cli;
    }

    @Override
    public String cli() {
        return cli;
    }

    @Override
    public String toString() {
        return cli;
    }
}
