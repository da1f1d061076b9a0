package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password written into a server URL, against the advice, never reaches stderr, --json or the records, whatever
 * characters it holds: each one that ends a part of a URL, and some that are not ASCII.
 */
class PasswordsAreNeverPrintedTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).env("TENANTDESK_MAIL_FROM", "drift@eiendom.example");
    }

    static void assertSecret(CommandResult result, String password) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).as(result.toString()).hasSize(1);
        assertThat(result.out() + result.err()).as(result.toString()).doesNotContain(password)
                .doesNotContain(secretPart(password));
    }

    /** The password without its special character: what a cut at that character would have left. */
    static String secretPart(String password) {
        return password.substring(password.length() - 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hemm/elig12", "hemm#elig12", "hemm?elig12", "hemm@elig12", "hemm:elig12",
        "hemm%elig12", "hemm elig12", "hemmælig12ø", "pass/#?@:% wørd"})
    void serverAddressesNeverShowIt(String password) {
        for (String url : new String[] {"imaps://drift:" + password + "@imap.example.no/INBOX",
            "smtps://post:" + password + "@smtp.example.no", "imaps:drift:" + password + "@imap.example.no",
            "drift:" + password + "@imap.example.no"}) {
            assertThat(ServerAddress.withoutPassword(url)).doesNotContain(secretPart(password));
            assertThatThrownBy(() -> ServerAddress.parse(ServerAddress.withoutPassword(url), url))
                    .isInstanceOf(InvalidInputException.class)
                    .message().doesNotContain(secretPart(password));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hemm/elig12", "hemm#elig12", "hemm?elig12", "hemm@elig12", "hemm:elig12",
        "hemm%elig12", "hemm elig12", "hemmælig12ø"})
    void fetchMailNeverShowsIt(String password) throws IOException {
        String uri = "imaps://drift:" + password + "@imap.example.no/INBOX";
        assertSecret(cli.run("fetch-mail", "--source", uri), password);
        assertSecret(cli.run("fetch-mail", "--source", uri, "--json"), password);

        Path config = Files.writeString(folder.resolve("tenantdesk.yaml"),
                "mail:\n  accounts:\n    drift:\n      source: \"" + uri + "\"\n");
        assertSecret(cli.run("--config", config.toString(), "fetch-mail", "--json"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hemm/elig12", "hemm#elig12", "hemm?elig12", "hemm@elig12", "hemm:elig12",
        "hemm%elig12", "hemm elig12", "hemmælig12ø"})
    void replyAndTheOutboxNeverShowIt(String password) {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje", "--tenant", "kari@example.no");
        cli.env("TENANTDESK_SMTP_URL", "smtp://post:" + password + "@smtp.example.no:587");

        assertSecret(cli.run("reply", String.valueOf(id), "-m", "Vi kommer."), password);
        assertSecret(cli.run("outbox", "send"), password);
        assertSecret(cli.run("outbox", "list", "--json"), password);
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedLikeAnSshKey() throws IOException {
        Path file = Files.writeString(folder.resolve("smtp.password"), "hemmelig\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path config = Files.writeString(folder.resolve("tenantdesk.yaml"), "mail:\n  from: drift@eiendom.example\n"
                + "  smtp:\n    url: smtps://post@smtp.example.no\n    password-file: " + file + "\n");

        CommandResult refused = cli.run("--config", config.toString(), "outbox", "send");

        assertThat(refused).failedWith(2, "the password file " + file + " can be read or changed by other users"
                + " (mode 0644); make it yours alone: chmod 600 " + file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(cli.run("--config", config.toString(), "outbox", "send")).succeeded();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));
        assertThat(cli.run("--config", config.toString(), "outbox", "send").exitCode()).isEqualTo(2);
    }
}
