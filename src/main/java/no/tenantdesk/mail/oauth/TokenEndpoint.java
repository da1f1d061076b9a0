package no.tenantdesk.mail.oauth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.ServerFailures;

/**
 * Speaks to an authorization server: form POSTs over HTTPS, JSON back (RFC 6749 section 4 and 5, RFC 8628). A server
 * that cannot be reached, takes too long or says it is overloaded is a {@link TemporaryFailureException} (cron tries
 * again); an OAuth error answer is a {@link TokenError} for the caller (a device sign-in waits on some); anything else
 * names the URL, since the config is the likely cause.
 */
public final class TokenEndpoint {

    /** Long enough for a slow answer; short enough that cron does not hang. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param ssl null for the JVM's trusted certificates; tests pass one that trusts their own server */
    public TokenEndpoint(SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
    }

    /**
     * POSTs a form and returns the JSON object of a 2xx answer.
     *
     * @param secret the client's secret: in the form for Microsoft and Google (as they document), else HTTP Basic
     *     (RFC 6749 section 2.3.1, which every server must take); null for a public client
     */
    JsonNode post(OAuthSettings settings, URI url, Map<String, String> form, String secret) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (secret != null) {
            if (settings.provider() == OAuthProvider.GENERIC) {
                String pair = encode(settings.clientId()) + ":" + encode(secret);
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(UTF_8)));
            } else {
                fields.put("client_secret", secret);
            }
        }
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw unreachable(settings, url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException(settings.account() + ": interrupted while asking " + url, e);
        }
        return answer(settings, url, response.statusCode(), response.body());
    }

    private JsonNode answer(OAuthSettings settings, URI url, int status, String body) {
        JsonNode answer;
        try {
            answer = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            answer = null;
        }
        if (answer != null && answer.isObject() && answer.hasNonNull("error")) {
            List<Integer> codes = new ArrayList<>();
            answer.path("error_codes").forEach(code -> codes.add(code.asInt()));
            throw new TokenError(status, answer.get("error").asText(),
                    answer.hasNonNull("error_description") ? answer.get("error_description").asText() : null, codes);
        }
        if (status == 429 || status >= 500) {
            throw new TemporaryFailureException(settings.account() + ": " + url + " answered HTTP " + status
                    + "; try again later", null);
        }
        if (status / 100 != 2 || answer == null || !answer.isObject()) {
            throw new InvalidInputException(settings.account() + ": " + url + " answered HTTP " + status
                    + (answer == null ? " with something other than JSON" : "") + ", not as an OAuth 2.0 endpoint does;"
                    + " check the oauth2 settings (provider, tenant, token-url)");
        }
        return answer;
    }

    /** The token response's access token, which every grant gives; else the server is not what the config says. */
    static String accessToken(OAuthSettings settings, URI url, JsonNode answer) {
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new InvalidInputException(settings.account() + ": " + url + " answered without an access_token;"
                    + " check token-url");
        }
        return token;
    }

    private static TenantdeskException unreachable(OAuthSettings settings, URI url, IOException e) {
        String where = settings.account() + ": the token endpoint " + url.getScheme() + "://" + url.getHost()
                + (url.getPort() > 0 ? ":" + url.getPort() : "");
        if (ServerFailures.untrustedCertificate(e)) {
            return new TenantdeskException(where + " has a certificate that is not trusted ("
                    + ServerFailures.oneLine(ServerFailures.rootMessage(e)) + ")" + ServerFailures.TRUST_HINT, e);
        }
        String message = ServerFailures.oneLine(ServerFailures.rootMessage(e));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                message = "unknown host " + url.getHost();
            } else if (t instanceof ConnectException && t.getMessage() == null) {
                // Java's HTTP client says no more than the exception's name of a refused connection.
                message = "connection refused";
            }
        }
        String why = e instanceof HttpTimeoutException ? "did not answer in time"
                : "cannot be reached (" + message + ")";
        return new TemporaryFailureException(where + " " + why + "; try again later", e);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }
}
