package no.tenantdesk.mail.out;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * smtp:// with a login against a real submission server, Dovecot's (which, unlike GreenMail, offers STARTTLS): it
 * relays what it accepts to a GreenMail on loopback, where the message is checked. Dovecot trusts any connection from
 * loopback, so a login in clear would succeed too: its log, which says ", TLS," of a login that came over TLS, is what
 * tells them apart.
 */
class SmtpSubmissionIT {

    /** Where Dovecot relays to: started before the Dovecot of each test, which needs its port. */
    @RegisterExtension
    static final GreenMailExtension relay =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @TempDir
    Path dir;


    @BeforeEach
    void emptyRelay() throws Exception {
        relay.purgeEmailFromAllMailboxes();
    }

    static Dovecot submission() {
        return new Dovecot().withSubmission(relay.getSmtp().getPort());
    }

    String url(Dovecot dovecot, String host) {
        return "smtp://" + dovecot.user() + "@" + host + ":" + dovecot.submissionPort();
    }

    SmtpSender sender(String url, String password, SSLSocketFactory sockets) {
        return sender(url, password, sockets, Tls.REQUIRED);
    }

    SmtpSender sender(String url, String password, SSLSocketFactory sockets, Tls tls) {
        return new SmtpSender(SmtpSettings.parse(url, password).withTls(tls).withTimeout(Duration.ofSeconds(10))
                .withSslSockets(sockets));
    }

    /** Sends one reply and returns it as composed; as the outbox does, the composed bytes are what is sent. */
    static byte[] sendOne(SmtpSender sender, OutgoingMail mail) {
        byte[] composed = new MailComposer().compose(mail);
        assertThat(sender.send(mail.envelope(), composed)).startsWith("250");
        return composed;
    }

    static MimeMessage relayed() {
        assertThat(relay.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(relay.getReceivedMessages()).hasSize(1);
        return relay.getReceivedMessages()[0];
    }

    /**
     * The client gave up during the TLS handshake, so the password never left it. (Waits for that line, not just any
     * "Disconnected": the start-up check that the port greets leaves one too.)
     */
    static void assertNoLogin(Dovecot dovecot) throws InterruptedException {
        assertThat(dovecot.awaitLog("SSL_accept() failed", 1))
                .singleElement()
                .asString()
                .contains("submission-login: Info: Disconnected", "no auth attempts");
        assertThat(dovecot.log()).doesNotContain("Login:");
        assertThat(relay.getReceivedMessages()).isEmpty();
    }

    @Nested
    class WithStartTls {

        @RegisterExtension
        final Dovecot dovecot = submission().withTls();

        @Test
        void upgradesBeforeLoggingInAndTheMessageArrivesAsComposed() throws Exception {
            byte[] pdf = new byte[200_000];
            new Random(7).nextBytes(pdf);
            Path file = Files.write(dir.resolve("blob-3"), pdf);
            OutgoingMail mail = Mails.reply("reply.12.20@eiendom.example",
                    List.of(Mails.attachment(file, "Måleravlesning kontor 204 – før.pdf", "application/pdf")));

            byte[] composed = sendOne(sender(url(dovecot, "localhost"), dovecot.password(), dovecot.sslSockets()),
                    mail);

            assertThat(dovecot.awaitLog("Login:", 1))
                    .singleElement()
                    .asString()
                    .contains("submission-login: Info: Login: user=<kari>", ", TLS,");
            MimeMessage message = relayed();
            assertThat(message.getMessageID()).isEqualTo("<reply.12.20@eiendom.example>");
            assertThat(message.getSubject()).isEqualTo(Mails.SUBJECT);
            assertThat(message.getHeader("Return-Path")).containsExactly("<post@eiendom.example>");
            assertThat(message.getAllRecipients()).extracting(Object::toString)
                    .containsExactly("Kari Nordmann <kari@example.no>");
            // Ahead of our bytes only the trace lines that Dovecot and then GreenMail wrote; ours unchanged.
            String arrived = GreenMailUtil.getWholeMessage(message);
            String ours = new String(composed, ISO_8859_1);
            String trace = arrived.substring(0, arrived.length() - (ours.length() - 2));
            assertThat(arrived).endsWith(ours.substring(0, ours.length() - 2));
            assertThat(trace.split("\r\n(?![ \t])"))
                    .allSatisfy(field -> assertThat(field).matches("(?s)(Return-Path|Received): .*"))
                    // Dovecot's: ESMTPSA, that is ESMTP after STARTTLS and AUTH.
                    .anySatisfy(field -> assertThat(field).startsWith("Received:")
                            .contains("by localhost with ESMTPSA"));
        }

        @Test
        void theJvmsTrustRefusesTheCertificateBeforeLoggingIn() throws Exception {
            String url = url(dovecot, "localhost");

            assertThatThrownBy(() -> sendOne(sender(url, dovecot.password(), null),
                            Mails.reply("reply.12.21@eiendom.example")))
                    .isInstanceOfSatisfying(SendRefusedException.class,
                            e -> assertThat(e.outcome()).isEqualTo(SendOutcome.SETUP))
                    .hasMessageStartingWith(url + ": the server's certificate is not trusted")
                    .hasMessageNotContaining("\n");
            assertNoLogin(dovecot);
        }

        @Test
        void aCertificateForAnotherHostIsRefusedBeforeLoggingIn() throws Exception {
            // The certificate names localhost, not 127.0.0.1: the upgraded session must be refused, not used.
            String url = url(dovecot, "127.0.0.1");

            assertThatThrownBy(() -> sendOne(sender(url, dovecot.password(), dovecot.sslSockets()),
                            Mails.reply("reply.12.22@eiendom.example")))
                    .isInstanceOfSatisfying(SendRefusedException.class,
                            e -> assertThat(e.outcome()).isEqualTo(SendOutcome.SETUP))
                    .hasMessageStartingWith(url + ": the server's certificate is not trusted");
            assertNoLogin(dovecot);
        }

        @Test
        void aWrongPasswordIsASetupProblemAndNeverShown() throws Exception {
            String url = url(dovecot, "localhost");

            assertThatThrownBy(() -> sendOne(sender(url, "wrong-password", dovecot.sslSockets()),
                            Mails.reply("reply.12.23@eiendom.example")))
                    .isInstanceOfSatisfying(SendRefusedException.class, e -> {
                        assertThat(e.outcome()).isEqualTo(SendOutcome.SETUP);
                        assertThat(e.replyCode()).isEqualTo(535);
                    })
                    .hasMessageStartingWith(url + ": login failed")
                    .hasMessageNotContaining("wrong-password")
                    .hasMessageNotContaining("\n");
            assertThat(dovecot.awaitLog("auth failed", 1)).singleElement().asString().contains(", TLS");
            assertThat(relay.getReceivedMessages()).isEmpty();
        }
    }

    /**
     * A server that offers no STARTTLS gets no password, wherever it is; with tls: none it does, as chosen. These
     * listen on an address of this machine that is not loopback (the tests are skipped on a machine with none).
     */
    @Nested
    class OnTheNetwork {

        @Nested
        class WithoutTls {

            @RegisterExtension
            final Dovecot dovecot = submission().onNetworkAddress();

            @Test
            void refusesToSendThePasswordInClearText() throws Exception {
                String url = url(dovecot, dovecot.host());

                assertThatThrownBy(() -> sendOne(sender(url, dovecot.password(), null),
                                Mails.reply("reply.12.24@eiendom.example")))
                        .isInstanceOfSatisfying(SendDeferredException.class,
                                e -> assertThat(e.outcome()).isEqualTo(SendOutcome.DEFERRED))
                        .hasMessage(url + ": the server offers no TLS (STARTTLS), so the password was not sent; use"
                                + " smtps:// if the server has it, or allow clear text with tls: none under mail: smtp:"
                                + " in the config file, or TENANTDESK_SMTP_TLS=none");
                assertThat(dovecot.awaitLog("submission-login: Info: Disconnected", 1))
                        .allSatisfy(line -> assertThat(line).contains("no auth attempts"));
                assertThat(dovecot.log()).doesNotContain("Login:");
                assertThat(relay.getReceivedMessages()).isEmpty();
            }

            @Test
            void sendsItInClearTextWhenToldTo() throws Exception {
                String url = url(dovecot, dovecot.host());

                sendOne(sender(url, dovecot.password(), null, Tls.NONE), Mails.reply("reply.12.26@eiendom.example"));

                assertThat(dovecot.awaitLog("Login:", 1))
                        .singleElement()
                        .asString()
                        .contains("submission-login: Info: Login: user=<kari>", "rip=" + dovecot.host())
                        .doesNotContain(", TLS");
                assertThat(relayed().getMessageID()).isEqualTo("<reply.12.26@eiendom.example>");
            }
        }

        @Nested
        class WithStartTls {

            @RegisterExtension
            final Dovecot dovecot = submission().withTls().onNetworkAddress();

            @Test
            void upgradesBeforeTheLogin() throws Exception {
                String url = url(dovecot, dovecot.host());

                sendOne(sender(url, dovecot.password(), dovecot.sslSockets()),
                        Mails.reply("reply.12.25@eiendom.example"));

                assertThat(dovecot.awaitLog("Login:", 1))
                        .singleElement()
                        .asString()
                        .contains("submission-login: Info: Login: user=<kari>", "rip=" + dovecot.host(), ", TLS,");
                assertThat(relayed().getMessageID()).isEqualTo("<reply.12.25@eiendom.example>");
            }
        }
    }
}
