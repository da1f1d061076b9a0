package no.tenantdesk.domain;

/** How an incoming mail was found to answer an inquiry; headers are trusted before the subject. */
public enum MatchedBy implements CliEnum {
    IN_REPLY_TO("in-reply-to"),
    REFERENCES("references"),
    SUBJECT_TOKEN("subject-token"),
    /** A rule's thread-by-subject: the sender's open inquiry with the same subject (an alarm system's repeats). */
    SUBJECT("subject");

    private final String cli;

    MatchedBy(String cli) {
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
