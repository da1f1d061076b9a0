package no.tenantdesk.mail.oauth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import no.tenantdesk.domain.InvalidInputException;

/**
 * A Google service account's JSON key, and the JWT it signs to get a token acting as a user of the domain
 * (domain-wide delegation): "Using OAuth 2.0 for Server to Server Applications", the HTTP/REST way. RS256 with the
 * JDK's own RSA; the key is read for the one request and not kept.
 *
 * @param clientEmail the account, the JWT's issuer
 * @param clientId    what an admin enters under Domain-wide delegation
 * @param tokenUri    the key's own token endpoint, the JWT's audience
 */
record GoogleServiceAccount(String clientEmail, String clientId, String keyId, PrivateKey key, URI tokenUri) {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    static GoogleServiceAccount read(String account, Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file, UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException(account + ": cannot read the service account key "
                    + file + (Files.exists(file) ? ": not a JSON key (" + e.getClass().getSimpleName() + ")"
                    : ": no such file"));
        }
        if (!"service_account".equals(json.path("type").asText()) || !json.hasNonNull("private_key")
                || !json.hasNonNull("client_email")) {
            throw new InvalidInputException(account + ": " + file + " is not a service account's JSON key (make one"
                    + " under IAM, Service accounts, Keys, Add key, JSON)");
        }
        try {
            String pem = json.get("private_key").asText()
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            URI tokenUri = json.hasNonNull("token_uri") ? URI.create(json.get("token_uri").asText())
                    : OAuthProvider.GOOGLE_TOKEN_URL;
            return new GoogleServiceAccount(json.get("client_email").asText(), json.path("client_id").asText(""),
                    json.path("private_key_id").asText(null), key, tokenUri);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException(account + ": the private key in " + file + " is not an RSA key in PKCS#8");
        }
    }

    /** The signed assertion: one hour, for {@code user}, with these scopes. */
    String assertion(String user, Iterable<String> scopes, Instant now) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        ObjectNode claims = json.createObjectNode()
                .put("iss", clientEmail)
                .put("sub", user)
                .put("scope", String.join(" ", scopes))
                .put("aud", tokenUri.toString())
                .put("iat", now.getEpochSecond())
                .put("exp", now.getEpochSecond() + 3600);
        String signed = URL.encodeToString(header.toString().getBytes(UTF_8)) + "."
                + URL.encodeToString(claims.toString().getBytes(UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.getBytes(UTF_8));
            return signed + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java signs SHA256withRSA", e);
        }
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "GoogleServiceAccount[" + clientEmail + "]";
    }
}
