package no.tenantdesk.mail.oauth;

import java.util.Map;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.oauth.OAuthSettings.Grant;

/**
 * What an authorization server's refusal means for the person who has to fix it: one line naming the account and what
 * to do, from the codes Microsoft (AADSTS…, in "Microsoft Entra authentication and authorization error codes") and
 * Google ("Using OAuth 2.0 for Server to Server Applications", "OAuth 2.0 for Mobile &amp; Desktop Apps") document,
 * and RFC 6749's own. Such a refusal will not go away by trying again: exit 2. A server that says it is busy: 75.
 */
final class OAuthErrors {

    /** Microsoft's codes that mean the person has to sign in again. */
    private static final Map<Integer, String> SIGN_IN_AGAIN = Map.ofEntries(
            Map.entry(50076, "the tenant now asks for multi-factor authentication"),
            Map.entry(50079, "the tenant now asks for multi-factor authentication"),
            Map.entry(50078, "the multi-factor authentication has expired"),
            Map.entry(50132, "the sign-in was revoked (a password change, or an administrator)"),
            Map.entry(50133, "the sign-in was revoked by a password change"),
            Map.entry(50173, "the sign-in was revoked (a password change, or an administrator)"),
            Map.entry(54005, "the sign-in's code was used already"),
            Map.entry(70008, "the sign-in has expired"),
            Map.entry(700082, "the sign-in has expired after 90 days unused"),
            Map.entry(700084, "the sign-in has expired"));

    private OAuthErrors() {}

    static TenantdeskException explain(OAuthSettings settings, TokenError e) {
        String account = settings.account();
        String label = " (" + e.label() + ")";
        if (e.error.equals("temporarily_unavailable") || e.error.equals("server_error")) {
            return new TemporaryFailureException(account + ": the token endpoint " + settings.tokenUrl()
                    + " cannot answer now" + label + (e.summary().isEmpty() ? "" : ": " + e.summary())
                    + "; try again later", e);
        }
        String advice = settings.provider() == OAuthProvider.MICROSOFT ? microsoft(settings, e) : null;
        if (advice == null && settings.provider() == OAuthProvider.GOOGLE) {
            advice = google(settings, e);
        }
        if (advice == null) {
            advice = standard(settings, e);
        }
        return new InvalidInputException(account + ": " + advice.replace("{label}", label), e);
    }

    private static String microsoft(OAuthSettings s, TokenError e) {
        Integer code = e.aadsts().orElse(null);
        if (code == null) {
            return null;
        }
        String again = SIGN_IN_AGAIN.get(code);
        if (again != null) {
            return again + "{label}; " + s.loginCommand();
        }
        return switch (code) {
            case 700016 -> "the app " + s.clientId() + " is not known in tenant " + s.tenant() + "{label}; check"
                    + " client-id and tenant, and that an administrator consented to the app in that tenant";
            case 90002, 900023, 90072 -> "no tenant " + s.tenant() + " at Microsoft{label}; check tenant: (the"
                    + " directory's name, like eiendom.onmicrosoft.com, or its id)";
            case 7000215 -> "the app's client secret is wrong{label}; put the secret's Value, not its Secret ID, in"
                    + " client-secret-file";
            case 7000222 -> "the app's client secret has expired{label}; make a new one (Certificates & secrets) and"
                    + " put it in client-secret-file";
            case 7000218 -> "the app takes no sign-in by device code{label}; in Entra ID, the app's Authentication"
                    + " page, set Allow public client flows to Yes, then " + s.loginCommand();
            case 65001 -> (s.grant() == Grant.CLIENT_CREDENTIALS
                    ? "no administrator has consented to the app's permissions"
                    : "no one has consented to the app's permissions for this user") + "{label}; in Entra ID, the"
                    + " app's API permissions, press Grant admin consent"
                    + (s.grant() == Grant.CLIENT_CREDENTIALS ? "" : ", then " + s.loginCommand());
            case 500011 -> "tenant " + s.tenant() + " has no Exchange Online{label}; check tenant:";
            case 70011, 1002012 -> "the scope " + String.join(" ", s.scopes()) + " is not valid{label}; leave"
                    + " scope: out of the config";
            case 650057, 65002 -> "the app lacks the permission it asked for{label}; add it under API permissions"
                    + " (Office 365 Exchange Online) and grant admin consent";
            case 50194 -> "the app belongs to one tenant{label}; set tenant: to that tenant, not " + s.tenant();
            case 50020, 50034 -> "the user is not in tenant " + s.tenant() + "{label}; " + s.loginCommand()
                    + " with an account of that tenant";
            case 53003 -> "Conditional Access blocks the sign-in{label}; ask an administrator to allow it";
            case 50053, 50057 -> "the user's account is locked or disabled{label}; ask an administrator";
            default -> null;
        };
    }

    private static String google(OAuthSettings s, TokenError e) {
        String text = e.description == null ? "" : e.description;
        if (s.grant() == Grant.SERVICE_ACCOUNT) {
            if (e.error.equals("unauthorized_client")) {
                return "the service account may not act for users{label}; in the Google Admin console (Security, API"
                        + " controls, Domain-wide delegation) add its client ID with the scope "
                        + String.join(",", s.scopes());
            }
            if (text.contains("Invalid email or User ID")) {
                return "no user " + s.user() + " in the Google Workspace domain{label}; check user:";
            }
            if (text.contains("Invalid JWT Signature")) {
                return "the service account's key is no longer valid (deleted or replaced){label}; make a new key"
                        + " and put it in service-account-key-file";
            }
            if (text.contains("Invalid JWT")) {
                return "Google refused the signed request: " + e.summary() + "{label}; check this machine's clock";
            }
            if (e.error.equals("invalid_client")) {
                return "Google does not know the service account{label}; check service-account-key-file";
            }
            return null;
        }
        if (e.error.equals("invalid_client")) {
            return (text.contains("not found") ? "Google does not know the client " + s.clientId()
                    : "Google refused the client's secret") + "{label}; check client-id and client-secret-file";
        }
        if (e.error.equals("deleted_client") || e.error.equals("disabled_client")) {
            return "the OAuth client " + s.clientId() + " was "
                    + (e.error.startsWith("deleted") ? "deleted" : "disabled")
                    + "{label}; make a new one (a Desktop app) and set client-id and client-secret-file";
        }
        if (e.error.equals("admin_policy_enforced") || e.error.equals("org_internal")) {
            return "the Google Workspace admin does not allow this app{label}; ask them to trust client "
                    + s.clientId() + " (Security, API controls, App access control)";
        }
        return null;
    }

    private static String standard(OAuthSettings s, TokenError e) {
        String what = e.summary().isEmpty() ? "" : ": " + e.summary();
        return switch (e.error) {
            case "invalid_grant" -> s.grant() == Grant.SIGNED_IN
                    ? "the sign-in has expired or was revoked{label}; " + s.loginCommand()
                    : "the token endpoint refused the grant" + what + "{label}";
            case "invalid_client" -> "the token endpoint does not know the app or its secret" + what + "{label}; check"
                    + " client-id and client-secret-file";
            case "unauthorized_client" -> "the app may not get tokens this way" + what + "{label}; check the app's"
                    + " settings at " + s.tokenUrl().getHost();
            case "invalid_scope" -> "the scope " + String.join(" ", s.scopes()) + " is not valid" + what
                    + "{label}; check scope:";
            case "access_denied" -> "the sign-in was refused" + what + "{label}; " + s.loginCommand();
            case "expired_token" -> "the code was not entered in time{label}; " + s.loginCommand();
            case "consent_required", "interaction_required", "login_required" -> "the user must sign in again" + what
                    + "{label}; " + s.loginCommand();
            default -> "the token endpoint refused" + what + "{label}";
        };
    }
}
