package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.InboundMail.MailAddress;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.mail.out.Receipt;
import no.tenantdesk.service.FilingDecision.Answer;
import no.tenantdesk.service.FilingDecision.Bounce;
import no.tenantdesk.service.FilingDecision.Duplicate;
import no.tenantdesk.service.FilingDecision.NewInquiry;
import no.tenantdesk.service.FilingDecision.Quarantine;
import no.tenantdesk.service.FilingDecision.Skip;
import org.junit.jupiter.api.Test;

/** The filing rules as what they are: a function of the mail and of what is stored, no database needed. */
class FilingRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final MailSettings.Acknowledgement RECEIPTS = new MailSettings.Acknowledgement(new Receipt(
            new OutgoingMail.Address("Drift", "drift@eiendom.example"), "Mottatt", "Sak {id}"), Duration.ofHours(1));

    /** What is stored, as plain maps. */
    private static final class Known implements Stored {
        final Map<String, Long> messages = new HashMap<>();
        final Map<String, Long> inquiryOfMessage = new HashMap<>();
        final Map<String, Long> taskOfMessage = new HashMap<>();
        final Map<Long, Long> inquiryOfTask = new HashMap<>();
        final Set<Long> inquiries = new HashSet<>();
        final Set<String> belongs = new HashSet<>();
        final Map<String, Long> outbox = new HashMap<>();
        final Map<String, Instant> receipts = new HashMap<>();

        @Override
        public boolean hasMessage(String messageKey, Long except) {
            Long row = messages.get(messageKey);
            return row != null && !row.equals(except);
        }

        @Override
        public Long inquiryOfMessage(String messageId) {
            return inquiryOfMessage.get(messageId);
        }

        @Override
        public Long taskOfMessage(String messageId) {
            return taskOfMessage.get(messageId);
        }

        @Override
        public Long inquiryOfTask(long taskId) {
            return inquiryOfTask.get(taskId);
        }

        @Override
        public Long inquiryOfNumber(long inquiryId) {
            return inquiries.contains(inquiryId) ? inquiryId : null;
        }

        @Override
        public boolean senderBelongsTo(long inquiryId, String senderKey) {
            return belongs.contains(inquiryId + " " + senderKey);
        }

        @Override
        public Long outboxOfMessage(String messageId) {
            return outbox.get(messageId);
        }

        @Override
        public boolean acknowledgedSince(String senderKey, Instant since) {
            Instant sent = receipts.get(senderKey);
            return sent != null && !sent.isBefore(since);
        }

        @Override
        public no.tenantdesk.triage.Triage.Sender sender(String senderKey) {
            return null;
        }

        @Override
        public Long openInquiryBySubject(String senderKey, String title) {
            return null;
        }

        @Override
        public String taskAssignee(long taskId) {
            return null;
        }
    }

    private final Known known = new Known();

    private static InboundMail mail(String messageId, List<String> inReplyTo, List<String> references, String subject,
            String text) {
        return new InboundMail(messageId, inReplyTo, references, new MailAddress("Kari", "Kari@Leietaker.example"),
                List.of(), List.of(), List.of(), subject, null, text, List.of(), List.of(), Map.of(),
                Path.of("m.eml"), 100, "abc123", null);
    }

    private static InboundMail mail(String subject) {
        return mail("m1@leietaker.example", List.of(), List.of(), subject, "Hei");
    }

    private FilingDecision decide(InboundMail mail) {
        return decide(mail, Optional.empty(), List.of(), null, RECEIPTS);
    }

    private FilingDecision decide(InboundMail mail, Optional<SkipReason> automatic, List<String> returnedIds,
            Long retrying, MailSettings.Acknowledgement receipts) {
        Intake.Parsed parsed = new Intake.Parsed(RawMessage.spooled("k", Path.of("m.eml")), mail, automatic,
                returnedIds);
        return new FilingRules(known, receipts, NOW).decide(parsed, retrying);
    }

    @Test
    void aMessageStoredBeforeIsADuplicateButNotOfItselfWhenRetried() {
        known.messages.put("m1@leietaker.example", 7L);
        assertThat(decide(mail("Lekkasje"))).isEqualTo(new Duplicate());
        assertThat(decide(mail("Lekkasje"), Optional.empty(), List.of(), 7L, RECEIPTS)).isInstanceOf(NewInquiry.class);
    }

    @Test
    void withoutAMessageIdTheHashOfItsBytesIsItsKey() {
        known.messages.put("sha256:abc123", 3L);
        assertThat(decide(mail(null, List.of(), List.of(), "Lekkasje", ""))).isEqualTo(new Duplicate());
    }

    @Test
    void automaticMailIsSkippedWithItsReasonEvenWhenItAnswersAnInquiry() {
        known.inquiryOfMessage.put("ours@eiendom.example", 4L);
        InboundMail outOfOffice = mail("m2@x", List.of("ours@eiendom.example"), List.of(), "Fraværende", "");
        assertThat(decide(outOfOffice, Optional.of(SkipReason.AUTO_REPLY), List.of(), null, RECEIPTS))
                .isEqualTo(new Skip(SkipReason.AUTO_REPLY));
    }

    @Test
    void aBounceNamesEachOfOurMessagesItReturnsOnceInOrder() {
        known.outbox.put("reply-2@eiendom.example", 20L);
        known.outbox.put("receipt-1@eiendom.example", 10L);
        assertThat(decide(mail("failure notice"), Optional.of(SkipReason.BOUNCE),
                List.of("theirs@example.no", "reply-2@eiendom.example", "receipt-1@eiendom.example",
                        "reply-2@eiendom.example"), null, RECEIPTS))
                .isEqualTo(new Bounce(List.of(20L, 10L)));
        assertThat(decide(mail("failure notice"), Optional.of(SkipReason.BOUNCE), List.of("theirs@example.no"),
                null, RECEIPTS)).isEqualTo(new Bounce(List.of()));
    }

    @Test
    void inReplyToWinsOverReferencesAndReferencesAreReadFromTheNewest() {
        known.inquiryOfMessage.put("a@x", 1L);
        known.inquiryOfMessage.put("b@x", 2L);
        known.inquiryOfMessage.put("c@x", 3L);
        known.taskOfMessage.put("c@x", 30L);
        assertThat(decide(mail("m@y", List.of("c@x"), List.of("a@x", "b@x"), "Re: [#1]", "")))
                .isEqualTo(new Answer(3, MatchedBy.IN_REPLY_TO, 30L));
        assertThat(decide(mail("m@y", List.of("unknown@x"), List.of("a@x", "b@x", "gone@x"), "Re: noe", "")))
                .isEqualTo(new Answer(2, MatchedBy.REFERENCES, null));
    }

    @Test
    void aSubjectTokenCountsOnlyFromSomeoneWhoHasToDoWithTheInquiry() {
        known.inquiries.add(12L);
        assertThat(decide(mail("Re: [#12] Lekkasje"))).isInstanceOf(NewInquiry.class);
        known.belongs.add("12 kari@leietaker.example");
        assertThat(decide(mail("Re: [#12] Lekkasje"))).isEqualTo(new Answer(12, MatchedBy.SUBJECT_TOKEN, null));
        assertThat(decide(mail("Re: [#13] [#12] Lekkasje"))).isEqualTo(new Answer(12, MatchedBy.SUBJECT_TOKEN, null));
    }

    @Test
    void aTaskTokenGoesToItsTaskBeforeAnInquiryToken() {
        known.inquiries.add(12L);
        known.inquiryOfTask.put(5L, 12L);
        known.belongs.add("12 kari@leietaker.example");
        assertThat(decide(mail("Re: [#12] [task #5] Tett taksluk")))
                .isEqualTo(new Answer(12, MatchedBy.SUBJECT_TOKEN, 5L));
        assertThat(decide(mail("Re: [task #6] ukjent"))).isInstanceOf(NewInquiry.class);
    }

    @Test
    void aNewInquiryGetsAReceiptUnlessOneWentToTheSenderWithinTheInterval() {
        assertThat(decide(mail("Lekkasje"))).isEqualTo(new NewInquiry("Lekkasje", true));
        known.receipts.put("kari@leietaker.example", NOW.minus(Duration.ofMinutes(59)));
        assertThat(decide(mail("Lekkasje"))).isEqualTo(new NewInquiry("Lekkasje", false));
        known.receipts.put("kari@leietaker.example", NOW.minus(Duration.ofMinutes(61)));
        assertThat(decide(mail("Lekkasje"))).isEqualTo(new NewInquiry("Lekkasje", true));
        assertThat(decide(mail("Lekkasje"), Optional.empty(), List.of(), null, null))
                .isEqualTo(new NewInquiry("Lekkasje", false));
    }

    @Test
    void theTitleIsTheSubjectElseTheFirstLineElseWhoWrote() {
        assertThat(FilingRules.title(mail("m", List.of(), List.of(), "  Lekkasje \t i  taket ", "x")))
                .isEqualTo("Lekkasje i taket");
        assertThat(FilingRules.title(mail("m", List.of(), List.of(), "", "\n\n  Det drypper.\nMer.")))
                .isEqualTo("Det drypper.");
        assertThat(FilingRules.title(mail("m", List.of(), List.of(), "", " "))).isEqualTo("E-mail from Kari");
        assertThat(FilingRules.title(mail("m", List.of(), List.of(), "x".repeat(300), ""))).hasSize(200).endsWith("…");
    }

    @Test
    void aMessageThatCannotBeReadIsQuarantinedUnlessACopyIsStored() {
        assertThat(new FilingRules(known, null, NOW).quarantine("sha256:ff", "no sender"))
                .isEqualTo(new Quarantine("no sender"));
        known.messages.put("sha256:ff", 9L);
        assertThat(new FilingRules(known, null, NOW).quarantine("sha256:ff", "no sender")).isEqualTo(new Duplicate());
    }
}
