package no.tenantdesk.mail.oauth;

import no.tenantdesk.mail.oauth.OAuthSettings.Grant;

/**
 * What to do when a mail server refuses a token its authorization server just gave: the permission the app lacks, the
 * mailbox access an administrator has to grant, or a sign-in to do again. Microsoft's tokens name their permissions,
 * so for them the advice can say which one is missing; from Microsoft's "Authenticate an IMAP, POP or SMTP connection
 * using OAuth" and Google's "OAuth 2.0 Mechanism" (IMAP, POP and SMTP).
 */
final class RefusalAdvice {

    private RefusalAdvice() {}

    static String of(OAuthSettings s, String protocol, TokenClaims claims) {
        String kind = protocol.startsWith("imap") ? "IMAP" : protocol.startsWith("pop3") ? "POP" : "SMTP";
        return switch (s.provider()) {
            case MICROSOFT -> s.grant() == Grant.CLIENT_CREDENTIALS ? microsoftApp(s, kind, claims)
                    : microsoftUser(s, kind, claims);
            case GOOGLE -> s.grant() == Grant.SERVICE_ACCOUNT
                    ? "check that the service account's client ID has domain-wide delegation for "
                            + String.join(",", s.scopes()) + " and that " + kind + " is on for " + s.user()
                    : "check that " + kind + " is on for " + s.user() + " (Gmail settings, and the Admin console),"
                            + " or " + s.loginCommand();
            case GENERIC -> s.grant() == Grant.SIGNED_IN
                    ? "check that the scope (" + String.join(" ", s.scopes()) + ") lets the server take the token, or "
                            + s.loginCommand()
                    : "check that the scope (" + String.join(" ", s.scopes()) + ") lets the server take the token and"
                            + " that the app may open " + s.user();
        };
    }

    private static String microsoftApp(OAuthSettings s, String kind, TokenClaims claims) {
        String permission = kind.equals("SMTP") ? "SMTP.SendAsApp" : kind + ".AccessAsApp";
        if (claims.known() && !claims.roles().contains(permission)) {
            return "the app lacks " + permission + ": in Entra ID add it under API permissions (Office 365 Exchange"
                    + " Online, Application permissions) and grant admin consent";
        }
        String access = "in Exchange Online PowerShell, New-ServicePrincipal -AppId " + s.clientId()
                + " -ObjectId <the enterprise application's object id>, then Add-MailboxPermission -Identity "
                + s.user() + " -User <that id> -AccessRights FullAccess";
        return kind.equals("SMTP")
                ? "the app has " + permission + " but may not send as " + s.user() + ", or SMTP AUTH is off for it:"
                        + " Set-CASMailbox -Identity " + s.user() + " -SmtpClientAuthenticationDisabled $false; and "
                        + access
                : "the app has " + permission + " but no access to the mailbox " + s.user() + ": " + access;
    }

    private static String microsoftUser(OAuthSettings s, String kind, TokenClaims claims) {
        String permission = kind.equals("SMTP") ? "SMTP.Send" : kind + ".AccessAsUser.All";
        if (claims.known() && !claims.scopes().contains(permission)) {
            return "the sign-in lacks " + permission + ": add it under API permissions (Delegated), then "
                    + s.loginCommand();
        }
        return kind.equals("SMTP")
                ? "SMTP AUTH may be off for " + s.user() + ": Set-CASMailbox -Identity " + s.user()
                        + " -SmtpClientAuthenticationDisabled $false; or the signed-in user may not send as it"
                : kind + " may be off for " + s.user() + " (Set-CASMailbox -Identity " + s.user() + " -"
                        + (kind.equals("IMAP") ? "Imap" : "Pop") + "Enabled $true), or the signed-in user may not"
                        + " open it: " + s.loginCommand() + " as " + s.user();
    }
}
