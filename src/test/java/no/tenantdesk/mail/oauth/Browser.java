package no.tenantdesk.mail.oauth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import no.tenantdesk.testing.AuthorizationServer;

/** What a person's browser and Google's console do in these tests. */
final class Browser {

    private Browser() {}

    /** Opens the address and follows the redirect back to the loopback port; returns the page it ends on. */
    static String follow(String address, SSLContext trust) throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(trust).followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        return browser.send(HttpRequest.newBuilder(URI.create(address)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A service account's JSON key, as Google's console makes it, whose public half {@code server} knows. */
    static Path serviceAccountKey(Path file, AuthorizationServer server) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String email = "tenantdesk@eiendom-drift.iam.gserviceaccount.com";
        server.serviceAccount(email, pair.getPublic());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, new ObjectMapper().createObjectNode()
                .put("type", "service_account")
                .put("project_id", "eiendom-drift")
                .put("private_key_id", "4f1c0e2d9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
                .put("private_key", pem)
                .put("client_email", email)
                .put("client_id", "109876543210987654321")
                .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                .put("token_uri", server.tokenUrl())
                .toString());
        return file;
    }
}
