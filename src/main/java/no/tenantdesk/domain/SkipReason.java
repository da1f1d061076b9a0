package no.tenantdesk.domain;

/** Why fetch-mail stored a message without making it an inquiry or a comment. */
public enum SkipReason implements CliEnum {
    /** The same Message-ID (or, without one, the same bytes) was stored before. */
    DUPLICATE("duplicate"),
    /** Out-of-office and other automatic answers: Auto-Submitted, X-Autoreply, X-Auto-Response-Suppress. */
    AUTO_REPLY("auto-reply"),
    /** Precedence bulk, junk or list. */
    BULK("bulk"),
    /** A delivery report (multipart/report) or a message with an empty Return-Path. */
    BOUNCE("bounce"),
    /** Mail that we sent, come back: our loop header, or From one of our own addresses. */
    OWN_MAIL("own-mail");

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
