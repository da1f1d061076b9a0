package no.tenantdesk.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small OAuth 2.0 authorization server over HTTPS on 127.0.0.1, with {@link TestCertificate}'s certificate for
 * "localhost", one per test. It issues opaque tokens and knows what they are worth:
 *
 * <ul>
 *   <li>/token: client credentials (secret in the form or by HTTP Basic), refresh tokens, device codes (RFC 8628),
 *       authorization codes with PKCE (RFC 7636), and JWT bearer assertions (RFC 7523) of registered service accounts;
 *   <li>/device: device authorization; a code is approved, as {@link #approveAs(String)} says, at its first poll;
 *   <li>/authorize: a browser's sign-in, approved at once: a redirect back with a code;
 *   <li>/introspect: RFC 7662, for Dovecot's oauth2 passdb, behind HTTP Basic {@link #introspectionUser()}.
 * </ul>
 *
 * Tests revoke tokens, count requests, and give canned answers (a provider's recorded
 * responses) with {@link #answerNext(int, String)}.
 */
public final class AuthorizationServer implements BeforeEachCallback, AfterEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestCertificate certificate;

    private final String introspectionPassword = "pw-" + UUID.randomUUID();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> serviceAccounts = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Deque<String[]> canned = new ArrayDeque<>();
    private final List<String> forms = new ArrayList<>();
    private final Duration lifetime = Duration.ofHours(1);
    private volatile String approveAs = "kari";
    private volatile boolean rotateRefreshTokens;
    private HttpsServer server;

    /** A client; {@code secret} null for a public one (device code, loopback); {@code mailbox} for its own tokens. */
    record Client(String id, String secret, String mailbox) {}

    /** What a token is worth. */
    record Grant(String user, String clientId, String scope, Instant expires, String codeChallenge, String redirect) {}

    private static final class Device {
        final Grant grant;
        int polls;

        Device(Grant grant) {
            this.grant = grant;
        }
    }

    public AuthorizationServer client(String id, String secret, String mailbox) {
        clients.put(id, new Client(id, secret, mailbox));
        return this;
    }

    /** A Google-style service account: assertions signed with the key whose public half this is. */
    public AuthorizationServer serviceAccount(String email, PublicKey key) {
        serviceAccounts.put(email, key);
        return this;
    }

    /** The user that device codes and browser sign-ins are approved as; null refuses them (access_denied). */
    public AuthorizationServer approveAs(String user) {
        approveAs = user;
        return this;
    }

    /** Every refresh gives a new refresh token and invalidates the old one, as strict servers do. */
    public AuthorizationServer rotateRefreshTokens() {
        rotateRefreshTokens = true;
        return this;
    }

    /** The next request to any endpoint gets this answer, whatever it asks: a provider's recorded response. */
    public synchronized void answerNext(int status, String body) {
        canned.add(new String[] {Integer.toString(status), body});
    }

    /** Every access token stops being active, as after an administrator's revocation. */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** Every refresh token stops working, as when a user's sign-in is revoked. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** How many requests of a kind came: a grant_type ("client_credentials" …), "device", "authorize", "introspect". */
    public int count(String kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** The forms posted to /token and /device, in order (secrets and tokens included: for assertions only). */
    public synchronized List<String> forms() {
        return List.copyOf(forms);
    }

    public String url(String path) {
        return "https://localhost:" + server.getAddress().getPort() + path;
    }

    public String tokenUrl() {
        return url("/token");
    }

    public String introspectionUser() {
        return "dovecot:" + introspectionPassword;
    }

    /** For Dovecot's oauth2 passdb: the introspection URL with its login. */
    public String introspectionUrl() {
        return "https://" + introspectionUser() + "@localhost:" + server.getAddress().getPort() + "/introspect";
    }

    /** The certificate as PEM, for a client that reads no Java key store (Dovecot's tls_ca_cert_file). */
    public Path writeCertificate(Path file) {
        certificate().writePem(file, file.resolveSibling(file.getFileName() + ".key"));
        return file;
    }

    /** A context that trusts this server and nothing else. */
    public SSLContext trusting() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(TestCertificate.ALIAS, certificate().certificate());
            javax.net.ssl.TrustManagerFactory trust =
                    javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized TestCertificate certificate() {
        if (certificate == null) {
            certificate = TestCertificate.create();
        }
        return certificate;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificate().keyStore)) {
            keys.load(in, TestCertificate.PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TestCertificate.PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            String[] next;
            synchronized (this) {
                next = canned.poll();
                if (path.equals("/token") || path.equals("/device")) {
                    forms.add(body);
                }
            }
            if (next != null) {
                counted(path.substring(1));
                respond(exchange, Integer.parseInt(next[0]), next[1]);
                return;
            }
            Map<String, String> form = parse(body);
            switch (path) {
                case "/token" -> token(exchange, form);
                case "/device" -> device(exchange, form);
                case "/authorize" -> authorize(exchange, parse(exchange.getRequestURI().getRawQuery()));
                case "/introspect" -> introspect(exchange, form);
                default -> respond(exchange, 404, "{\"error\":\"not_found\"}");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"error\":\"server_error\",\"error_description\":\"" + e + "\"}");
        }
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        String grantType = form.getOrDefault("grant_type", "");
        counted(grantType);
        Client client = authenticate(exchange, form);
        switch (grantType) {
            case "client_credentials" -> {
                if (client == null || client.secret() == null) {
                    error(exchange, 401, "invalid_client", "unknown client or wrong secret");
                } else {
                    issue(exchange, new Grant(client.mailbox(), client.id(), form.get("scope"), null, null, null),
                            false);
                }
            }
            case "refresh_token" -> {
                Grant grant = refreshTokens.get(form.getOrDefault("refresh_token", ""));
                if (client == null) {
                    error(exchange, 401, "invalid_client", "unknown client");
                } else if (grant == null || !grant.clientId().equals(client.id())) {
                    error(exchange, 400, "invalid_grant", "the refresh token is not valid");
                } else {
                    if (rotateRefreshTokens) {
                        refreshTokens.remove(form.get("refresh_token"));
                    }
                    issue(exchange, grant, rotateRefreshTokens);
                }
            }
            case "urn:ietf:params:oauth:grant-type:device_code" -> {
                Device device = devices.get(form.getOrDefault("device_code", ""));
                if (device == null || client == null) {
                    error(exchange, 400, "invalid_grant", "unknown device code");
                } else if (device.polls++ == 0) {
                    error(exchange, 400, "authorization_pending", "the user has not signed in yet");
                } else if (approveAs == null) {
                    error(exchange, 400, "access_denied", "the user said no");
                } else {
                    devices.remove(form.get("device_code"));
                    issue(exchange, new Grant(approveAs, client.id(), device.grant.scope(), null, null, null), true);
                }
            }
            case "authorization_code" -> {
                Grant grant = codes.remove(form.getOrDefault("code", ""));
                if (grant == null || client == null || !grant.clientId().equals(client.id())) {
                    error(exchange, 400, "invalid_grant", "unknown code");
                } else if (!grant.redirect().equals(form.get("redirect_uri"))
                        || !grant.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                    error(exchange, 400, "invalid_grant", "wrong redirect_uri or code_verifier");
                } else {
                    issue(exchange, grant, true);
                }
            }
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> jwtBearer(exchange, form.getOrDefault("assertion", ""));
            default -> error(exchange, 400, "unsupported_grant_type", grantType);
        }
    }

    private void jwtBearer(HttpExchange exchange, String assertion) throws IOException {
        String[] parts = assertion.split("\\.");
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            PublicKey key = serviceAccounts.get(claims.path("iss").asText());
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(UTF_8));
            if (key == null || !rsa.verify(Base64.getUrlDecoder().decode(parts[2]))
                    || !claims.path("aud").asText().equals(tokenUrl())) {
                error(exchange, 400, "invalid_grant", "Invalid JWT Signature.");
                return;
            }
            issue(exchange, new Grant(claims.path("sub").asText(), claims.path("iss").asText(),
                    claims.path("scope").asText(), null, null, null), false);
        } catch (Exception e) {
            error(exchange, 400, "invalid_grant", "Invalid JWT: " + e.getMessage());
        }
    }

    private void device(HttpExchange exchange, Map<String, String> form) throws IOException {
        counted("device");
        Client client = authenticate(exchange, form);
        if (client == null) {
            error(exchange, 401, "invalid_client", "unknown client");
            return;
        }
        String code = UUID.randomUUID().toString();
        devices.put(code, new Device(new Grant(null, client.id(), form.get("scope"), null, null, null)));
        respond(exchange, 200, JSON.createObjectNode()
                .put("device_code", code)
                .put("user_code", "WDJB-MJHT")
                .put("verification_uri", url("/activate"))
                .put("expires_in", 60)
                .put("interval", 1)
                .toString());
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        counted("authorize");
        String redirect = query.get("redirect_uri");
        String location;
        if (approveAs == null) {
            location = redirect + "?error=access_denied&state=" + query.get("state");
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(approveAs, query.get("client_id"), query.get("scope"), null,
                    query.get("code_challenge"), redirect));
            location = redirect + "?code=" + code + "&state=" + query.get("state");
        }
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void introspect(HttpExchange exchange, Map<String, String> form) throws IOException {
        counted("introspect");
        String expected = "Basic " + Base64.getEncoder().encodeToString(introspectionUser().getBytes(UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, "invalid_client", "introspection needs the resource server's login");
            return;
        }
        Grant grant = accessTokens.get(form.getOrDefault("token", ""));
        ObjectNode answer = JSON.createObjectNode();
        boolean active = grant != null && Instant.now().isBefore(grant.expires());
        answer.put("active", active);
        if (active) {
            answer.put("username", grant.user()).put("client_id", grant.clientId())
                    .put("scope", grant.scope() == null ? "" : grant.scope())
                    .put("exp", grant.expires().getEpochSecond());
        }
        respond(exchange, 200, answer.toString());
    }

    private void issue(HttpExchange exchange, Grant grant, boolean withRefresh) throws IOException {
        String access = "at-" + UUID.randomUUID();
        Instant expires = Instant.now().plus(lifetime);
        accessTokens.put(access, new Grant(grant.user(), grant.clientId(), grant.scope(), expires, null, null));
        ObjectNode answer = JSON.createObjectNode()
                .put("access_token", access)
                .put("token_type", "Bearer")
                .put("expires_in", lifetime.toSeconds());
        if (withRefresh) {
            String refresh = "rt-" + UUID.randomUUID();
            refreshTokens.put(refresh, grant);
            answer.put("refresh_token", refresh);
        }
        respond(exchange, 200, answer.toString());
    }

    /** The client by HTTP Basic or by client_id (and client_secret) in the form; null when unknown or wrong. */
    private Client authenticate(HttpExchange exchange, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), UTF_8);
            id = URLDecoder.decode(pair.substring(0, pair.indexOf(':')), UTF_8);
            secret = URLDecoder.decode(pair.substring(pair.indexOf(':') + 1), UTF_8);
        }
        Client client = id == null ? null : clients.get(id);
        if (client == null || (client.secret() != null && !client.secret().equals(secret))) {
            return null;
        }
        return client;
    }

    private void counted(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        respond(exchange, status, JSON.createObjectNode().put("error", error).put("error_description", description)
                .toString());
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new HashMap<>();
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8));
            }
        }
        return fields;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
