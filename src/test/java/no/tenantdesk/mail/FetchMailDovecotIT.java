package no.tenantdesk.mail;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Dovecot;
import no.tenantdesk.testing.Maildir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cron job end to end against a real IMAP server (Dovecot from Debian, on loopback): an account from the config
 * file, its password from a file, the tenant's mail and their answer filed, moved to the archive folder on the
 * server only once stored.
 */
class FetchMailDovecotIT {

    @RegisterExtension
    final Dovecot dovecot = new Dovecot();

    @TempDir
    Path folder;

    @Test
    void theCronJobFilesMailFromAConfiguredAccountAndMovesItToTheArchive() throws Exception {
        dovecot.createFolder("Arkiv");
        dovecot.deliver(fixture("threading/leak-in-office-204.eml"));
        dovecot.deliver(fixture("threading/answer-in-reply-to.eml"));
        dovecot.deliver(fixture("threading/out-of-office-answer.eml"));
        Path password = Files.writeString(folder.resolve("drift.password"), dovecot.password() + "\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path config = Files.writeString(folder.resolve("tenantdesk.yaml"), String.join("\n",
                "mail:",
                "  accounts:",
                "    drift:",
                "      source: " + dovecot.uri("INBOX"),
                "      password-file: " + password,
                "      after-import: move",
                "      move-to: Arkiv",
                "      # a Dovecot on loopback without TLS",
                "      tls: none",
                ""));
        Cli cli = new Cli(folder).env("TENANTDESK_CONFIG", config.toString());

        CommandResult result = cli.run("fetch-mail", "--json");

        assertThat(result).succeeded();
        JsonNode summary = result.json();
        assertThat(summary.get("created").asInt()).isEqualTo(1);
        assertThat(summary.get("threaded").asInt()).isEqualTo(1);
        assertThat(summary.get("skipped").get("auto-reply").asInt()).isEqualTo(1);
        assertThat(messagesIn(dovecot.folder("INBOX"))).isZero();
        assertThat(messagesIn(dovecot.folder("Arkiv"))).isEqualTo(3);
        JsonNode inquiry = cli.run("inquiry", "show", "1", "--json").json();
        assertThat(inquiry.get("title").asText()).isEqualTo("Lekkasje i taket på kontor 204");
        assertThat(inquiry.get("comments").get(0).get("body").asText()).isEqualTo("Nå drypper det også ved døren.");

        CommandResult again = cli.run("fetch-mail");
        assertThat(again).succeeded().stderrIsEmpty();
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).hasSize(1);
    }

    private static String fixture(String name) {
        return new String(Maildir.fixture(name), StandardCharsets.UTF_8);
    }

    /** Messages in a Maildir folder on the server's disk, new and cur. */
    static long messagesIn(Path maildir) throws Exception {
        long count = 0;
        for (String sub : new String[] {"new", "cur"}) {
            Path dir = maildir.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    count += files.count();
                }
            }
        }
        return count;
    }
}
