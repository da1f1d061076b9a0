package no.tenantdesk.mail.out;

import static no.tenantdesk.mail.out.FakeSmtpServer.CUT;
import static no.tenantdesk.mail.out.FakeSmtpServer.SILENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.tenantdesk.mail.out.FakeSmtpServer.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the outbox is told when sending fails, against a scripted server: try later, refused for good, or perhaps
 * delivered.
 */
class SmtpSenderFailureTest {

    @TempDir
    Path dir;

    private static Throwable send(FakeSmtpServer server, OutgoingMail mail) {
        SmtpSender sender = new SmtpSender(SmtpSettings.parse(server.url(), null).withTimeout(Duration.ofSeconds(2)));
        return catchThrowable(() -> sender.send(mail));
    }

    private static Throwable send(Map<Step, String> script) throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(script)) {
            return send(server, Mails.reply("reply.12.7@eiendom.example"));
        }
    }

    private static void assertDeferred(Throwable failure, SendOutcome outcome, int code, String message) {
        assertThat(failure).isInstanceOfSatisfying(SendDeferredException.class, e -> {
            assertThat(e.outcome()).isEqualTo(outcome);
            assertThat(e.replyCode()).isEqualTo(code);
        }).hasMessageStartingWith("smtp://127.0.0.1:").hasMessageContaining(message);
        assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain("\r");
    }

    private static void assertRefused(Throwable failure, SendOutcome outcome, int code, String message) {
        assertThat(failure).isInstanceOfSatisfying(SendRefusedException.class, e -> {
            assertThat(e.outcome()).isEqualTo(outcome);
            assertThat(e.replyCode()).isEqualTo(code);
        }).hasMessageStartingWith("smtp://127.0.0.1:").hasMessageContaining(message);
        assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void aServerThatWorksGivesItsAnswer() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Map.of())) {
            String reply = new SmtpSender(SmtpSettings.parse(server.url(), null))
                    .send(Mails.reply("reply.12.7@eiendom.example"));

            assertThat(reply).isEqualTo("250 2.0.0 Ok: queued as FAKE1");
            assertThat(server.commands()).contains("MAIL FROM:<post@eiendom.example>", "RCPT TO:<kari@example.no>");
        }
    }

    @Test
    void aBusyGreetingIsDeferred() throws Exception {
        assertDeferred(send(Map.of(Step.GREETING, "421 4.3.2 Too many connections, try later")),
                SendOutcome.DEFERRED, 421, ": the server takes no mail now: 421 4.3.2 Too many connections, try later");
    }

    @Test
    void aRefusedGreetingIsASetupProblem() throws Exception {
        assertRefused(send(Map.of(Step.GREETING, "554 5.7.1 Your IP is on our block list")),
                SendOutcome.SETUP, 554, ": the server refused the session: 554 5.7.1 Your IP is on our block list");
    }

    @Test
    void anUnknownRecipientIsRefusedForGood() throws Exception {
        assertRefused(send(Map.of(Step.RCPT, "550 5.1.1 <kari@example.no>: Recipient address rejected")),
                SendOutcome.REFUSED, 550, "the recipient kari@example.no (550 5.1.1");
    }

    @Test
    void aGreylistedRecipientIsDeferred() throws Exception {
        assertDeferred(send(Map.of(Step.RCPT, "451 4.7.1 Greylisted, please try again in 5 minutes")),
                SendOutcome.DEFERRED, 451, "not accepted for now");
    }

    @Test
    void aFullMailboxIsDeferred() throws Exception {
        assertDeferred(send(Map.of(Step.RCPT, "452 4.2.2 Mailbox full")), SendOutcome.DEFERRED, 452, "Mailbox full");
    }

    @Test
    void aRefusedSenderIsRefused() throws Exception {
        assertRefused(send(Map.of(Step.MAIL, "553 5.7.1 Sender address rejected: not owned by user")),
                SendOutcome.REFUSED, 553, "the sender <post@eiendom.example> was refused: 553 5.7.1");
    }

    @Test
    void contentRefusedAtTheEndIsRefused() throws Exception {
        assertRefused(send(Map.of(Step.END_OF_DATA, "554 5.7.1 Message rejected as spam")),
                SendOutcome.REFUSED, 554, "the server did not accept the message: 554 5.7.1 Message rejected");
    }

    @Test
    void aTemporaryErrorAtTheEndIsDeferredNotUnknown() throws Exception {
        assertDeferred(send(Map.of(Step.END_OF_DATA, "451 4.3.0 Queue file write error")),
                SendOutcome.DEFERRED, 451, "451 4.3.0 Queue file write error");
    }

    @Test
    void aConnectionCutAfterTheWholeMessageLeavesTheOutcomeUnknown() throws Exception {
        Throwable failure = send(Map.of(Step.END_OF_DATA, CUT));

        assertDeferred(failure, SendOutcome.UNKNOWN, -1,
                "may have been delivered (the server closed the connection)");
        assertThat(((SendDeferredException) failure).mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void noAnswerAfterTheWholeMessageLeavesTheOutcomeUnknown() throws Exception {
        assertDeferred(send(Map.of(Step.END_OF_DATA, SILENT)), SendOutcome.UNKNOWN, -1,
                "may have been delivered (no answer within the timeout)");
    }

    @Test
    void aConnectionCutWhileTheMessageIsWrittenIsDeferred() throws Exception {
        // Larger than any socket buffer, so that the writing itself fails: the server never saw the end.
        byte[] big = new byte[16 * 1024 * 1024];
        new Random(1).nextBytes(big);
        Path file = Files.write(dir.resolve("big"), big);
        OutgoingMail mail = Mails.reply("reply.12.7@eiendom.example",
                List.of(Mails.attachment(file, "video.mp4", "video/mp4")));

        try (FakeSmtpServer server = new FakeSmtpServer(Map.of(Step.CONTENT, CUT))) {
            assertDeferred(send(server, mail), SendOutcome.DEFERRED, -1, ": the connection failed");
        }
    }

    @Test
    void aConnectionCutBeforeTheDataIsDeferred() throws Exception {
        assertDeferred(send(Map.of(Step.RCPT, CUT)), SendOutcome.DEFERRED, -1, ": the server closed the connection");
    }

    @Test
    void aSilentServerIsDeferred() throws Exception {
        assertDeferred(send(Map.of(Step.GREETING, SILENT)), SendOutcome.DEFERRED, -1, "did not answer in time");
    }
}
