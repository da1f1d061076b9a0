package no.tenantdesk.service;

/** Where a message being filed comes from: a source that fetch-mail reads, or the quarantine. */
sealed interface Origin {

    /** @param key what the source knows the message by (a Maildir file's unique name, an IMAP UID …) */
    record Source(String name, String key) implements Origin {}

    /** @param row the quarantined message's row, filed again */
    record Retry(long row) implements Origin {}
}
