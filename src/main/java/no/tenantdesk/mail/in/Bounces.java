package no.tenantdesk.mail.in;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a mail server's delivery failure notice (a bounce) or delay warning from a person's mail, whatever its shape:
 * a DSN (multipart/report), or the plain text that Exim, qmail, Exchange, GroupWise, old sendmail and many others
 * send. Pure functions of the parsed mail; the rules were taken from 115 real bounces (python3-flufl.bounce's test
 * data, in src/test/resources/mail/bounces, whose README says which rule each shape needs).
 *
 * <p>A person may write about mail that was returned or not delivered, and a tenant may write about the post: a
 * subject alone counts only when it is one a mail server writes, word for word at its start, and never in a reply
 * or a forward (a tenant forwarding a bounce they got is asking something). Milder words in the subject count only
 * with the text's own (unquoted) words saying a message could not be delivered.
 */
public final class Bounces {

    private Bounces() {}

    /** Which sign gave it away: for the record and for tests, one per rule. */
    public enum Signal {
        /** multipart/report (RFC 3464): the standard delivery status notification. */
        REPORT,
        /** X-Failed-Recipients: Exim and others name who could not be reached. */
        FAILED_RECIPIENTS,
        /** From a mail system: MAILER-DAEMON, postmaster and their kin, or From an empty address. */
        MAIL_SYSTEM,
        /** A subject only a mail server writes ("Undelivered Mail Returned to Sender", "Kan ikke leveres: …"). */
        NOTICE_SUBJECT,
        /** A subject that speaks of failed delivery, and a text that says a message could not be delivered. */
        SUBJECT_AND_TEXT
    }

    /** A failure (the message will not arrive) or a delay warning (the server still tries). */
    public enum Kind {
        FAILURE,
        DELAY
    }

    /** A recognised notice: which kind, and the sign that gave it away. */
    public record Notice(Kind kind, Signal signal) {}

    private static final Pattern SYSTEM_LOCAL_PART = Pattern.compile(
            "(?i)(mailer-?daemon|mail-?daemon|postmaster|mdaemon|mail\\.delivery\\.system|ndr|nonDeliveryReport)");
    private static final Pattern SYSTEM_NAME = Pattern.compile(
            "(?i)\\b(mail delivery (sub)?system|mail delivery service|delivery subsystem|mailer[- ]daemon"
                    + "|internet mail delivery|postmaster)\\b");
    /** A reply or a forward, in the languages our tenants' mail programs speak. */
    private static final Pattern REPLY_OR_FORWARD = Pattern.compile(
            "(?i)^\\s*(re|sv|aw|vs|fw|fwd|wg|tr|rif|antw)\\s*(\\[\\d+])?\\s*:.*", Pattern.DOTALL);
    private static final Pattern FORWARD = Pattern.compile(
            "(?i)^\\s*(fw|fwd|vs|wg|tr)\\s*(\\[\\d+])?\\s*:.*", Pattern.DOTALL);
    /** An optional tag a gateway puts first ("[Postmaster] Email Delivery Failure"). */
    private static final String TAG = "(\\[[^\\]]{1,40}]\\s*)?";
    private static final Pattern DELAY_SUBJECT = Pattern.compile("(?i)" + TAG + "("
            + "delivery status notification \\((delay|mail delivery delayed)\\)"
            + "|warning: message .{0,80}delayed|warning: message has not yet been delivered"
            + "|delayed mail\\b|message delayed\\b|delivery delayed\\b|mail delivery warning"
            + "|leveringsstatusvarsel \\(forsinkelse\\)|forsinket levering)", Pattern.DOTALL);
    private static final Pattern FAILURE_SUBJECT = Pattern.compile("(?i)" + TAG + "("
            + "undelivered mail returned to sender|delivery status notification( \\(failure\\)|: error|$)"
            + "|delivery notification: delivery has failed|delivery report \\(failure\\)"
            + "|mail delivery failed|mail delivery failure|mail delivery problem|email delivery failure"
            + "|returned mail:|mail system error - returned mail|undeliverable:|undeliverable mail$"
            + "|undeliverable message|non-?delivery( report)?:|failure notice$|failure delivery$"
            + "|delivery failure( notification)?(:|$)|failed mail( to|:)|permanent delivery failure"
            + "|mail failed, returning to sender|message delivery failure$|automatically rejected mail"
            + "|kan ikke leveres:|ikke levert:|ikke leverbar:|leveringsstatusvarsel \\(feil\\)|leveringsfeil:)",
            Pattern.DOTALL);
    /** Words of failed delivery in a subject, wherever they stand. */
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i)"
            + "undeliver|not (be )?delivered|delivery (has )?failed|delivery failure|failed delivery|returned mail"
            + "|mail delivery|delivery status|non remis|kan ikke leveres|ikke levert|levering mislyktes");
    /** The sentence a notice's text says it with. */
    private static final Pattern FAILURE_TEXT = Pattern.compile("(?i)"
            + "could not be delivered|could not deliver|unable to deliver|was not delivered|undeliverable"
            + "|delivery (has )?failed|delivery errors|failed recipient|permanent error|no such user|user unknown"
            + "|mailbox unavailable|kunne ikke leveres|ble ikke levert|levering(en)? mislyktes");
    /** How much of the text is read for that: a notice says it at once. */
    private static final int TEXT_LINES = 40;

    /** The notice this mail is, if it is one. */
    public static Optional<Notice> recognise(InboundMail mail) {
        return signal(mail).map(signal -> new Notice(kind(mail.subject()), signal));
    }

    private static Optional<Signal> signal(InboundMail mail) {
        if (mail.header("content-type").stream()
                .anyMatch(type -> type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/report"))) {
            return Optional.of(Signal.REPORT);
        }
        if (mail.header("x-failed-recipients").stream().anyMatch(value -> !value.isBlank())) {
            return Optional.of(Signal.FAILED_RECIPIENTS);
        }
        if (isMailSystem(mail.from())) {
            return Optional.of(Signal.MAIL_SYSTEM);
        }
        String subject = oneLine(mail.subject());
        if (REPLY_OR_FORWARD.matcher(subject).matches()) {
            // A person answering or passing on a notice, unless the text below is the notice's own.
            return !FORWARD.matcher(subject).matches() && FAILURE_WORDS.matcher(subject).find()
                    && textSaysUndelivered(mail.text()) ? Optional.of(Signal.SUBJECT_AND_TEXT) : Optional.empty();
        }
        if (FAILURE_SUBJECT.matcher(subject).lookingAt() || DELAY_SUBJECT.matcher(subject).lookingAt()) {
            return Optional.of(Signal.NOTICE_SUBJECT);
        }
        if (FAILURE_WORDS.matcher(subject).find() && textSaysUndelivered(mail.text())) {
            return Optional.of(Signal.SUBJECT_AND_TEXT);
        }
        return Optional.empty();
    }

    private static Kind kind(String subject) {
        return DELAY_SUBJECT.matcher(oneLine(subject)).lookingAt() ? Kind.DELAY : Kind.FAILURE;
    }

    /** MAILER-DAEMON@…, postmaster@…, "Mail Delivery System" &lt;…&gt;, or no address at all (From: &lt;&gt;). */
    static boolean isMailSystem(InboundMail.MailAddress from) {
        String email = from.email().strip();
        int at = email.lastIndexOf('@');
        String local = (at < 0 ? email : email.substring(0, at)).replace("\"", "");
        // "Postmaster\@example.com@xxx.com", seen in the wild: the local part is what comes before the first @ too.
        int first = local.indexOf('@');
        String firstLocal = first < 0 ? local : local.substring(0, first).replace("\\", "");
        return email.isEmpty() || email.equals("<>")
                || SYSTEM_LOCAL_PART.matcher(local).matches() || SYSTEM_LOCAL_PART.matcher(firstLocal).matches()
                || local.equalsIgnoreCase("system administrator")
                || SYSTEM_NAME.matcher(from.name().length() > 200 ? from.name().substring(0, 200) : from.name())
                        .find();
    }

    /** Whether the first lines of the text, not those quoted from another mail, say a message was not delivered. */
    private static boolean textSaysUndelivered(String text) {
        int lines = 0;
        int start = 0;
        while (start < text.length() && lines < TEXT_LINES) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            // A line of a notice is short; a long one is read as far as a sentence goes.
            String line = text.substring(start, Math.min(end, start + 300));
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            lines++;
            if (!line.stripLeading().startsWith(">") && FAILURE_TEXT.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String subject) {
        String line = subject.length() > 500 ? subject.substring(0, 500) : subject;
        return line.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').strip();
    }

    /** Bytes of the raw message read for the returned Message-IDs: the returned headers come near the top. */
    private static final int RETURNED_SCAN_BYTES = 2 * 1024 * 1024;
    /** A header line longer than this is not a Message-ID line, and only its start is looked at. */
    private static final int LINE_BYTES = 1000;
    /** Message-IDs taken at most: a bounce returns one message. */
    private static final int RETURNED_IDS = 20;
    private static final Pattern RETURNED_ID = Pattern.compile("(?i)^message-id:\\s*<([^>\\s]+)>");

    /**
     * The Message-IDs below the notice's own header block, in the order they stand: those of the returned message
     * (in a text/rfc822-headers or message/rfc822 part, or quoted in the text), one of which may be ours. Reads the
     * raw bytes once, at most {@value #RETURNED_SCAN_BYTES} of them, holding one line of at most
     * {@value #LINE_BYTES} bytes at a time: a message of one 100 MB line costs no more memory than any other.
     */
    public static List<String> returnedMessageIds(InboundMail mail) {
        try (InputStream in = mail.rawBytes() != null ? new ByteArrayInputStream(mail.rawBytes())
                : Files.newInputStream(mail.raw())) {
            return returnedMessageIds(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled message", e);
        }
    }

    static List<String> returnedMessageIds(InputStream raw) throws IOException {
        List<String> ids = new ArrayList<>();
        InputStream in = new java.io.BufferedInputStream(raw, 64 * 1024);
        byte[] line = new byte[LINE_BYTES];
        boolean body = false;
        long read = 0;
        while (read < RETURNED_SCAN_BYTES && ids.size() < RETURNED_IDS) {
            int length = 0;
            int b;
            while ((b = in.read()) >= 0) {
                read++;
                if (b == '\n') {
                    break;
                }
                if (length < line.length) {
                    line[length++] = (byte) b;
                }
            }
            if (b < 0 && length == 0) {
                break;
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (!body) {
                body = length == 0;
                continue;
            }
            if (length > 11 && (line[0] == 'M' || line[0] == 'm')) {
                Matcher id = RETURNED_ID.matcher(new String(line, 0, length, StandardCharsets.ISO_8859_1));
                if (id.find()) {
                    ids.add(id.group(1));
                }
            }
            if (b < 0) {
                break;
            }
        }
        return ids;
    }
}
