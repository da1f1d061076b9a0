package no.tenantdesk.mail.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.MessageParser;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.testing.GreenMailTls;
import no.tenantdesk.testing.TestCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SMTP and smtps against GreenMail, in-process: what arrives, logins, certificates. */
class SmtpSenderTest {

    private static final TestCertificate CERTIFICATE = GreenMailTls.certificate();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()});

    @TempDir
    Path dir;

    /** GreenMail's smtp:// offers no STARTTLS: a login over it is allowed in clear text, as tls: none does. */
    private SmtpSender sender(String url, String password) {
        return new SmtpSender(SmtpSettings.parse(url, password).withTls(url.startsWith("smtp:") ? Tls.NONE : null)
                .withTimeout(Duration.ofSeconds(10)).withSslSockets(CERTIFICATE.trustingSockets()));
    }

    private String smtp() {
        return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
    }

    private MimeMessage received() {
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        return greenMail.getReceivedMessages()[0];
    }

    @Test
    void aReplyArrivesWithOurHeadersTextAndAttachments() throws Exception {
        byte[] pdf = new byte[300_000];
        new Random(12).nextBytes(pdf);
        Path file = Files.write(dir.resolve("blob-17"), pdf);
        OutgoingMail mail = Mails.reply("reply.12.7@eiendom.example",
                List.of(Mails.attachment(file, "Tilstandsrapport kontor 204 – før og etter.pdf", "application/pdf")));

        String reply = sender(smtp(), null).send(mail);

        assertThat(reply).startsWith("250");
        MimeMessage message = received();
        assertThat(message.getHeader("Message-ID")).containsExactly("<reply.12.7@eiendom.example>");
        assertThat(message.getHeader("In-Reply-To")).containsExactly("<CAB7x2=kari.204@mail.example.no>");
        assertThat(message.getHeader("References"))
                .containsExactly("<first@eiendom.example> <CAB7x2=kari.204@mail.example.no>");
        assertThat(message.getHeader("X-Loop")).containsExactly("tenantdesk");
        assertThat(message.getHeader("Auto-Submitted")).isNull();
        assertThat(message.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(message.getSubject()).isEqualTo("Re: [#12] Lekkasje i taket på kontor 204");
        assertThat(MimeUtility.decodeText(message.getHeader("From", null)))
                .isEqualTo("Driftssentralen Ålesund <post@eiendom.example>");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(Mails.TEXT.replace("\n", "\r\n"));
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("Tilstandsrapport kontor 204 – før og etter.pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);

        // And what our own fetch-mail would make of it.
        Path raw = Files.writeString(dir.resolve("received.eml"), GreenMailUtil.getWholeMessage(message),
                StandardCharsets.ISO_8859_1);
        try (InboundMail inbound = new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE,
                Files.createDirectories(dir.resolve("spool"))).parse(RawMessage.inPlace("r", raw))) {
            assertThat(inbound.subject()).isEqualTo(Mails.SUBJECT);
            assertThat(inbound.text()).isEqualTo(Mails.TEXT.strip());
            assertThat(inbound.parts()).singleElement().satisfies(part -> {
                assertThat(part.filename()).isEqualTo("Tilstandsrapport kontor 204 – før og etter.pdf");
                assertThat(Files.readAllBytes(part.file())).isEqualTo(pdf);
            });
        }
    }

    @Test
    void storedBytesGoOutUnchangedWithTheEnvelopeGiven() throws Exception {
        byte[] composed = new MailComposer().compose(Mails.notice("ack.12@eiendom.example", "kari@example.no"));
        Path stored = Files.write(dir.resolve("outbox-3.eml"), composed);
        Envelope envelope = new Envelope("bounces@eiendom.example", List.of("kari@example.no", "ola@example.no"));

        sender(smtp(), null).send(envelope, stored);

        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(message.getHeader("Message-ID")).containsExactly("<ack.12@eiendom.example>");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(message.getHeader("X-Auto-Response-Suppress")).containsExactly("All");
        assertThat(message.getHeader("Return-Path")).containsExactly("<bounces@eiendom.example>");
        // What GreenMail stored is what we composed, after its own Return-Path and Received lines.
        String arrived = GreenMailUtil.getWholeMessage(message);
        String ours = new String(composed, StandardCharsets.ISO_8859_1);
        assertThat(arrived).endsWith(ours.substring(0, ours.length() - 2));
    }

    @Test
    void logsInWithUserAndPassword() throws Exception {
        greenMail.setUser("post@eiendom.example", "post", "secret");

        sender("smtp://post@127.0.0.1:" + greenMail.getSmtp().getPort(), "secret")
                .send(Mails.reply("reply.12.8@eiendom.example"));

        assertThat(received().getSubject()).isEqualTo(Mails.SUBJECT);
    }

    @Test
    void aWrongPasswordIsASetupProblemAndNeverShown() {
        greenMail.setUser("post@eiendom.example", "post", "secret");
        String url = "smtp://post@127.0.0.1:" + greenMail.getSmtp().getPort();

        assertThatThrownBy(() -> sender(url, "wrong-password").send(Mails.reply("reply.12.9@eiendom.example")))
                .isInstanceOfSatisfying(SendRefusedException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(SendOutcome.SETUP);
                    assertThat(e.replyCode()).isEqualTo(535);
                })
                .hasMessageStartingWith(url + ": login failed")
                .hasMessageNotContaining("wrong-password");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtpsSendsOverTlsWithTheCertificateChecked() throws Exception {
        GreenMailTls.assertInstalled();
        greenMail.setUser("post@eiendom.example", "post", "secret");

        sender("smtps://post@localhost:" + greenMail.getSmtps().getPort(), "secret")
                .send(Mails.reply("reply.12.10@eiendom.example"));

        assertThat(received().getMessageID()).isEqualTo("<reply.12.10@eiendom.example>");
    }

    @Test
    void smtpsRefusesACertificateForAnotherHost() {
        // The test certificate names localhost, not 127.0.0.1.
        String url = "smtps://127.0.0.1:" + greenMail.getSmtps().getPort();

        assertThatThrownBy(() -> sender(url, null).send(Mails.reply("reply.12.11@eiendom.example")))
                .isInstanceOfSatisfying(SendRefusedException.class,
                        e -> assertThat(e.outcome()).isEqualTo(SendOutcome.SETUP))
                .hasMessageStartingWith(url + ": the server's certificate is not trusted");
    }

    @Test
    void smtpsRefusesACertificateNobodyVouchesFor() {
        String url = "smtps://localhost:" + greenMail.getSmtps().getPort();
        SmtpSender sender = new SmtpSender(SmtpSettings.parse(url, null).withTimeout(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> sender.send(Mails.reply("reply.12.12@eiendom.example")))
                .isInstanceOfSatisfying(SendRefusedException.class,
                        e -> assertThat(e.outcome()).isEqualTo(SendOutcome.SETUP))
                .hasMessageContaining("not trusted")
                .hasMessageContaining("trustStore");
    }

    @Test
    void nothingListeningIsDeferred() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "smtp://127.0.0.1:" + port;

        assertThatThrownBy(() -> sender(url, null).send(Mails.reply("reply.12.13@eiendom.example")))
                .isInstanceOfSatisfying(SendDeferredException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(SendOutcome.DEFERRED);
                    assertThat(e.mayHaveBeenDelivered()).isFalse();
                })
                .hasMessageStartingWith(url + ": ").hasMessageContaining("Connection refused");
    }
}
