package no.tenantdesk.mail.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;

/**
 * How one account (or the SMTP server) gets its tokens. Which grant follows from what is configured: a client secret
 * (Microsoft, generic) or a service account's key (Google) is app-only, for cron without a person; without one, a
 * person signs in once ({@code tenantdesk mail login ACCOUNT}) and the refresh token is kept.
 *
 * @param account         what messages and the login command call it: the account's name, or "smtp"
 * @param user            the mailbox, which the token logs in to (and a Google service account acts as)
 * @param tenant          Microsoft's directory: eiendom.onmicrosoft.com or its id
 * @param clientSecret    the app's secret, read from its file; null for a public client
 * @param serviceAccount  Google: the service account's JSON key file
 * @param deviceAuthorizationUrl RFC 8628's endpoint, for a sign-in by device code (Microsoft, generic)
 * @param authorizationUrl the endpoint a browser opens, for a sign-in by loopback redirect (Google)
 */
public record OAuthSettings(
        String account,
        OAuthProvider provider,
        String user,
        String tenant,
        String clientId,
        String clientSecret,
        Path serviceAccount,
        URI tokenUrl,
        URI deviceAuthorizationUrl,
        URI authorizationUrl,
        List<String> scopes) {

    /** How tokens are had. */
    public enum Grant {
        /** Client credentials: the app's own token, by its secret (Microsoft, generic). */
        CLIENT_CREDENTIALS,
        /** A JWT signed with a Google service account's key, acting as the user (domain-wide delegation). */
        SERVICE_ACCOUNT,
        /** A person signed in once; the refresh token gets new tokens. */
        SIGNED_IN
    }

    public OAuthSettings {
        scopes = List.copyOf(scopes);
    }

    /**
     * Settings from the config's words, checked, with the provider's endpoints and scopes where the config names none.
     *
     * @param scope space-separated, or null for the provider's
     */
    public static OAuthSettings of(String account, String providerName, String user, String tenant, String clientId,
            String clientSecret, Path serviceAccount, String tokenUrl, String deviceAuthorizationUrl,
            String authorizationUrl, String scope) {
        OAuthProvider provider = OAuthProvider.parse(account, providerName);
        if (user == null || user.isBlank()) {
            throw new InvalidInputException(
                    account + ": OAuth 2.0 logs in as a user: set user: or write it in the URL");
        }
        boolean appOnly = provider == OAuthProvider.GOOGLE ? serviceAccount != null : clientSecret != null;
        if (provider == OAuthProvider.MICROSOFT) {
            require(account, tenant, "tenant", "the directory's name or id, like eiendom.onmicrosoft.com");
            if (appOnly && List.of("common", "organizations", "consumers").contains(tenant.strip())) {
                throw new InvalidInputException(account + ": app-only tokens come from the tenant itself: set tenant:"
                        + " to its name or id, not " + tenant.strip());
            }
        } else if (tenant != null) {
            throw new InvalidInputException(account + ": tenant: is for provider microsoft");
        }
        if (serviceAccount != null && provider != OAuthProvider.GOOGLE) {
            throw new InvalidInputException(account + ": service-account-key-file: is for provider google");
        }
        if (provider == OAuthProvider.GOOGLE && !appOnly) {
            require(account, clientId, "client-id", "the OAuth client (a Desktop app) from Google Cloud's Credentials");
            require(account, clientSecret, "client-secret-file", "a file with that client's secret");
        } else if (provider != OAuthProvider.GOOGLE) {
            require(account, clientId, "client-id", "the app's (client) id");
        }
        URI token = url(account, "token-url", tokenUrl, provider.tokenUrl(tenant == null ? null : tenant.strip()));
        if (token == null) {
            throw new InvalidInputException(account + ": oauth2 for provider generic needs token-url: https://…");
        }
        URI device = url(account, "device-authorization-url", deviceAuthorizationUrl,
                provider.deviceAuthorizationUrl(tenant == null ? null : tenant.strip()));
        URI authorization = url(account, "authorization-url", authorizationUrl, provider.authorizationUrl());
        if (provider == OAuthProvider.GENERIC && clientSecret == null && device == null) {
            throw new InvalidInputException(account + ": oauth2 for provider generic needs client-secret-file (the"
                    + " app's own tokens) or device-authorization-url (a person signs in: tenantdesk mail login "
                    + account + ")");
        }
        List<String> scopes = scope == null || scope.isBlank()
                ? provider.scopes(appOnly)
                : Arrays.stream(scope.strip().split("\\s+")).toList();
        return new OAuthSettings(account, provider, user.strip(), tenant == null ? null : tenant.strip(),
                clientId == null ? null : clientId.strip(), clientSecret, serviceAccount, token, device,
                authorization, scopes);
    }

    public Grant grant() {
        return switch (provider) {
            case GOOGLE -> serviceAccount != null ? Grant.SERVICE_ACCOUNT : Grant.SIGNED_IN;
            case MICROSOFT -> clientSecret != null ? Grant.CLIENT_CREDENTIALS : Grant.SIGNED_IN;
            // A secret there may also be the client's login at the token endpoint during a person's sign-in.
            case GENERIC -> deviceAuthorizationUrl != null ? Grant.SIGNED_IN : Grant.CLIENT_CREDENTIALS;
        };
    }

    /**
     * Names the tokens kept for these settings: the same user, app and scopes share them, so that an account and the
     * SMTP server signed in as one mailbox need one sign-in. A hash, so the file name says nothing of the app.
     */
    public String key() {
        String identity = String.join("\n", provider.spelling(), tokenUrl.toString(),
                clientId == null ? "" : clientId, serviceAccount == null ? "" : serviceAccount.toString(),
                grant().name(), user, String.join(" ", scopes));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            String safeUser = user.replaceAll("[^A-Za-z0-9@._+-]", "_");
            return safeUser + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** What to tell a person whose sign-in is missing or gone. */
    String loginCommand() {
        return "run: tenantdesk mail login " + account;
    }

    private static void require(String account, String value, String key, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(account + ": oauth2 needs " + key + ": (" + what + ")");
        }
    }

    /** Tokens and secrets cross these: https only. */
    private static URI url(String account, String key, String text, URI fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            URI uri = new URI(text.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidInputException(account + ": " + key + " must be an https:// URL, not '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException(account + ": " + key + " is not a URL (" + e.getReason() + ")");
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "OAuthSettings[" + account + ", " + provider.spelling() + ", " + user + ", " + grant() + "]";
    }
}
