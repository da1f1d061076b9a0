package no.tenantdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import no.tenantdesk.config.Config;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.oauth.AccessTokens;
import no.tenantdesk.mail.oauth.OAuthSettings;
import no.tenantdesk.mail.oauth.SignIn;
import no.tenantdesk.mail.oauth.TokenEndpoint;
import no.tenantdesk.mail.oauth.TokenStore;

/**
 * The OAuth 2.0 side of the config: an account's or the SMTP server's oauth2 block turned into settings, with its
 * secret read from its file, and the tokens kept in $XDG_STATE_HOME/tenantdesk/oauth. Made only for a command that
 * logs in by OAuth, so that no other loads any of it. {@code smtp} names the SMTP server.
 */
final class OAuthLogins {

    static final String SMTP = "smtp";

    private final App app;

    OAuthLogins(App app) {
        this.app = app;
    }

    /**
     * New for every command: the daemon keeps none. Typed as the interface so that verifying a caller loads no class
     * of mail.oauth.
     */
    BearerTokens tokens(String name, String uri, String user, Config.OAuth2 oauth2) {
        return new AccessTokens(settings(name, uri, user, oauth2), store(), new TokenEndpoint(null),
                app.environment().clock());
    }

    /** A sign-in for an account, or for {@link #SMTP}; the lines for the person go to {@code tell}. */
    SignIn signIn(String name, Consumer<String> tell) {
        Config.Mail mail = app.config().mail();
        OAuthSettings settings;
        if (name.equals(SMTP) && !mail.accounts().containsKey(SMTP)) {
            Config.Smtp smtp = mail.smtp();
            if (smtp == null || smtp.oauth2() == null) {
                throw new InvalidInputException("the SMTP server logs in " + (smtp == null ? "nowhere: the config has"
                        + " no mail: smtp:" : "with a password, not OAuth 2.0 (no oauth2: under mail: smtp:)"));
            }
            settings = settings(SMTP, smtp.url(), smtp.user(), smtp.oauth2());
        } else {
            Map<String, Config.Account> accounts = mail.accounts();
            Config.Account account = accounts.get(name);
            if (account == null) {
                throw new InvalidInputException("no account '" + name + "' in the config file (accounts: "
                        + (accounts.isEmpty() ? "none" : String.join(", ", accounts.keySet()))
                        + (mail.smtp() != null && mail.smtp().oauth2() != null ? "; or smtp" : "") + ")");
            }
            if (account.oauth2() == null) {
                throw new InvalidInputException(name + ": the account logs in with a password, not OAuth 2.0 (no"
                        + " oauth2: in its config)");
            }
            settings = settings(name, account.source(), account.user(), account.oauth2());
        }
        return new SignIn(settings, store(), new TokenEndpoint(null), app.environment().clock(), tell);
    }

    private OAuthSettings settings(String name, String uri, String user, Config.OAuth2 o) {
        String login = ServerAddress.parse(name, ServerAddress.withUser(name, uri, user)).user();
        return OAuthSettings.of(name, o.provider(), login, o.tenant(), o.clientId(),
                o.clientSecretFile() == null ? null : Passwords.read(app.environment().path(o.clientSecretFile())),
                o.serviceAccountKeyFile() == null ? null : keyFile(app.environment().path(o.serviceAccountKeyFile())),
                o.tokenUrl(), o.deviceAuthorizationUrl(), o.authorizationUrl(), o.scope());
    }

    private static Path keyFile(Path file) {
        try {
            return Passwords.ownersOnly(file, "service account key");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the service account key " + file + ": "
                    + (Files.exists(file) ? "permission denied" : "no such file"));
        }
    }

    private TokenStore store() {
        return new TokenStore(app.environment().xdg("XDG_STATE_HOME", ".local/state").resolve("tenantdesk/oauth"));
    }
}
