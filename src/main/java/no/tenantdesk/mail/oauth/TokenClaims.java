package no.tenantdesk.mail.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * What an access token says of itself, when it is a JWT (Microsoft's for Exchange Online are): the permissions in it,
 * to tell a user which one the app lacks when a server refuses the token. Read, never verified: only the server's
 * refusal is trusted, this only explains it. An opaque token (Google's, most others') says nothing.
 *
 * @param roles  application permissions (app-only), like IMAP.AccessAsApp
 * @param scopes delegated permissions (a person's sign-in), like IMAP.AccessAsUser.All
 */
record TokenClaims(Set<String> roles, Set<String> scopes) {

    static final TokenClaims NONE = new TokenClaims(Set.of(), Set.of());

    static TokenClaims of(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return NONE;
        }
        try {
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            Set<String> roles = new HashSet<>();
            claims.path("roles").forEach(role -> roles.add(role.asText()));
            Set<String> scopes = new HashSet<>(Arrays.asList(claims.path("scp").asText("").split(" ")));
            scopes.remove("");
            return new TokenClaims(Set.copyOf(roles), Set.copyOf(scopes));
        } catch (IOException | IllegalArgumentException e) {
            return NONE;
        }
    }

    boolean known() {
        return !roles.isEmpty() || !scopes.isEmpty();
    }
}
