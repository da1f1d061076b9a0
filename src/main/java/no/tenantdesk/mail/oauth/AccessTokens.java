package no.tenantdesk.mail.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.oauth.OAuthSettings.Grant;
import no.tenantdesk.mail.oauth.TokenStore.Stored;

/**
 * The access tokens of one account, for the length of one command: from the {@link TokenStore} while they are good
 * for a while yet, else new ones from the token endpoint (client credentials, a service account's signed JWT, or the
 * refresh token a person's sign-in left), kept again for the next run. Nothing here outlives the command: the daemon
 * makes a new one for every command it runs, and keeps none.
 */
public final class AccessTokens implements BearerTokens {

    /** Used no later than this before it expires: a fetch or a send may take a while after the login. */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    /** When the answer says nothing of a lifetime (RFC 6749 only recommends expires_in). */
    private static final Duration UNSAID_LIFETIME = Duration.ofMinutes(10);

    private final OAuthSettings settings;
    private final TokenStore store;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    /** The token this command fetched from the endpoint, not from the store: a refusal of it is final. */
    private String fetched;

    public AccessTokens(OAuthSettings settings, TokenStore store, TokenEndpoint endpoint, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    public OAuthSettings settings() {
        return settings;
    }

    @Override
    public String token() {
        return store.locked(settings.account(), settings.key(), () -> {
            Stored stored = store.read(settings.account(), settings.key());
            Instant now = clock.instant();
            if (stored.accessToken() != null && stored.useUntil() != null && now.isBefore(stored.useUntil())) {
                return stored.accessToken();
            }
            JsonNode answer = request(stored);
            String token = TokenEndpoint.accessToken(settings, settings.tokenUrl(), answer);
            String refresh = answer.hasNonNull("refresh_token") ? answer.get("refresh_token").asText()
                    : stored.refreshToken();
            store.write(settings.account(), settings.key(),
                    new Stored(refresh, token, useUntil(now, answer), stored.signedIn()));
            fetched = token;
            return token;
        });
    }

    @Override
    public boolean refused(String token) {
        store.locked(settings.account(), settings.key(), () -> {
            Stored stored = store.read(settings.account(), settings.key());
            if (token.equals(stored.accessToken())) {
                store.write(settings.account(), settings.key(), stored.withoutAccess());
            }
            return null;
        });
        return !token.equals(fetched);
    }

    @Override
    public String advice(String protocol, String token) {
        return RefusalAdvice.of(settings, protocol, TokenClaims.of(token));
    }

    /** Until {@link #MARGIN} before the token expires, or a tenth of its lifetime before, when it is short. */
    static Instant useUntil(Instant now, JsonNode answer) {
        Duration lifetime = answer.path("expires_in").canConvertToLong() && answer.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(answer.path("expires_in").asLong())
                : UNSAID_LIFETIME;
        Duration margin = lifetime.dividedBy(10).compareTo(MARGIN) < 0 ? lifetime.dividedBy(10) : MARGIN;
        return now.plus(lifetime).minus(margin);
    }

    private JsonNode request(Stored stored) {
        Map<String, String> form = new LinkedHashMap<>();
        URI url = settings.tokenUrl();
        switch (settings.grant()) {
            case CLIENT_CREDENTIALS -> {
                form.put("grant_type", "client_credentials");
                form.put("client_id", settings.clientId());
                scope(form);
            }
            case SERVICE_ACCOUNT -> {
                GoogleServiceAccount account = GoogleServiceAccount.read(settings.account(), settings.serviceAccount());
                form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
                form.put("assertion", account.assertion(settings.user(), settings.scopes(), clock.instant()));
            }
            case SIGNED_IN -> {
                if (stored.refreshToken() == null) {
                    throw new InvalidInputException(settings.account() + ": no one has signed in to "
                            + settings.user() + " yet; " + settings.loginCommand());
                }
                form.put("grant_type", "refresh_token");
                form.put("refresh_token", stored.refreshToken());
                form.put("client_id", settings.clientId());
                if (settings.provider() != OAuthProvider.GOOGLE) {
                    scope(form);
                }
            }
        }
        try {
            return endpoint.post(settings, url, form,
                    settings.grant() == Grant.SERVICE_ACCOUNT ? null : settings.clientSecret());
        } catch (TokenError e) {
            throw OAuthErrors.explain(settings, e);
        }
    }

    private void scope(Map<String, String> form) {
        if (!settings.scopes().isEmpty()) {
            form.put("scope", String.join(" ", settings.scopes()));
        }
    }

    /** Never a token. */
    @Override
    public String toString() {
        return "AccessTokens[" + settings + "]";
    }
}
