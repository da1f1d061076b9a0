package no.tenantdesk.mail.out;

import java.util.List;
import no.tenantdesk.domain.InvalidInputException;

/**
 * What the SMTP server is told apart from the message: MAIL FROM and RCPT TO. Kept beside the composed bytes, so that
 * a retry needs nothing else.
 *
 * @param from where the server sends bounces
 * @param to   who gets the message; not read from the headers, so a Bcc would be possible
 */
public record Envelope(String from, List<String> to) {

    public Envelope {
        OutgoingMail.checkEmail(from);
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new InvalidInputException("an e-mail needs at least one recipient");
        }
        to.forEach(OutgoingMail::checkEmail);
    }
}
