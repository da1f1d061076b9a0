package no.tenantdesk.mail.oauth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import no.tenantdesk.domain.InvalidInputException;

/** Whose authorization server issues the tokens, and what it takes by default: endpoints and scopes. */
// Its lists are List.of, which cannot be changed.
@SuppressWarnings("ImmutableEnumChecker")
public enum OAuthProvider {

    /**
     * Microsoft Entra ID for Exchange Online. App-only tokens name the resource with "/.default" and carry the
     * application permissions (IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp) the admin consented to; a user's
     * sign-in asks for the delegated ones, and offline_access for a refresh token.
     */
    MICROSOFT("microsoft",
            List.of("https://outlook.office365.com/.default"),
            List.of("https://outlook.office.com/IMAP.AccessAsUser.All",
                    "https://outlook.office.com/POP.AccessAsUser.All",
                    "https://outlook.office.com/SMTP.Send", "offline_access")),

    /** Google Workspace: one scope for IMAP, POP3 and SMTP, for a service account and a user alike. */
    GOOGLE("google", List.of("https://mail.google.com/"), List.of("https://mail.google.com/")),

    /** Any other OAuth 2.0 server: endpoints and scope from the config. */
    GENERIC("generic", List.of(), List.of());

    static final URI GOOGLE_TOKEN_URL = URI.create("https://oauth2.googleapis.com/token");
    static final URI GOOGLE_AUTHORIZATION_URL = URI.create("https://accounts.google.com/o/oauth2/v2/auth");

    private final String spelling;
    private final List<String> appScopes;
    private final List<String> userScopes;

    OAuthProvider(String spelling, List<String> appScopes, List<String> userScopes) {
        this.spelling = spelling;
        this.appScopes = appScopes;
        this.userScopes = userScopes;
    }

    public String spelling() {
        return spelling;
    }

    public static OAuthProvider parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(name + ": oauth2 needs a provider: microsoft, google or generic");
        }
        for (OAuthProvider provider : values()) {
            if (provider.spelling.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return provider;
            }
        }
        throw new InvalidInputException(name + ": unknown oauth2 provider '" + text
                + "' (valid: microsoft, google, generic)");
    }

    List<String> scopes(boolean appOnly) {
        return appOnly ? appScopes : userScopes;
    }

    /** Microsoft's endpoints are per tenant: https://login.microsoftonline.com/TENANT/oauth2/v2.0/token. */
    URI tokenUrl(String tenant) {
        return switch (this) {
            case MICROSOFT -> microsoft(tenant, "token");
            case GOOGLE -> GOOGLE_TOKEN_URL;
            case GENERIC -> null;
        };
    }

    URI deviceAuthorizationUrl(String tenant) {
        return this == MICROSOFT ? microsoft(tenant, "devicecode") : null;
    }

    URI authorizationUrl() {
        return this == GOOGLE ? GOOGLE_AUTHORIZATION_URL : null;
    }

    private static URI microsoft(String tenant, String endpoint) {
        return URI.create("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/" + endpoint);
    }
}
