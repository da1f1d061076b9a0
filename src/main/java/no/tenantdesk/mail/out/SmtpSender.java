package no.tenantdesk.mail.out;

import static no.tenantdesk.mail.ServerFailures.oneLine;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.ServerSessions;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends composed messages over SMTP, one connection per message, so that a failure belongs to one message. The
 * bytes go out as they are: the Message-ID and everything else the outbox stored stay the same on every retry.
 *
 * <p>Failures are {@link SendDeferredException} (try later: {@link SendOutcome#DEFERRED} or
 * {@link SendOutcome#UNKNOWN}) and {@link SendRefusedException} ({@link SendOutcome#REFUSED} or
 * {@link SendOutcome#SETUP}), with one line naming the server.
 */
public final class SmtpSender {

    private final SmtpSettings settings;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
    }

    /** Composes and sends a message that need not be sent again the same: the outbox sends stored bytes instead. */
    public String send(OutgoingMail mail) {
        return send(mail.envelope(), new MailComposer().compose(mail));
    }

    /** @return the server's answer to the message, such as "250 2.0.0 Ok: queued as 4Xyz1" */
    public String send(Envelope envelope, byte[] message) {
        return send(envelope, new SharedByteArrayInputStream(message));
    }

    /** The message from a file, read as it is sent. */
    public String send(Envelope envelope, Path message) {
        SharedFileInputStream in;
        try {
            in = new SharedFileInputStream(message.toFile());
        } catch (IOException e) {
            throw new TenantdeskException("cannot read the message " + message + ": " + oneLine(e.getMessage()), e);
        }
        try {
            return send(envelope, (InputStream) in);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // A file we only read: nothing is lost.
            }
        }
    }

    private String send(Envelope envelope, InputStream in) {
        ServerAddress address = settings.address();
        String p = "mail." + address.protocol() + ".";
        Properties extra = new Properties();
        extra.setProperty(p + "from", envelope.from());
        extra.setProperty(p + "auth", Boolean.toString(settings.password() != null || settings.tokens() != null));
        // A server that stops reading in the middle of a large message would otherwise block the write for ever.
        extra.setProperty(p + "writetimeout", Long.toString(settings.timeout().toMillis()));
        Session session = ServerSessions.session(address, settings.tls(), settings.password() != null,
                settings.timeout(), settings.sslSockets(), extra, settings.tokens());

        WireMessage message;
        Address[] recipients;
        try {
            message = new WireMessage(session, in);
            recipients = new Address[envelope.to().size()];
            for (int i = 0; i < recipients.length; i++) {
                recipients[i] = new InternetAddress(envelope.to().get(i), true);
            }
        } catch (MessagingException e) {
            throw new TenantdeskException(settings.name() + ": cannot read the message to send: "
                    + oneLine(e.getMessage()), e);
        }

        SMTPTransport transport = null;
        try {
            transport = (SMTPTransport) session.getTransport(address.protocol());
            ServerSessions.login(transport, settings.name(), address, settings.password(), settings.tokens());
            transport.sendMessage(message, recipients);
            return oneLine(transport.getLastServerResponse());
        } catch (MessagingException e) {
            TemporaryFailureException noTls = ServerSessions.noTls(settings.name(), address, e);
            if (noTls != null) {
                throw new SendDeferredException(SendOutcome.DEFERRED, -1, noTls.getMessage(), e);
            }
            throw SendFailures.of(settings.name(), e, message.handedOver(),
                    transport == null ? -1 : transport.getLastReturnCode(),
                    transport == null ? null : transport.getLastServerResponse());
        } finally {
            closeQuietly(transport);
        }
    }

    private static void closeQuietly(SMTPTransport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT after the server took the message, or after a failure already reported: nothing to add.
            }
        }
    }
}
