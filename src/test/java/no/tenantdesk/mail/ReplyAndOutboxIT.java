package no.tenantdesk.mail;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Maildir;
import no.tenantdesk.testing.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Replies and receipts end to end: stored, queued, sent through a real SMTP server (GreenMail), answered back. */
class ReplyAndOutboxIT {

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path folder;

    Cli cli;
    Maildir inbox;

    @BeforeEach
    void setUp() {
        inbox = new Maildir(folder.resolve("Maildir"));
        cli = new Cli(folder).at("2026-11-27T08:00:00Z")
                .env("TENANTDESK_SMTP_URL", "smtp://127.0.0.1:" + ServerSetupTest.SMTP.getPort())
                .env("TENANTDESK_MAIL_FROM", "Drift Storgata 12 <drift@eiendom.example>");
    }

    private void fetch() {
        assertThat(cli.run("fetch-mail", "--source", inbox.uri())).succeeded();
    }

    private MimeMessage[] received() {
        return smtp.getReceivedMessages();
    }

    private MimeMessage receivedBy(String address) throws Exception {
        for (MimeMessage message : received()) {
            if (message.getAllRecipients()[0].toString().contains(address)
                    && message.getHeader("Auto-Submitted") == null) {
                return message;
            }
        }
        throw new AssertionError("no reply to " + address);
    }

    @Test
    void aReplyIsStoredAndReachesTheTenantThreadedToTheirMail() throws Exception {
        inbox.deliverFixture("threading/leak-in-office-204.eml");
        fetch();

        CommandResult result = cli.run("reply", "1", "-m", "Rørleggeren kommer i morgen kl. 8.", "--status",
                "in-progress");

        assertThat(result).succeeded().printed("Replied on inquiry 1: sent to kari.nordmann@tenant.example;"
                + " todo → in-progress").stderrIsEmpty();
        MimeMessage reply = receivedBy("kari.nordmann@tenant.example");
        assertThat(reply.getSubject()).isEqualTo("Re: [#1] Lekkasje i taket på kontor 204");
        assertThat(reply.getFrom()[0].toString()).contains("drift@eiendom.example");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<lekkasje-204@tenant.example>");
        assertThat(reply.getHeader("References")[0]).contains("<lekkasje-204@tenant.example>");
        assertThat(reply.getHeader("X-Loop")[0]).isEqualTo("tenantdesk");
        assertThat(text(reply)).contains("Rørleggeren kommer i morgen kl. 8.");
        JsonNode inquiry = cli.run("inquiry", "show", "1", "--json").json();
        assertThat(inquiry.get("status").asText()).isEqualTo("in-progress");
        // The first reply meets the first deadline; the resolution's is still to meet.
        assertThat(inquiry.get("sla").get("respondedAt").asText()).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(inquiry.get("sla").get("breached")).isEmpty();
        JsonNode comment = inquiry.get("comments").get(0);
        assertThat(comment.get("kind").asText()).isEqualTo("reply");
        assertThat(comment.get("author").asText()).isEqualTo("operator");
        assertThat(inquiry.get("outbox")).hasSize(2);
        assertThat(inquiry.get("outbox").get(1).get("kind").asText()).isEqualTo("reply");
        assertThat(cli.run("inquiry", "show", "1")).succeeded().printed("Mail sent", "acknowledgement", "reply",
                "kari.nordmann@tenant.example");
        JsonNode outbox = cli.run("outbox", "list", "--all", "--json").json();
        assertThat(outbox).hasSize(2); // the receipt for the new inquiry, then the reply
        assertThat(outbox.get(0).get("state").asText()).isEqualTo("sent");
        assertThat(outbox.get(0).get("messageId").asText())
                .isEqualTo(reply.getMessageID().replaceAll("[<>]", ""));

        // The tenant answers our reply: it lands on the same inquiry, by its In-Reply-To.
        inbox.deliver(String.join("\r\n",
                "From: Kari Nordmann <kari.nordmann@tenant.example>",
                "To: drift@eiendom.example",
                "Subject: Re: Lekkasje",
                "Message-ID: <kari-svar-2@tenant.example>",
                "In-Reply-To: " + reply.getMessageID(),
                "",
                "Takk, jeg er på kontoret fra 7.30.",
                ""));
        fetch();
        JsonNode after = cli.run("inquiry", "show", "1", "--json").json();
        JsonNode last = after.get("mails").get(after.get("mails").size() - 1);
        assertThat(last.get("matchedBy").asText()).isEqualTo("in-reply-to");
        assertThat(after.get("comments").get(1).get("body").asText()).isEqualTo("Takk, jeg er på kontoret fra 7.30.");
    }

    @Test
    void aNewInquiryFromEmailGetsOneReceiptAndAnOutOfOfficeNone() throws Exception {
        inbox.deliverFixture("threading/leak-in-office-204.eml")
                .deliverFixture("threading/body-mentions-case-number.eml")
                .deliverFixture("threading/out-of-office-answer.eml");

        fetch();

        MimeMessage[] sent = received();
        assertThat(sent).hasSize(1); // two new inquiries from Kari within the hour: one receipt
        MimeMessage receipt = sent[0];
        // Our words and the number only: whoever wrote From: Kari's address gets nothing of theirs sent to her.
        assertThat(receipt.getSubject()).isEqualTo("[#1] Henvendelsen er registrert");
        assertThat(receipt.getHeader("To")[0]).doesNotContain("Kari Nordmann");
        assertThat(receipt.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(receipt.getHeader("X-Auto-Response-Suppress")[0]).isEqualTo("All");
        assertThat(receipt.getHeader("In-Reply-To")[0]).isEqualTo("<lekkasje-204@tenant.example>");
        assertThat(text(receipt)).contains("Hei,", "sak #1.").doesNotContain("Lekkasje").doesNotContain("Kari");

        // An hour later, a new inquiry from her gets a receipt again.
        cli.at("2026-11-27T09:30:00Z");
        inbox.deliverFixture("threading/same-mail-to-and-cc-ours.eml");
        fetch();
        assertThat(received()).hasSize(2);
    }

    /** Kari's mail becomes inquiry 1, and we answer it: the Message-ID of our reply, which a bounce returns. */
    private String replyToKarisLeak() throws Exception {
        inbox.deliverFixture("threading/leak-in-office-204.eml");
        fetch();
        assertThat(cli.run("reply", "1", "-m", "Vi kommer i morgen.")).succeeded();
        return receivedBy("kari.nordmann@tenant.example").getMessageID();
    }

    @Test
    void aBounceOfOurReplyMarksItFailedAndTellsTheOperator() throws Exception {
        String sentId = replyToKarisLeak();

        inbox.deliver(String.join("\r\n",
                "From: Mail Delivery System <MAILER-DAEMON@mx.eiendom.example>",
                "To: drift@eiendom.example",
                "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <bounce-1@mx.eiendom.example>",
                "Return-Path: <>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "<kari.nordmann@tenant.example>: mailbox unavailable",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Final-Recipient: rfc822; kari.nordmann@tenant.example",
                "Action: failed",
                "Status: 5.1.1",
                "--b",
                "Content-Type: text/rfc822-headers",
                "",
                "From: Drift Storgata 12 <drift@eiendom.example>",
                "Message-ID: " + sentId,
                "Subject: Re: [#1] Lekkasje i taket",
                "--b--",
                ""));
        JsonNode summary = cli.run("fetch-mail", "--source", inbox.uri(), "--json").json();

        assertThat(summary.get("skipped").get("bounce").asInt()).isEqualTo(1);
        JsonNode failed = cli.run("outbox", "list", "--json").json();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("kind").asText()).isEqualTo("reply");
        assertThat(failed.get(0).get("state").asText()).isEqualTo("failed");
        assertThat(failed.get(0).get("lastError").asText()).isEqualTo("bounced: Undelivered Mail Returned to Sender");
        JsonNode comments = cli.run("inquiry", "show", "1", "--json").json().get("comments");
        JsonNode note = comments.get(comments.size() - 1);
        assertThat(note.get("kind").asText()).isEqualTo("system");
        assertThat(note.get("body").asText()).startsWith("The reply to kari.nordmann@tenant.example did not arrive");
    }

    @Test
    void aPlainTextQmailBounceOfOurReplyMarksItFailedButADelayWarningDoesNot() throws Exception {
        String sentId = replyToKarisLeak();

        inbox.deliver(String.join("\n",
                "From: Mail Delivery System <mailer-daemon@mx.tenant.example>",
                "To: drift@eiendom.example",
                "Subject: Warning: message 1kXyZ-0001 delayed 24 hours",
                "Message-ID: <delay-1@mx.tenant.example>",
                "",
                "This message was created automatically by mail delivery software.",
                "A message that you sent has not yet been delivered to one or more of its recipients.",
                "",
                "------ This is a copy of the message's headers. ------",
                "",
                "Message-ID: " + sentId,
                "Subject: Re: [#1] Lekkasje i taket",
                ""));
        fetch();
        assertThat(cli.run("outbox", "list", "--json").json()).isEmpty(); // nothing failed or waiting

        inbox.deliver(String.join("\n",
                "From: MAILER-DAEMON@mx.tenant.example",
                "To: drift@eiendom.example",
                "Subject: failure notice",
                "Message-ID: <qmail-1@mx.tenant.example>",
                "",
                "Hi. This is the qmail-send program at mx.tenant.example.",
                "I'm afraid I wasn't able to deliver your message to the following addresses.",
                "",
                "<kari.nordmann@tenant.example>:",
                "Sorry, no mailbox here by that name. (#5.1.1)",
                "",
                "--- Below this line is a copy of the message.",
                "",
                "Return-Path: <drift@eiendom.example>",
                "Message-ID: " + sentId,
                "Subject: Re: [#1] Lekkasje i taket",
                "",
                "Vi kommer i morgen.",
                ""));
        JsonNode summary = cli.run("fetch-mail", "--source", inbox.uri(), "--json").json();

        assertThat(summary.get("skipped").get("bounce").asInt()).isEqualTo(1);
        assertThat(summary.get("created").asInt()).isZero();
        assertThat(received()).hasSize(2); // the tenant's receipt and our reply; nothing to the mail servers
        JsonNode outbox = cli.run("outbox", "list", "--json").json();
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).get("kind").asText()).isEqualTo("reply");
        assertThat(outbox.get(0).get("state").asText()).isEqualTo("failed");
        assertThat(outbox.get(0).get("lastError").asText()).isEqualTo("bounced: failure notice");
    }

    @Test
    void aTaskGoesToTheContractorWithThePhotosAndTheirAnswerLandsOnTheTask() throws Exception {
        inbox.deliverFixture("photo-attachment-jpeg.eml"); // inquiry 1, with a photo of the ceiling
        fetch();
        assertThat(cli.run("contact", "add", "--name", "Rørlegger Hansen AS", "--email", "post@rorlegger.example",
                "--role", "contractor")).succeeded();

        CommandResult created = cli.run("task", "create", "1", "--title", "Tett lekkasje i taket", "--kind",
                "deviation", "--assignee", "Rørlegger Hansen", "--description", "Sjekk taksluket.", "--notify");

        assertThat(created).succeeded().printed("Sent task 1 to post@rorlegger.example");
        MimeMessage notice = receivedBy("post@rorlegger.example");
        assertThat(notice.getSubject()).isEqualTo("[task #1] Tett lekkasje i taket");
        MimeMultipart parts = (MimeMultipart) notice.getContent();
        assertThat(String.valueOf(parts.getBodyPart(0).getContent()))
                .contains("Avvik #1: Tett lekkasje i taket", "Sjekk taksluket.", "Her er et bilde av taket.");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("lekkasje-kontor-204.jpg");

        // The contractor answers from their phone, with a photo of the repair, and keeps the subject.
        inbox.deliver(String.join("\r\n",
                "From: Rørlegger Hansen <post@rorlegger.example>",
                "To: drift@eiendom.example",
                "Subject: SV: [task #1] Tett lekkasje i taket",
                "Message-ID: <ferdig-1@rorlegger.example>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"x\"",
                "",
                "--x",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Skiftet pakning på taksluket. Tett nå.",
                "--x",
                "Content-Type: image/jpeg; name=\"etter.jpg\"",
                "Content-Disposition: attachment; filename=\"etter.jpg\"",
                "Content-Transfer-Encoding: base64",
                "",
                "/9j/4AAQSkZJRgABAQAAAQABAAD/2Q==",
                "--x--",
                ""));
        fetch();

        JsonNode inquiry = cli.run("inquiry", "show", "1", "--json").json();
        JsonNode answer = inquiry.get("comments").get(inquiry.get("comments").size() - 1);
        assertThat(answer.get("taskId").asLong()).isEqualTo(1);
        assertThat(answer.get("kind").asText()).isEqualTo("incoming");
        assertThat(answer.get("body").asText()).isEqualTo("Skiftet pakning på taksluket. Tett nå.");
        JsonNode task = cli.run("task", "show", "1", "--json").json();
        assertThat(task.get("attachments")).anyMatch(a -> a.get("filename").asText().equals("etter.jpg"));
    }

    @Test
    void aTaskForSomeoneWithoutAnAddressIsNotCreatedWithNotify() {
        long id = cli.create("inquiry", "create", "--title", "Heisen står");
        assertThat(cli.run("contact", "add", "--name", "Per Vaktmester", "--role", "staff")).succeeded();
        assertThat(cli.run("task", "create", String.valueOf(id), "--title", "Ring heisfirma", "--assignee", "Per",
                "--notify")).exitedWith(2).saidOnStderr("task 1 has no assignee with an e-mail address");
    }

    @Test
    void aSenderWeCannotWriteBackToStillGetsTheirInquiry() throws Exception {
        inbox.deliver(String.join("\r\n",
                "From: Øystein <oystein@tromsø.example>",
                "To: drift@eiendom.example",
                "Subject: Snø på taket",
                "Message-ID: <odd id with spaces>",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Det henger snø over inngangen.",
                ""));

        fetch();

        assertThat(cli.run("inquiry", "list", "--json").json()).hasSize(1);
        assertThat(received()).isEmpty(); // no receipt: the address is not one SMTP takes without SMTPUTF8
        assertThat(cli.run("quarantine", "list", "--json").json()).isEmpty();
    }

    @Test
    void anInternalCommentIsNeverSent() {
        inbox.deliverFixture("threading/leak-in-office-204.eml");
        fetch();
        int before = received().length;

        assertThat(cli.run("comment", "1", "-m", "Internt: kostnad går på fellesutgifter.")).succeeded();
        assertThat(cli.run("outbox", "send")).succeeded();

        assertThat(received()).hasSize(before);
        assertThat(cli.run("outbox", "list", "--all", "--json").json())
                .noneMatch(m -> m.get("kind").asText().equals("reply"));
    }

    @Test
    void aReplyWhileTheServerIsDownStaysQueuedAndIsSentOnceLater() throws Exception {
        inbox.deliverFixture("threading/leak-in-office-204.eml");
        cli.env("TENANTDESK_SMTP_URL", "smtp://127.0.0.1:" + closedPort());
        fetch(); // the receipt is queued, the server is not there

        CommandResult result = cli.run("reply", "1", "-m", "Vi ser på det.");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("tenantdesk: reply stored on inquiry 1 but not sent: ")
                .endsWith("(queued; tenantdesk outbox send tries again)\n");
        assertThat(cli.run("inquiry", "show", "1", "--json").json().get("comments").get(0).get("kind").asText())
                .isEqualTo("reply");
        JsonNode queued = cli.run("outbox", "list", "--json").json();
        assertThat(queued).hasSize(2).allMatch(m -> m.get("state").asText().equals("queued"));
        assertThat(queued.get(0).get("lastError").asText()).isNotBlank();

        cli.env("TENANTDESK_SMTP_URL", "smtp://127.0.0.1:" + ServerSetupTest.SMTP.getPort());
        assertThat(cli.run("outbox", "send")).succeeded(); // not due yet: waits a minute after a failure
        assertThat(received()).isEmpty();
        cli.at("2026-11-27T08:02:00Z");
        assertThat(cli.run("outbox", "send")).succeeded();
        assertThat(received()).hasSize(2);
        cli.at("2026-11-27T09:00:00Z");
        assertThat(cli.run("outbox", "send")).succeeded();
        assertThat(received()).hasSize(2);
        assertThat(cli.run("outbox", "list", "--json").json()).isEmpty();
    }

    @Test
    void withoutAMailServerReplyingSaysHowToConfigureOneAndStoresNothing() {
        cli.env("TENANTDESK_SMTP_URL", null);
        long id = cli.create("inquiry", "create", "--title", "Heisen står", "--tenant", "kari@tenant.example");

        assertThat(cli.run("reply", String.valueOf(id), "-m", "Hei")).failedWith(2, "no mail server to send through:"
                + " set mail: from and mail: smtp: url in the config file, or TENANTDESK_SMTP_URL and"
                + " TENANTDESK_MAIL_FROM");
        assertThat(cli.run("inquiry", "show", String.valueOf(id), "--json").json().get("comments")).isEmpty();
    }

    @Test
    void anInquiryWithoutAnAddressCannotBeRepliedTo() {
        long id = cli.create("inquiry", "create", "--title", "Telefon: for kaldt på kontoret");

        assertThat(cli.run("reply", String.valueOf(id), "-m", "Hei")).exitedWith(2)
                .saidOnStderr("has no requester with an e-mail address");
        assertThat(received()).isEmpty();
    }

    /**
     * A message whose receipt cannot be queued is undone after it was recorded as stored: quarantined then, not taken
     * for a copy of itself, and the rest of its batch kept.
     */
    @Test
    void aMessageUndoneAfterItWasRecordedIsQuarantinedNotSkippedAsItsOwnDuplicate() throws Exception {
        inbox.deliverFixture("threading/leak-in-office-204.eml")
                .deliverFixture("threading/rubbish-collection-no-message-id.eml");
        assertThat(cli.run("inquiry", "list")).succeeded(); // creates the database
        Sql.refuseInserts(cli.database(), "outbox", "NEW.recipient LIKE 'kari.nordmann@%'");

        CommandResult result = cli.run("fetch-mail", "--source", inbox.uri(), "--json");

        assertThat(result).exitedWith(4);
        assertThat(result.json().get("created").asInt()).isEqualTo(1);
        assertThat(result.json().get("quarantined").asInt()).isEqualTo(1);
        assertThat(result.json().get("skipped")).isEmpty();
        assertThat(cli.run("quarantine", "list", "--json").json().get(0).get("reason").asText())
                .contains("refused by the test");
    }

    @Test
    void aReplyCarriesItsAttachments() throws Exception {
        long id = cli.create("inquiry", "create", "--title", "Heisen står", "--tenant", "kari@tenant.example");
        Path report = cli.file("servicerapport-heis.pdf", "%PDF-1.4 rapport");

        assertThat(cli.run("reply", String.valueOf(id), "-m", "Rapporten ligger ved.", "--attach", report.toString()))
                .succeeded();

        MimeMultipart parts = (MimeMultipart) receivedBy("kari@tenant.example").getContent();
        BodyPart file = parts.getBodyPart(parts.getCount() - 1);
        assertThat(file.getFileName()).isEqualTo("servicerapport-heis.pdf");
        assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("%PDF-1.4 rapport");
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof MimeMultipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
