package no.tenantdesk.mail.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.oauth.OAuthSettings.Grant;
import no.tenantdesk.mail.oauth.TokenStore.Stored;

/**
 * A person's sign-in, once ({@code tenantdesk mail login ACCOUNT}): by device code (Microsoft, generic: RFC 8628) or
 * by a browser sent back to this machine (Google: RFC 8252 with PKCE), and the refresh token kept. For an app-only
 * account there is nothing to sign in: it asks for a token anew, which checks the app's credentials.
 */
public final class SignIn {

    /** What a sign-in did, for the command to report. */
    public record Result(String account, String user, Grant grant, Path file, Instant signedIn) {}

    private final OAuthSettings settings;
    private final TokenStore store;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Consumer<String> tell;

    /** @param tell lines for the person: where to go, what code to enter; never a token */
    public SignIn(OAuthSettings settings, TokenStore store, TokenEndpoint endpoint, Clock clock,
            Consumer<String> tell) {
        this.settings = settings;
        this.store = store;
        this.endpoint = endpoint;
        this.clock = clock;
        this.tell = tell;
    }

    /** @param port for the loopback sign-in: 0 for any free port */
    public Result run(int port) {
        String account = settings.account();
        String key = settings.key();
        if (settings.grant() != Grant.SIGNED_IN) {
            // Whatever is cached: the point is to see the token endpoint take the app's credentials now.
            store.locked(account, key, () -> {
                store.write(account, key, store.read(account, key).withoutAccess());
                return null;
            });
            new AccessTokens(settings, store, endpoint, clock).token();
            return new Result(account, settings.user(), settings.grant(), store.file(key), null);
        }
        JsonNode answer;
        try {
            answer = settings.provider() == OAuthProvider.GOOGLE
                    ? new LoopbackSignIn(settings, endpoint, tell).run(port)
                    : new DeviceCodeSignIn(settings, endpoint, tell).run();
        } catch (TokenError e) {
            throw OAuthErrors.explain(settings, e);
        }
        String token = TokenEndpoint.accessToken(settings, settings.tokenUrl(), answer);
        if (!answer.hasNonNull("refresh_token")) {
            throw new InvalidInputException(account + ": the sign-in gave no refresh token, so tenantdesk could not"
                    + " renew it" + (settings.provider() == OAuthProvider.GENERIC
                            ? "; ask for one in scope: (often offline_access)" : ""));
        }
        Instant now = clock.instant();
        store.locked(account, key, () -> {
            store.write(account, key, new Stored(answer.get("refresh_token").asText(), token,
                    AccessTokens.useUntil(now, answer), now));
            return null;
        });
        return new Result(account, settings.user(), Grant.SIGNED_IN, store.file(key), now);
    }
}
