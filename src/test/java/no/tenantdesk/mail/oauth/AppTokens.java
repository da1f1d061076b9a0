package no.tenantdesk.mail.oauth;

import java.nio.file.Path;
import java.time.Clock;
import no.tenantdesk.testing.AuthorizationServer;

/** The app-only tokens of the account "drift", mailbox kari, from the test's server: what most tests log in with. */
final class AppTokens {

    static final String CLIENT = "tenantdesk-app";
    static final String SECRET = "app-secret";

    private AppTokens() {}

    static OAuthSettings settings(AuthorizationServer server) {
        return OAuthSettings.of("drift", "generic", "kari", null, CLIENT, SECRET, null, server.tokenUrl(), null, null,
                "mail");
    }

    /** @param state where the tokens are kept */
    static AccessTokens of(AuthorizationServer server, Path state) {
        return of(server, state, settings(server));
    }

    static AccessTokens of(AuthorizationServer server, Path state, OAuthSettings settings) {
        return new AccessTokens(settings, new TokenStore(state), new TokenEndpoint(server.trusting()),
                Clock.systemUTC());
    }
}
