package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The morning digest, through the outbox to a real SMTP server (GreenMail), on a fixed Monday morning. */
class DigestCommandTest {

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder).env("TZ", "Europe/Oslo")
                .env("TENANTDESK_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort())
                .env("TENANTDESK_MAIL_FROM", "Drift <drift@eiendom.example>");
        config("digest:\n  operators: [drift@eiendom.example, leder@eiendom.example]\n");
        cli.at("2026-11-30T07:00:00Z");
        cli.run("contact", "add", "--name", "Kari", "--email", "kari@leietaker.example");
        cli.run("contact", "add", "--name", "Rørlegger Hansen", "--email", "hansen@ror.example", "--role",
                "contractor");
        cli.run("contact", "add", "--name", "Vaktmester Ola", "--role", "staff");
        cli.run("location", "add", "Bygg A/2. etasje");
        // Monday 1 December, high: answer due the same day; two tasks for the plumber, one late, one for Ola.
        cli.at("2026-12-01T08:00:00Z").create("inquiry", "create", "--title", "Lekkasje i taket", "--tenant", "Kari",
                "--location", "Bygg A/2. etasje", "--priority", "high");
        cli.create("task", "create", "1", "--title", "Bytt pakning", "--assignee", "Rørlegger Hansen", "--due",
                "2026-12-10");
        cli.create("task", "create", "1", "--title", "Tett lekkasje", "--assignee", "Rørlegger Hansen", "--due",
                "2026-12-03");
        long done = cli.create("task", "create", "1", "--title", "Se på taket", "--assignee", "Rørlegger Hansen");
        cli.run("task", "status", Long.toString(done), "done");
        cli.create("task", "create", "1", "--title", "Sjekk vifta", "--assignee", "Vaktmester Ola");
        // Monday 7 December before the office opens: urgent, due at 09:00 today; low, due in two days.
        cli.at("2026-12-07T05:00:00Z").create("inquiry", "create", "--title", "Heisen står", "--tenant", "Kari",
                "--priority", "urgent");
        cli.create("inquiry", "create", "--title", "Ny nøkkel", "--tenant", "Kari", "--priority", "low");
        cli.at("2026-12-07T06:00:00Z"); // 07:00 in Oslo
    }

    private void config(String yaml) throws Exception {
        Path file = folder.resolve("config/tenantdesk/tenantdesk.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private MimeMessage to(String address) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(address)) {
                return message;
            }
        }
        throw new AssertionError("no digest to " + address);
    }

    @Test
    void eachPersonGetsTheirOpenTasksLateFirstAndEachOperatorTheInquiriesDue() throws Exception {
        CommandResult result = cli.run("digest");

        assertThat(result).succeeded().printed("Sent the digest to hansen@ror.example (2 open tasks, 1 late)",
                "Sent the digest to drift@eiendom.example (2 inquiries due, 1 late)",
                "Sent the digest to leder@eiendom.example")
                .saidOnStderr("Vaktmester Ola has 1 open task, 0 late but no e-mail address");
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        MimeMessage hansen = to("hansen@ror.example");
        assertThat(hansen.getSubject()).isEqualTo("Dine åpne oppdrag mandag 7. desember 2026");
        assertThat(hansen.getContent().toString().replace("\r\n", "\n"))
                .contains("Hei Rørlegger Hansen,")
                .contains("du har 2 åpne oppdrag, 1 av dem forsinket")
                .contains("- FORSINKET, frist tor. 3.12. (4 dager over): Tett lekkasje (oppdrag #2)\n"
                        + "  [#1] Lekkasje i taket · Bygg A/2. etasje\n")
                .contains("- frist tor. 10.12.: Bytt pakning (oppdrag #1)")
                .doesNotContain("Se på taket").doesNotContain("Sjekk vifta");
        assertThat(hansen.getContent().toString().replace("\r\n", "\n").indexOf("Tett lekkasje"))
                .isLessThan(hansen.getContent().toString().replace("\r\n", "\n").indexOf("Bytt pakning"));
        for (MimeMessage message : smtp.getReceivedMessages()) {
            assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(message.getHeader("X-Auto-Response-Suppress")).containsExactly("All");
            assertThat(message.getHeader("Precedence")).containsExactly("bulk");
            assertThat(message.getHeader("X-Loop")).containsExactly("tenantdesk");
        }
        String operator = to("leder@eiendom.example").getContent().toString().replace("\r\n", "\n");
        assertThat(to("leder@eiendom.example").getSubject())
                .isEqualTo("Frister: 2 henvendelser forfalt eller forfaller i dag (mandag 7. desember 2026)");
        assertThat(operator)
                .contains("- [#1] Lekkasje i taket (høy) · Bygg A/2. etasje\n  FORSINKET: svarfrist")
                .contains("- [#2] Heisen står (haster)\n  svarfrist man. 7.12. kl. 09:00 (i dag)")
                .doesNotContain("[#3]");
        assertThat(operator.indexOf("[#1]")).isLessThan(operator.indexOf("[#2]"));
        JsonNode outbox = cli.run("outbox", "list", "--all", "--json").json();
        assertThat(outbox).extracting(m -> m.get("kind").asText() + " " + m.get("recipient").asText()
                + " " + m.get("state").asText() + " " + m.get("inquiryId"))
                .containsExactlyInAnyOrder("digest hansen@ror.example sent null",
                        "digest drift@eiendom.example sent null", "digest leder@eiendom.example sent null");
    }

    @Test
    void aSecondRunOnTheSameDaySendsNothingAndSaysSoOnATerminal() {
        assertThat(cli.run("digest")).succeeded();

        CommandResult again = cli.terminal(true).run("digest");

        assertThat(again).succeeded().didNotPrint("Sent")
                .saidOnStderr("hansen@ror.example: already sent today (2 open tasks, 1 late; --force sends again)");
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(cli.terminal(false).run("digest", "--force")).succeeded().printed("Sent the digest to");
        assertThat(smtp.getReceivedMessages()).hasSize(6);
        // The next working day is another day.
        assertThat(cli.at("2026-12-08T06:00:00Z").run("digest")).succeeded();
        assertThat(smtp.getReceivedMessages()).hasSize(9);
    }

    @Test
    void dryRunPrintsEachMessageAndStoresAndSendsNothing() {
        CommandResult result = cli.run("digest", "--dry-run");

        assertThat(result).succeeded().printed("To: Rørlegger Hansen <hansen@ror.example>\n"
                + "Subject: Dine åpne oppdrag mandag 7. desember 2026\n\nHei Rørlegger Hansen,",
                "To: drift@eiendom.example\nSubject: Frister: 2 henvendelser");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(cli.run("outbox", "list", "--all", "--json").json()).isEmpty();
        // Nothing recorded either: the real run afterwards sends all three.
        assertThat(cli.run("digest")).succeeded();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void jsonListsEveryMessageWithWhatBecameOfIt() {
        JsonNode run = cli.run("digest", "--json").json();

        assertThat(run.get("day").asText()).isEqualTo("2026-12-07");
        assertThat(run.get("dryRun").asBoolean()).isFalse();
        List<String> messages = run.get("messages").findValuesAsText("fate");
        assertThat(messages).containsExactly("send", "no-address", "send", "send");
        JsonNode hansen = run.get("messages").get(0);
        assertThat(hansen.get("part").asText()).isEqualTo("tasks");
        assertThat(hansen.get("recipient").get("email").asText()).isEqualTo("hansen@ror.example");
        assertThat(hansen.get("items")).extracting(JsonNode::asLong).containsExactly(2L, 1L);
        assertThat(hansen.get("late").asInt()).isEqualTo(1);
        assertThat(hansen.get("state").asText()).isEqualTo("sent");
        assertThat(run.get("messages").get(1).get("recipient").get("email").isNull()).isTrue();
        assertThat(run.get("messages").get(2).get("part").asText()).isEqualTo("operator");
    }

    @Test
    void nobodyWithNothingOpenGetsAnything() {
        cli.run("task", "status", "1", "done");
        cli.run("task", "status", "2", "done");
        cli.run("task", "status", "4", "done");
        cli.run("status", "1", "done");
        cli.run("status", "2", "done");

        assertThat(cli.run("digest")).succeeded().printed("No one has open tasks and nothing is due: no digest was sent.");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withNoOperatorsConfiguredTheInquiriesDueGoToNoOneAndATerminalIsToldSo() throws Exception {
        config("digest:\n  operators: []\n");

        CommandResult onTerminal = cli.terminal(true).run("digest", "--dry-run");
        CommandResult inCron = cli.terminal(false).run("digest");

        assertThat(onTerminal).succeeded().printed("To: Rørlegger Hansen <hansen@ror.example>")
                .saidOnStderr("tenantdesk: the 2 inquiries late or due today go to no one: no operators are"
                        + " configured (digest: operators:)");
        assertThat(inCron).succeeded().printed("Sent the digest to hansen@ror.example (2 open tasks, 1 late)");
        assertThat(inCron.err()).doesNotContain("operators");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withNoOpenTasksAndNoOperatorsItSaysSoRatherThanThatNothingIsDue() throws Exception {
        Files.delete(folder.resolve("config/tenantdesk/tenantdesk.yaml"));
        cli.run("task", "status", "1", "done");
        cli.run("task", "status", "2", "done");
        cli.run("task", "status", "4", "done");

        CommandResult result = cli.terminal(true).run("digest");

        assertThat(result).succeeded().printed("No one has open tasks, and no operators are configured (digest:"
                + " operators:) for the 2 inquiries late or due today: no digest was sent.").didNotPrint("Nothing open");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        cli.run("status", "2", "done");
        assertThat(cli.run("digest", "--dry-run")).succeeded().printed("for the 1 inquiry late or due today: no"
                + " digest would be sent.");
    }

    @Test
    void aBadDigestConfigIsOneLineAndExitTwo() throws Exception {
        config("digest:\n  operators: [drift]\n");
        assertThat(cli.run("digest")).failedWith(2, "digest: operators: 'drift' is not an e-mail address");
        config("digest:\n  tasks-template: \"Hei {navn}\"\n");
        assertThat(cli.run("digest", "--dry-run")).failedWith(2, "unknown field {navn}");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutAMailServerNothingIsQueued() {
        cli.env("TENANTDESK_SMTP_URL", null);

        assertThat(cli.run("digest")).failedWith(2, "no mail server to send through");
        assertThat(cli.run("outbox", "list", "--all", "--json").json()).isEmpty();
    }
}
