package no.tenantdesk.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.io.IOException;
import java.util.Properties;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;

/**
 * A login by OAuth 2.0 token, which {@link ServerSessions} hands every token to: the session settings that keep the
 * token to TLS and to the bearer mechanisms, and the login, with one more try for a cached token the server no longer
 * takes.
 */
final class TokenLogin {

    private static final String NO_COMMON_MECHANISM =
            "No authentication mechanisms supported by both server and client";

    private TokenLogin() {}

    /**
     * A token is a password that opens the mailbox without the user's password, and it may not cross a network in
     * clear text, not even to a server on loopback: imaps, pop3s and smtps are TLS from the first byte, and imap, pop3
     * and smtp must upgrade with STARTTLS, or Angus fails before it logs in. Then only the bearer mechanisms, chosen
     * from those the server offers: never LOGIN or PLAIN with a token as the password.
     */
    static Properties properties(ServerAddress address) {
        String p = "mail." + address.protocol() + ".";
        Properties props = new Properties();
        if (!address.tls()) {
            props.setProperty(p + "starttls.required", "true");
        }
        if (address.imap() || address.smtp()) {
            TokenSasl.register();
            // Angus tries no other mechanism after SASL: what the server does not offer of these fails the login.
            props.setProperty(p + "sasl.enable", "true");
            props.setProperty(p + "sasl.mechanisms", TokenSasl.OAUTHBEARER + " " + TokenSasl.XOAUTH2);
            if (address.port() > 0) {
                props.setProperty(TokenSasl.PORT_PROPERTY, Integer.toString(address.port()));
            }
        }
        if (address.smtp()) {
            props.setProperty(p + "auth", "true");
        }
        // POP3 in Angus has no SASL, only its own XOAUTH2; for SMTP it is what Angus falls back to when Java's SASL
        // cannot be used at all. Angus leaves XOAUTH2 off unless told.
        props.setProperty(p + "auth.mechanisms", TokenSasl.XOAUTH2);
        props.setProperty(p + "auth.xoauth2.disable", "false");
        return props;
    }

    /** The IMAP store that refuses what Angus would otherwise do when no bearer mechanism is on offer. */
    static void configure(Session session, ServerAddress address) {
        if (address.imap()) {
            try {
                session.setProvider(new Provider(Provider.Type.STORE, address.protocol(),
                        TokenImapStore.class.getName(), "tenantdesk", "1"));
            } catch (NoSuchProviderException e) {
                throw new IllegalStateException("a provider with a class name is always taken", e);
            }
        }
    }

    /**
     * A cached token the server refuses (revoked early, say) is forgotten and a new one fetched, once; a fresh token
     * the server refuses is an error a person has to act on, with the tokens' advice.
     */
    static void login(Service service, String name, ServerAddress address, BearerTokens tokens)
            throws MessagingException {
        String token = tokens.token();
        try {
            connect(service, name, address, token);
            return;
        } catch (AuthenticationFailedException e) {
            if (!tokens.refused(token)) {
                throw refused(name, address, tokens, token, e);
            }
        }
        token = tokens.token();
        try {
            connect(service, name, address, token);
        } catch (AuthenticationFailedException e) {
            tokens.refused(token);
            throw refused(name, address, tokens, token, e);
        }
    }

    /**
     * The same login for a client of our own (POP3's {@code Pop3Client}): {@code attempt} sends one token and says
     * whether the server took it; a cached token refused is replaced once, as above.
     */
    static void login(String name, ServerAddress address, BearerTokens tokens, ServerSessions.TokenAttempt attempt)
            throws IOException {
        String token = tokens.token();
        String refusal = attempt.login(token);
        if (refusal != null && tokens.refused(token)) {
            token = tokens.token();
            refusal = attempt.login(token);
            if (refusal != null) {
                tokens.refused(token);
            }
        }
        if (refusal != null) {
            throw refused(name, address, tokens, token, new AuthenticationFailedException(refusal));
        }
    }

    /** The refusal of a server without TLS, said before the token was sent. */
    static TemporaryFailureException withoutTls(String name, ServerAddress address, Throwable cause) {
        return new TemporaryFailureException(name + ": the server offers no TLS (STARTTLS), so the OAuth 2.0"
                + " token was not sent; use " + address.secureScheme() + " if the server has it (a token never"
                + " crosses a network unencrypted)", cause);
    }

    /** The refusal of a server that offers none of the bearer mechanisms, said before the token was sent. */
    static InvalidInputException noMechanism(String name, ServerAddress address, Throwable cause) {
        String spoken = address.imap() ? "IMAP (OAUTHBEARER, XOAUTH2); log in with a password-file instead"
                : address.smtp() ? "SMTP (OAUTHBEARER, XOAUTH2); log in with a password-file instead"
                : "POP3 (XOAUTH2); use IMAP if the server has it";
        return new InvalidInputException(
                name + ": " + TokenImapStore.NO_MECHANISM + " that tenantdesk speaks over " + spoken, cause);
    }

    private static void connect(Service service, String name, ServerAddress address, String token)
            throws MessagingException {
        try {
            service.connect(address.host(), address.port(), address.user(), token);
        } catch (MessagingException e) {
            // Angus' words for a server without STARTTLS when it is required ("STLS" for POP3, which calls it a
            // failed login), and for one without the bearer mechanisms (POP3, SMTP; IMAP: TokenImapStore's): all
            // said before any login.
            // Temporary, as for a password: the offer may have been taken out on the way (ServerSessions.noTls).
            String why = String.valueOf(ServerFailures.rootMessage(e));
            if (ServerSessions.offersNoStartTls(e) || why.equals(TokenImapStore.NO_TLS)) {
                throw withoutTls(name, address, e);
            }
            if (why.equals(TokenImapStore.NO_MECHANISM)
                    || why.equals(NO_COMMON_MECHANISM)) {
                throw noMechanism(name, address, e);
            }
            throw e;
        }
    }

    private static InvalidInputException refused(String name, ServerAddress address, BearerTokens tokens, String token,
            AuthenticationFailedException e) {
        String reply = ServerFailures.oneLine(e.getMessage());
        return new InvalidInputException(name + ": the server refused the OAuth 2.0 token for " + address.user()
                + (reply.isEmpty() || reply.equalsIgnoreCase("login failed") ? "" : " (" + reply + ")") + "; "
                + tokens.advice(address.protocol(), token), e);
    }
}
