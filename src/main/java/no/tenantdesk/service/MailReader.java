package no.tenantdesk.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.mail.in.Bounces;
import no.tenantdesk.mail.in.Classifier;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.MessageParser;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.triage.Triage;

/**
 * Reads one raw message into an {@link Intake}: parsed and classified, and of a bounce the Message-IDs it returns.
 * Used by fetch-mail's parsing threads and by a quarantine retry, so that both file what the same steps made. It
 * keeps nothing of one message for the next, and never throws: whatever one message does to it (a parser's bug, a
 * stack overflow, memory run out) makes that message {@link Intake.Unreadable}, and the run goes on.
 */
final class MailReader {

    /** What reads the bytes: {@link MessageParser}, or in a test one that fails as a hostile mail would make it. */
    interface Parser {
        InboundMail parse(RawMessage raw);
    }

    private final Parser parser;
    private final Classifier classifier;

    MailReader(MailSettings settings, Path spool) {
        this(new MessageParser(settings.maxAttachmentSize(), spool)::parse, new Classifier(settings.ownAddresses()));
    }

    MailReader(Parser parser, Classifier classifier) {
        this.parser = parser;
        this.classifier = classifier;
    }

    Intake read(RawMessage raw) {
        return read(raw, null);
    }

    /**
     * @param triage the run's, to read the mail for on this thread (a person's mail only: the rest is never triaged);
     *               null to leave it to the filing
     */
    Intake read(RawMessage raw, Triage triage) {
        InboundMail mail = null;
        try {
            mail = parser.parse(raw);
            Optional<SkipReason> automatic = classifier.classify(mail);
            // A delay warning names our message too, but it may still arrive: only a failure marks it failed.
            boolean failure = automatic.equals(Optional.of(SkipReason.BOUNCE)) && Bounces.recognise(mail)
                    .map(notice -> notice.kind() == Bounces.Kind.FAILURE).orElse(false);
            List<String> returned = failure ? Bounces.returnedMessageIds(mail) : List.of();
            Triage.Reading reading = triage == null || automatic.isPresent() ? null : triage.read(mail);
            return new Intake.Parsed(raw, mail, automatic, returned, reading);
        } catch (Throwable e) { // Errors too: see the class comment
            if (mail != null) {
                mail.close();
            }
            return new Intake.Unreadable(raw, reason(e));
        }
    }

    /**
     * One line that says what went wrong: the first message in the chain that says something (MyBatis wraps the
     * database's own words in lines of "###"); for the errors that carry none, what they mean for a mail.
     */
    static String reason(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "stack overflow: nested too deeply to follow";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: too large to hold";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String line = cause.getMessage() == null ? "" : cause.getMessage().strip().lines().findFirst().orElse("");
            if (!line.isEmpty() && !line.startsWith("###")) {
                return line;
            }
        }
        return e.getClass().getSimpleName();
    }
}
