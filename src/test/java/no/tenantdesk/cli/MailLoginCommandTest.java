package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config's oauth2 blocks as a user meets them before any token exists: who has to sign in, which account is
 * meant, and a token endpoint that does not answer. None of this reaches a mail server.
 */
class MailLoginCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).env("XDG_STATE_HOME", folder.resolve("state").toString());
    }

    Cli config(String... lines) throws Exception {
        Path config = Files.writeString(folder.resolve("tenantdesk.yaml"), String.join("\n", lines) + "\n");
        return cli.env("TENANTDESK_CONFIG", config.toString());
    }

    Cli microsoft(String extra) throws Exception {
        Files.writeString(folder.resolve("drift.password"), "pw\n");
        return config(
                "mail:",
                "  from: Drift <drift@eiendom.no>",
                "  smtp:",
                "    url: smtp://smtp.office365.com:587",
                "    user: drift@eiendom.no",
                "    oauth2: {provider: microsoft, tenant: eiendom.onmicrosoft.com, client-id: 3f2b0c6e" + extra + "}",
                "  accounts:",
                "    drift:",
                "      source: imaps://outlook.office365.com/INBOX",
                "      user: drift@eiendom.no",
                "      oauth2:",
                "        provider: microsoft",
                "        tenant: eiendom.onmicrosoft.com",
                "        client-id: 3f2b0c6e",
                "        token-url: https://127.0.0.1:1/token",
                "        device-authorization-url: https://127.0.0.1:1/devicecode",
                "    vaktmester:",
                "      source: pop3s://vaktmester@pop.eiendom.no",
                "      password-file: " + folder.resolve("drift.password"));
    }

    @Test
    void fetchMailFromAnAccountNoOneSignedInToSaysWhatToRun() throws Exception {
        CommandResult result = microsoft("").run("fetch-mail", "--account", "drift");

        assertThat(result).failedWith(2, "drift: no one has signed in to drift@eiendom.no yet; run: tenantdesk mail"
                + " login drift");
    }

    @Test
    void aReplyThroughAServerNoOneSignedInToIsKeptAndSaysWhatToRun() throws Exception {
        long id = microsoft("").create("inquiry", "create", "--title", "Heisen", "--tenant", "kari@leietaker.no");

        CommandResult result = cli.run("reply", String.valueOf(id), "-m", "Heisen er reparert.");

        assertThat(result).exitedWith(4).saidOnStderr("smtp: no one has signed in to drift@eiendom.no yet; run:"
                + " tenantdesk mail login smtp");
        assertThat(cli.run("outbox", "list", "--json").json().get(0).get("state").asText()).isEqualTo("queued");
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerIsATemporaryFailure() throws Exception {
        CommandResult result = microsoft("").run("mail", "login", "drift");

        assertThat(result).failedWith(75, "drift: the token endpoint https://127.0.0.1:1 cannot be reached (connection refused); try"
                + " again later");
    }

    @Test
    void anUnknownAccountIsNamedWithTheOnesThereAre() throws Exception {
        assertThat(microsoft("").run("mail", "login", "drfit"))
                .failedWith(2, "no account 'drfit' in the config file (accounts: drift, vaktmester; or smtp)");
        assertThat(cli.run("mail", "login", "vaktmester"))
                .failedWith(2, "vaktmester: the account logs in with a password, not OAuth 2.0");
    }

    @Test
    void oauth2BesideAPasswordFileIsAnError() throws Exception {
        CommandResult result = config(
                "mail:",
                "  accounts:",
                "    drift:",
                "      source: imaps://drift%40eiendom.no@outlook.office365.com/INBOX",
                "      password-file: /etc/tenantdesk/drift.password",
                "      oauth2: {provider: microsoft, tenant: eiendom.onmicrosoft.com, client-id: x}")
                .run("fetch-mail");

        assertThat(result).failedWith(2, "account 'drift': give password-file or oauth2, not both");
    }

    @Test
    void settingsThatCannotWorkAreNamed() throws Exception {
        assertThat(microsoft(", scope: x, token-url: http://login.example/token").run("mail", "login", "smtp"))
                .failedWith(2, "smtp: token-url must be an https:// URL, not 'http://login.example/token'");
        assertThat(config("mail:", "  accounts:", "    drift:", "      source: imaps://d@h/INBOX",
                "      oauth2: {provider: azure}").run("mail", "login", "drift"))
                .failedWith(2, "drift: unknown oauth2 provider 'azure' (valid: microsoft, google, generic)");
        assertThat(config("mail:", "  accounts:", "    drift:", "      source: imaps://d@h/INBOX",
                "      oauth2: {provider: microsoft, client-id: x}").run("mail", "login", "drift"))
                .failedWith(2, "drift: oauth2 needs tenant: (the directory's name or id, like eiendom.onmicrosoft.com)");
        assertThat(config("mail:", "  accounts:", "    drift:", "      source: imaps://d@h/INBOX", "      user: e@h",
                "      oauth2: {provider: google}").run("mail", "login", "drift"))
                .failedWith(2, "drift: the URL logs in as d but user: says e@h; give the user once");
    }

    @Test
    void theStateFolderIsLeftAloneByACommandThatFailsBeforeATokenExists() throws Exception {
        microsoft("").run("fetch-mail", "--account", "drift");

        assertThat(folder.resolve("state/tenantdesk/oauth/drift@eiendom.no-")).doesNotExist();
        assertThat(Files.exists(folder.resolve("state/tenantdesk/oauth"))).isTrue();
    }
}
