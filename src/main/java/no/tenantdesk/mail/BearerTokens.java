package no.tenantdesk.mail;

/**
 * Where a login by OAuth 2.0 gets its access token (mail.oauth's {@code AccessTokens}). A token is a secret like a
 * password: it goes to the server only through {@link ServerSessions}, which sends it over TLS alone.
 */
public interface BearerTokens {

    /**
     * A token the authorization server says is good for a while yet: cached, or fetched now.
     *
     * @throws no.tenantdesk.domain.InvalidInputException when a person has to act (sign in again, grant a permission)
     * @throws no.tenantdesk.domain.TemporaryFailureException when the token endpoint does not answer
     */
    String token();

    /**
     * The mail server refused {@code token}: it is forgotten.
     *
     * @return whether a token fetched anew might do better (this one came from the cache, and may have been revoked)
     */
    boolean refused(String token);

    /**
     * What to do when the server refused a token fresh from the authorization server: one line for the user, such as
     * "the app lacks IMAP.AccessAsApp; …".
     *
     * @param protocol imap, imaps, pop3, pop3s, smtp or smtps
     */
    String advice(String protocol, String token);
}
