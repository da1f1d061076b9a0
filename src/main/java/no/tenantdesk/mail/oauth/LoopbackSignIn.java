package no.tenantdesk.mail.oauth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;

/**
 * The authorization code grant for a program on the user's machine (RFC 8252), as Google asks of desktop apps: a
 * browser signs in at Google, which sends it back to a port on 127.0.0.1 that this listens on, with a code that only
 * this process can redeem (PKCE, RFC 7636) and the state it sent (so another page cannot slip a code in). Google
 * offers no device code for the mail scope.
 */
final class LoopbackSignIn {

    /** As long as a person may take to sign in. */
    static final long WAIT_SECONDS = 300;

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final OAuthSettings settings;
    private final TokenEndpoint endpoint;
    private final Consumer<String> tell;
    private final SecureRandom random = new SecureRandom();

    LoopbackSignIn(OAuthSettings settings, TokenEndpoint endpoint, Consumer<String> tell) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.tell = tell;
    }

    /** @param port 0 for any free one; a fixed one to forward it over SSH from the machine with the browser */
    JsonNode run(int port) {
        String verifier = URL.encodeToString(bytes(32));
        String state = URL.encodeToString(bytes(16));
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new InvalidInputException(settings.account() + ": cannot listen on 127.0.0.1:" + port + " for the"
                    + " browser's answer (" + e.getMessage() + "); give another --port");
        }
        try {
            server.createContext("/", exchange -> answer(exchange, state, answer));
            server.start();
            String redirect = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", settings.clientId());
            query.put("redirect_uri", redirect);
            query.put("response_type", "code");
            query.put("scope", String.join(" ", settings.scopes()));
            query.put("code_challenge", URL.encodeToString(sha256(verifier)));
            query.put("code_challenge_method", "S256");
            query.put("state", state);
            // A refresh token, and again on a second sign-in (Google gives one only with consent asked).
            query.put("access_type", "offline");
            query.put("prompt", "consent");
            query.put("login_hint", settings.user());
            tell.accept("To sign in as " + settings.user() + ", open this address in a browser on this machine (from"
                    + " another one: ssh -L " + server.getAddress().getPort() + ":127.0.0.1:"
                    + server.getAddress().getPort() + " to this one first):");
            tell.accept(settings.authorizationUrl() + "?" + form(query));
            Map<String, String> returned = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (returned.containsKey("error")) {
                throw new TokenError(400, returned.get("error"), returned.get("error_description"), List.of());
            }
            Map<String, String> exchange = new LinkedHashMap<>();
            exchange.put("grant_type", "authorization_code");
            exchange.put("code", returned.get("code"));
            exchange.put("redirect_uri", redirect);
            exchange.put("client_id", settings.clientId());
            exchange.put("code_verifier", verifier);
            return endpoint.post(settings, settings.tokenUrl(), exchange, settings.clientSecret());
        } catch (TimeoutException e) {
            throw new TokenError(400, "expired_token", null, List.of());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("the sign-in was interrupted", e);
        } finally {
            server.stop(0);
        }
    }

    /** The browser's visit: a page that says what happened, and the code (or error) when the state is ours. */
    private static void answer(HttpExchange exchange, String state, CompletableFuture<Map<String, String>> answer)
            throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        boolean ours = state.equals(query.get("state")) && (query.containsKey("code") || query.containsKey("error"));
        String page = !ours ? "This is not the answer tenantdesk waits for."
                : query.containsKey("code") ? "Signed in. You may close this window and return to tenantdesk."
                : "The sign-in was refused (" + query.get("error").replaceAll("[^A-Za-z0-9_ -]", "") + ").";
        byte[] body = ("<!doctype html><meta charset=utf-8><title>tenantdesk</title><p>" + page + "</p>\n")
                .getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(ours ? 200 : 400, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        if (ours) {
            answer.complete(query);
        }
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> fields = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), UTF_8));
                }
            }
        }
        return fields;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
