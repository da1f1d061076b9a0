package no.tenantdesk.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.service.FilingDecision.Answer;
import no.tenantdesk.service.FilingDecision.Bounce;
import no.tenantdesk.service.FilingDecision.Duplicate;
import no.tenantdesk.service.FilingDecision.NewInquiry;
import no.tenantdesk.service.FilingDecision.Quarantine;
import no.tenantdesk.service.FilingDecision.Skip;
import no.tenantdesk.triage.DoneReply;
import no.tenantdesk.triage.OwnText;
import no.tenantdesk.triage.Triage;

/**
 * Where one message goes: the rules for duplicates, automatic mail, bounces and threading, written once, as functions
 * of the parsed mail and of what is stored ({@link Stored}). Nothing here writes; {@link MailFiling} does what these
 * decide.
 */
final class FilingRules {

    /** "[#12]" in a subject; "[task #12]" is a task's and does not match. */
    private static final Pattern TOKEN = Pattern.compile("\\[#(\\d{1,18})]");
    /** "[task #5]": the subject of a task notice, and of the contractor's answer. */
    private static final Pattern TASK_TOKEN = Pattern.compile("(?i)\\[task #(\\d{1,18})]");
    private static final int TITLE_LENGTH = 200;

    private final Stored stored;
    private final MailSettings.Acknowledgement acknowledgement;
    private final Instant now;
    private final Triage triage;
    private final List<String> doneWords;

    /** @param acknowledgement the receipts' settings, null when none are sent */
    FilingRules(Stored stored, MailSettings.Acknowledgement acknowledgement, Instant now) {
        this(stored, acknowledgement, now, Triage.none(), MailSettings.Triaging.NONE.doneWords());
    }

    /**
     * @param triage    where a new inquiry lands, from the rules, the organizations and the places
     * @param doneWords the first words of a contractor's answer that close their task
     */
    FilingRules(Stored stored, MailSettings.Acknowledgement acknowledgement, Instant now, Triage triage,
            List<String> doneWords) {
        this.stored = stored;
        this.acknowledgement = acknowledgement;
        this.now = now;
        this.triage = triage;
        this.doneWords = List.copyOf(doneWords);
    }

    /** What two copies of one message share: its Message-ID, else the hash of its bytes. */
    static String messageKey(InboundMail mail) {
        return mail.messageId() != null ? mail.messageId() : "sha256:" + mail.rawSha256();
    }

    static String senderKey(InboundMail mail) {
        return mail.from().email().toLowerCase(Locale.ROOT);
    }

    /** @param retrying the row of the quarantined message being filed again, else null */
    FilingDecision decide(Intake.Parsed parsed, Long retrying) {
        InboundMail mail = parsed.mail();
        if (stored.hasMessage(messageKey(mail), retrying)) {
            return new Duplicate();
        }
        if (parsed.automatic().isPresent()) {
            SkipReason reason = parsed.automatic().get();
            return reason == SkipReason.BOUNCE ? new Bounce(bounced(parsed.returnedIds())) : new Skip(reason);
        }
        Answer answer = answer(mail);
        if (answer != null) {
            return closesTask(mail, answer);
        }
        String senderKey = senderKey(mail);
        Triage.Reading reading = parsed.triage() != null ? parsed.triage() : triage.read(mail);
        Triage.Decision triaged = triage.decide(reading, stored.sender(senderKey));
        if (triaged.rules().skipBy() != null) {
            return new Skip(SkipReason.RULE, triaged);
        }
        String title = title(mail);
        if (triaged.rules().threadBySubject()) {
            Long open = stored.openInquiryBySubject(senderKey, title);
            if (open != null) {
                return new Answer(open, MatchedBy.SUBJECT, null, null, triaged);
            }
        }
        return new NewInquiry(title, acknowledgement != null
                && !stored.acknowledgedSince(senderKey, now.minus(acknowledgement.interval())), triaged);
    }

    /** How many new contacts and inquiries a batch is likely to make ({@link #expected}). */
    record Expected(int contacts, int inquiries) {}

    /**
     * The messages of a batch that look like new inquiries before it is filed (not stored, not automatic, answering
     * nothing: no In-Reply-To, References or number in the subject), and their senders not known yet. What the
     * database reserves ids by, so rather too few than too many: an id reserved and not used is a gap in the
     * inquiries' numbers (a rule may still skip such a message).
     */
    Expected expected(List<Intake> batch) {
        Set<String> newSenders = new HashSet<>();
        int inquiries = 0;
        for (Intake intake : batch) {
            if (intake instanceof Intake.Parsed parsed && parsed.automatic().isEmpty()
                    && parsed.mail().inReplyTo().isEmpty() && parsed.mail().references().isEmpty()
                    && !TOKEN.matcher(parsed.mail().subject()).find()
                    && !TASK_TOKEN.matcher(parsed.mail().subject()).find()
                    && !stored.hasMessage(messageKey(parsed.mail()), null)) {
                inquiries++;
                if (stored.sender(senderKey(parsed.mail())) == null) {
                    newSenders.add(senderKey(parsed.mail()));
                }
            }
        }
        return new Expected(newSenders.size(), inquiries);
    }

    /**
     * An answer to a task notice from that task's assignee whose first line says done closes the task; the same from
     * anyone else (a tenant in Cc, a colleague) is a comment only.
     */
    private Answer closesTask(InboundMail mail, Answer answer) {
        if (answer.taskId() == null || !senderKey(mail).equals(stored.taskAssignee(answer.taskId()))) {
            return answer;
        }
        String note = DoneReply.note(OwnText.of(mail.text()), doneWords);
        return note == null ? answer
                : new Answer(answer.inquiryId(), answer.matchedBy(), answer.taskId(), note, Triage.Decision.NONE);
    }

    /**
     * A message that could not be read or stored. One copy of it is enough: the same bytes (or Message-ID) come
     * again, they are a duplicate.
     */
    FilingDecision quarantine(String messageKey, String reason) {
        return stored.hasMessage(messageKey, null) ? new Duplicate() : new Quarantine(reason);
    }

    /** Our messages that a bounce names, each once, in the order it names them. */
    private List<Long> bounced(List<String> returnedIds) {
        Set<Long> outbox = new LinkedHashSet<>();
        for (String id : returnedIds) {
            Long row = stored.outboxOfMessage(id);
            if (row != null) {
                outbox.add(row);
            }
        }
        return List.copyOf(outbox);
    }

    /**
     * Headers first: In-Reply-To, then References from the newest, naming a message we stored or sent (a task
     * notice's answer goes to its task). Then a subject token, task before inquiry, but only from someone who has
     * to do with that inquiry: anyone can type "[#12]", and a stranger's mail must not land in another tenant's
     * case. Numbers in the body are never read.
     *
     * @return null when the mail answers nothing of ours
     */
    private Answer answer(InboundMail mail) {
        for (String id : mail.inReplyTo()) {
            Long inquiry = stored.inquiryOfMessage(id);
            if (inquiry != null) {
                return new Answer(inquiry, MatchedBy.IN_REPLY_TO, stored.taskOfMessage(id));
            }
        }
        List<String> references = new ArrayList<>(mail.references());
        for (int i = references.size() - 1; i >= 0; i--) {
            Long inquiry = stored.inquiryOfMessage(references.get(i));
            if (inquiry != null) {
                return new Answer(inquiry, MatchedBy.REFERENCES, stored.taskOfMessage(references.get(i)));
            }
        }
        String senderKey = senderKey(mail);
        Matcher taskToken = TASK_TOKEN.matcher(mail.subject());
        while (taskToken.find()) {
            long task = Long.parseLong(taskToken.group(1));
            Long inquiry = stored.inquiryOfTask(task);
            if (inquiry != null && stored.senderBelongsTo(inquiry, senderKey)) {
                return new Answer(inquiry, MatchedBy.SUBJECT_TOKEN, task);
            }
        }
        Matcher token = TOKEN.matcher(mail.subject());
        while (token.find()) {
            Long inquiry = stored.inquiryOfNumber(Long.parseLong(token.group(1)));
            if (inquiry != null && stored.senderBelongsTo(inquiry, senderKey)) {
                return new Answer(inquiry, MatchedBy.SUBJECT_TOKEN, null);
            }
        }
        return null;
    }

    /** The subject; without one, the first line of the text; without that, who wrote. */
    static String title(InboundMail mail) {
        String subject = mail.subject().strip().replaceAll("\\s+", " ");
        if (subject.isEmpty()) {
            subject = mail.text().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .map(line -> line.length() > 80 ? line.substring(0, 79).strip() + "…" : line)
                    .orElse("E-mail from " + (mail.from().name().isBlank() ? mail.from().email()
                            : mail.from().name().strip()));
        }
        return subject.length() > TITLE_LENGTH ? subject.substring(0, TITLE_LENGTH - 1).strip() + "…" : subject;
    }
}
