package no.tenantdesk.mail;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * The IMAP store of a login by token. Angus, when none of the SASL mechanisms it was given is on offer, falls back
 * to the plain LOGIN command with the token as the password; {@link #preLogin}, which Angus calls once TLS is up and
 * before any login, stops that, and checks once more that the connection is encrypted. {@link ServerSessions} names
 * this class for imap and imaps in a session made for tokens.
 */
public final class TokenImapStore extends IMAPStore {

    /** What the refusal says, so that {@link ServerSessions} can tell it from a refused token. */
    static final String NO_MECHANISM = "the server offers no OAuth 2.0 mechanism";
    static final String NO_TLS = "the connection is not encrypted";

    /** Made by Jakarta Mail by reflection, for the protocol in the session's mail.imap(s).class. */
    public TokenImapStore(Session session, URLName url) {
        super(session, url, url.getProtocol(), "imaps".equals(url.getProtocol()));
    }

    @Override
    protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
        if (!protocol.isSSL()) {
            throw new ProtocolException(NO_TLS);
        }
        if (!protocol.hasCapability("AUTH=" + TokenSasl.OAUTHBEARER)
                && !protocol.hasCapability("AUTH=" + TokenSasl.XOAUTH2)) {
            throw new ProtocolException(NO_MECHANISM);
        }
        super.preLogin(protocol);
    }
}
