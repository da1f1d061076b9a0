package no.tenantdesk.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import no.tenantdesk.mail.oauth.OAuthSettings.Grant;
import no.tenantdesk.mail.oauth.SignIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "login", description = {
    "Sign in once to a mailbox that logs in by OAuth 2.0 (an account with oauth2: in the config file, or smtp for"
        + " the server replies go out through), so that fetch-mail and reply can get tokens without you from then on.",
    "Microsoft 365: open the page shown, on any device, and enter the code. Google Workspace: open the address shown"
        + " in a browser on this machine (or through ssh -L PORT:127.0.0.1:PORT with --port). A generic provider"
        + " signs in by device code (device-authorization-url).",
    "The refresh token is kept for you alone in $XDG_STATE_HOME/tenantdesk/oauth (~/.local/state/tenantdesk/oauth),"
        + " and renewed as it is used; tokens are never printed. Sign in again when a command says so (a revoked"
        + " or expired sign-in, a new permission).",
    "An app-only account (a client secret, or a Google service account's key) needs no sign-in: this then checks"
        + " that the token endpoint takes the app's credentials."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk mail login drift",
            "  tenantdesk mail login smtp",
            "  tenantdesk mail login drift --port 8765     # Google, over ssh -L 8765:127.0.0.1:8765",
            "  tenantdesk fetch-mail --account drift --dry-run   # then: is the mailbox read?",
        })
final class MailLoginCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ACCOUNT", description = "An account under mail: accounts: in the config file, or smtp.")
    private String account;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Google: the port on 127.0.0.1 the browser comes back to (default: any free one).")
    private int port;

    MailLoginCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new no.tenantdesk.domain.InvalidInputException("--port takes 1 to 65535, not " + port);
        }
        Output output = app.output(spec);
        SignIn.Result result = app.oauth()
                .signIn(account, line -> {
                    spec.commandLine().getErr().println(line);
                    spec.commandLine().getErr().flush();
                })
                .run(port);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("account", result.account());
            json.put("user", result.user());
            json.put("grant", result.grant().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            json.put("signedIn", result.signedIn());
            json.put("file", result.file().toString());
            output.json(json);
        } else if (result.grant() == Grant.SIGNED_IN) {
            output.done("Signed in as " + result.user() + " for " + result.account() + "; the sign-in is kept in "
                    + result.file() + ", for you alone.");
        } else {
            output.done(result.account() + " logs in app-only (" + (result.grant() == Grant.SERVICE_ACCOUNT
                    ? "a service account" : "client credentials") + "): the token endpoint gave a token for "
                    + result.user() + ", so there is nothing to sign in.");
        }
        return ExitCodes.OK;
    }
}
