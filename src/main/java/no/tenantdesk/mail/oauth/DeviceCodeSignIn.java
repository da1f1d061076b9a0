package no.tenantdesk.mail.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;

/**
 * RFC 8628's device authorization grant, as Microsoft speaks it: the person opens a page on any device, types the
 * code shown here and signs in there; meanwhile this asks the token endpoint every few seconds whether they have.
 * Works over SSH and on a server without a browser.
 */
final class DeviceCodeSignIn {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final OAuthSettings settings;
    private final TokenEndpoint endpoint;
    private final Consumer<String> tell;

    DeviceCodeSignIn(OAuthSettings settings, TokenEndpoint endpoint, Consumer<String> tell) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.tell = tell;
    }

    /** @return the token answer, with the refresh token */
    JsonNode run() {
        Map<String, String> ask = new LinkedHashMap<>();
        ask.put("client_id", settings.clientId());
        ask.put("scope", String.join(" ", settings.scopes()));
        JsonNode device = endpoint.post(settings, settings.deviceAuthorizationUrl(), ask, settings.clientSecret());
        String code = device.path("device_code").asText("");
        String userCode = device.path("user_code").asText("");
        // Google says verification_url, the RFC verification_uri.
        String page = device.path("verification_uri").asText(device.path("verification_url").asText(""));
        if (code.isEmpty() || userCode.isEmpty() || page.isEmpty()) {
            throw new InvalidInputException(settings.account() + ": " + settings.deviceAuthorizationUrl()
                    + " is not a device authorization endpoint (RFC 8628); check device-authorization-url");
        }
        long lifetime = device.path("expires_in").asLong(900);
        Instant deadline = Instant.now().plusSeconds(lifetime);
        Duration interval = Duration.ofSeconds(Math.max(1, device.path("interval").asLong(5)));
        tell.accept("To sign in as " + settings.user() + ", open " + page + " and enter the code " + userCode
                + " (within " + (lifetime >= 120 ? lifetime / 60 + " minutes" : lifetime + " seconds") + ").");
        Map<String, String> poll = new LinkedHashMap<>();
        poll.put("grant_type", GRANT);
        poll.put("device_code", code);
        poll.put("client_id", settings.clientId());
        while (true) {
            sleep(interval);
            try {
                return endpoint.post(settings, settings.tokenUrl(), poll, settings.clientSecret());
            } catch (TokenError e) {
                switch (e.error) {
                    case "authorization_pending" -> {}
                    case "slow_down" -> interval = interval.plusSeconds(5);
                    default -> throw e;
                }
            } catch (TemporaryFailureException e) {
                // One lost poll is no reason to give up a sign-in the person may be finishing right now.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TokenError(400, "expired_token", null, List.of());
            }
        }
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("the sign-in was interrupted", e);
        }
    }
}
