package no.tenantdesk.mail.out;

/** Why a message was not (known to be) sent, and so what the outbox should do with it. */
public enum SendOutcome {

    /**
     * Not sent, and trying later may work: the server is unreachable or did not answer, or it answered 4xx (busy,
     * greylisting, mailbox full). Send the same bytes again later.
     */
    DEFERRED,

    /**
     * Perhaps delivered: the whole message was handed over, then the connection broke or timed out before the
     * server's final answer. Send the same bytes again later; the recipient may get the message twice, which
     * threading tolerates since the Message-ID is the same.
     */
    UNKNOWN,

    /**
     * The server refused this message for good (5xx to the sender, a recipient or the content). The same bytes will
     * never go through; other messages may.
     */
    REFUSED,

    /**
     * No message will go through until someone changes a setting: the login failed, the certificate is not trusted,
     * TLS failed, or the server refuses us outright. The message itself is fine: keep it queued.
     */
    SETUP
}
