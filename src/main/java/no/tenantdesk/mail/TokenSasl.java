package no.tenantdesk.mail;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.Provider;
import java.security.Security;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;

/**
 * The two SASL mechanisms that carry an OAuth 2.0 bearer token: OAUTHBEARER (RFC 7628) and XOAUTH2 (Google's, which
 * Microsoft 365 speaks too). Angus Mail asks Java's SASL framework for a client of the mechanisms a server offers
 * (IMAP and SMTP, {@code mail.*.sasl.mechanisms}); the framework finds clients only through registered security
 * providers, so {@link #register()} adds this one, once per JVM. It holds nothing: user and token come from Angus'
 * callbacks for each login. POP3 in Angus has no SASL and sends XOAUTH2 by itself.
 */
public final class TokenSasl {

    public static final String OAUTHBEARER = "OAUTHBEARER";
    public static final String XOAUTH2 = "XOAUTH2";
    /** The session property that tells OAUTHBEARER the server's port, which RFC 7628 asks the client to name. */
    static final String PORT_PROPERTY = "no.tenantdesk.sasl.port";

    private static final String PROVIDER = "tenantdesk-oauth2-sasl";
    private static final char SEPARATOR = '\u0001';

    private TokenSasl() {}

    /** Idempotent, and safe from several threads: the daemon may log in for two commands at once. */
    // Security's own methods lock its class: holding that lock makes the look-up and the adding one step.
    @SuppressWarnings("LockOnNonEnclosingClassLiteral")
    static void register() {
        synchronized (Security.class) {
            if (Security.getProvider(PROVIDER) == null) {
                Security.addProvider(new SaslProvider());
            }
        }
    }

    /** XOAUTH2's initial response: "user=" user ^A "auth=Bearer " token ^A ^A. */
    public static byte[] xoauth2(String user, String token) {
        return ("user=" + user + SEPARATOR + "auth=Bearer " + token + SEPARATOR + SEPARATOR).getBytes(UTF_8);
    }

    /**
     * OAUTHBEARER's initial response (RFC 7628 section 3.1): a GS2 header naming the user, then host, port and the
     * token as key=value pairs, each ended by ^A, and a last ^A. A "," or "=" in the user is escaped as RFC 5801 says.
     *
     * @param port -1 when unknown: then no port is named
     */
    public static byte[] oauthBearer(String user, String host, int port, String token) {
        String authzid = user.replace("=", "=3D").replace(",", "=2C");
        StringBuilder response = new StringBuilder("n,a=").append(authzid).append(',').append(SEPARATOR);
        if (host != null) {
            response.append("host=").append(host).append(SEPARATOR);
        }
        if (port > 0) {
            response.append("port=").append(port).append(SEPARATOR);
        }
        return response.append("auth=Bearer ").append(token).append(SEPARATOR).append(SEPARATOR).toString()
                .getBytes(UTF_8);
    }

    private static final class SaslProvider extends Provider {

        private static final long serialVersionUID = 1L;

        SaslProvider() {
            super(PROVIDER, "1.0", "tenantdesk: OAUTHBEARER and XOAUTH2 SASL clients");
            put("SaslClientFactory." + OAUTHBEARER, Factory.class.getName());
            put("SaslClientFactory." + XOAUTH2, Factory.class.getName());
        }
    }

    /** Public with a public constructor: the provider framework makes it by reflection. */
    public static final class Factory implements SaslClientFactory {

        @Override
        public SaslClient createSaslClient(String[] mechanisms, String authorizationId, String protocol,
                String serverName, Map<String, ?> props, CallbackHandler callbacks) throws SaslException {
            for (String mechanism : mechanisms) {
                if (mechanism.equals(OAUTHBEARER) || mechanism.equals(XOAUTH2)) {
                    Object port = props == null ? null : props.get(PORT_PROPERTY);
                    return new Client(mechanism, serverName, port == null ? -1 : Integer.parseInt(port.toString()),
                            callbacks);
                }
            }
            return null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return new String[] {OAUTHBEARER, XOAUTH2};
        }
    }

    /**
     * Sends the token in its first response. A server that refuses it answers with a challenge (a JSON error, RFC 7628
     * section 3.2.2), to which the client must still reply: with ^A (OAUTHBEARER) or nothing (XOAUTH2); the server
     * then says no, and Angus reports a failed login.
     */
    private static final class Client implements SaslClient {

        private final String mechanism;
        private final String host;
        private final int port;
        private final CallbackHandler callbacks;
        private boolean sent;
        private boolean complete;

        Client(String mechanism, String host, int port, CallbackHandler callbacks) {
            this.mechanism = mechanism;
            this.host = host;
            this.port = port;
            this.callbacks = callbacks;
        }

        @Override
        public String getMechanismName() {
            return mechanism;
        }

        @Override
        public boolean hasInitialResponse() {
            return true;
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
            if (sent) {
                complete = true;
                return mechanism.equals(OAUTHBEARER) ? new byte[] {SEPARATOR} : new byte[0];
            }
            sent = true;
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("token", false);
            try {
                callbacks.handle(new Callback[] {name, password});
            } catch (UnsupportedCallbackException | java.io.IOException e) {
                throw new SaslException("no user and token to log in with", e);
            }
            String token = password.getPassword() == null ? "" : new String(password.getPassword());
            password.clearPassword();
            return mechanism.equals(OAUTHBEARER)
                    ? oauthBearer(name.getName(), host, port, token)
                    : xoauth2(name.getName(), token);
        }

        /** Not after the first response: Angus then answers a refusal's challenge itself, with an empty line. */
        @Override
        public boolean isComplete() {
            return complete;
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int length) {
            throw new IllegalStateException("OAuth 2.0 logins have no security layer");
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int length) {
            throw new IllegalStateException("OAuth 2.0 logins have no security layer");
        }

        @Override
        public Object getNegotiatedProperty(String name) {
            return null;
        }

        @Override
        public void dispose() {}
    }
}
