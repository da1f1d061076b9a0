package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tenantdesk.mail.in.Bounces.Kind;
import no.tenantdesk.mail.in.Bounces.Notice;
import no.tenantdesk.mail.in.Bounces.Signal;
import no.tenantdesk.mail.in.InboundMail.MailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BouncesTest {

    private static InboundMail mail(MailAddress from, String subject, String text, Map<String, List<String>> headers) {
        return new InboundMail(null, List.of(), List.of(), from, List.of(), List.of(), List.of(), subject, null, text,
                List.of(), List.of(), headers, Path.of("x.eml"), 0, "", null);
    }

    private static Optional<Notice> fromPerson(String subject, String text) {
        return Bounces.recognise(mail(new MailAddress("Kari Nordmann", "kari@leietaker.example"), subject, text,
                Map.of()));
    }

    private static final String NOTICE_TEXT = "This is the mail system at host mx.example.\n\n"
            + "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n";

    @Test
    void aDeliveryStatusReportIsABounceWhoeverSendsIt() {
        assertThat(Bounces.recognise(mail(new MailAddress("", "kari@leietaker.example"), "Hei", "",
                Map.of("content-type", List.of("multipart/report; report-type=delivery-status; boundary=x")))))
                .contains(new Notice(Kind.FAILURE, Signal.REPORT));
    }

    @Test
    void xFailedRecipientsIsABounce() {
        assertThat(Bounces.recognise(mail(new MailAddress("", "kari@leietaker.example"), "Hei", "",
                Map.of("x-failed-recipients", List.of("ola@example.no")))))
                .contains(new Notice(Kind.FAILURE, Signal.FAILED_RECIPIENTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILER-DAEMON@mx.example.no", "mailer-daemon@googlemail.com", "postmaster@eiendom.example",
        "Postmaster@hartfordlife.com", "MDaemon@receive.example.com", "Mail.Delivery.System@sb7.songbird.com",
        "ndr@some.domain", "Postmaster\\@example.com@xxx.com"})
    void mailFromAMailSystemIsABounce(String address) {
        assertThat(Bounces.recognise(mail(new MailAddress("", address), "Hei", "", Map.of())))
                .contains(new Notice(Kind.FAILURE, Signal.MAIL_SYSTEM));
    }

    @Test
    void aMailSystemIsKnownByItsNameOrAnEmptyAddressToo() {
        assertThat(Bounces.isMailSystem(new MailAddress("Mail Delivery Subsystem", "admin@domain.com"))).isTrue();
        assertThat(Bounces.isMailSystem(new MailAddress("Mail Delivery System", ""))).isTrue();
        assertThat(Bounces.isMailSystem(new MailAddress("", "<>"))).isTrue();
        assertThat(Bounces.isMailSystem(new MailAddress("Kari Postmann", "kari.postmann@example.no"))).isFalse();
        assertThat(Bounces.isMailSystem(new MailAddress("", "daemon.lover@example.no"))).isFalse();
        assertThat(Bounces.isMailSystem(new MailAddress("", "postmaster.general@example.no"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
        "Mail delivery failed: returning message to sender", "Returned mail: see transcript for details",
        "Undeliverable: Lekkasje i taket", "Non-Delivery: Your message", "failure notice", "Delivery failure",
        "[Postmaster] Email Delivery Failure", "Kan ikke leveres: Lekkasje i taket", "Ikke levert: Strøing",
        "Leveringsstatusvarsel (Feil)"})
    void aSubjectOnlyAMailServerWritesIsAFailureNotice(String subject) {
        assertThat(fromPerson(subject, "")).contains(new Notice(Kind.FAILURE, Signal.NOTICE_SUBJECT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Delivery Status Notification (Delay)",
        "Warning: message 14jRTi-0007jE-00 delayed 24 hours",
        "Warning: message has not yet been delivered", "Delayed Mail (still being retried)",
        "Message delayed (userx@example.cz)", "Delivery Status Notification (Mail Delivery Delayed)"})
    void delayWarningsAreBouncesOfTheirOwnKind(String subject) {
        assertThat(fromPerson(subject, "")).contains(new Notice(Kind.DELAY, Signal.NOTICE_SUBJECT));
        assertThat(Bounces.recognise(mail(new MailAddress("", "MAILER-DAEMON@mx.example"), subject, "", Map.of())))
                .contains(new Notice(Kind.DELAY, Signal.MAIL_SYSTEM));
    }

    @Test
    void milderWordsInTheSubjectNeedTheTextToSayItToo() {
        assertThat(fromPerson("Mail could not be delivered", NOTICE_TEXT))
                .contains(new Notice(Kind.FAILURE, Signal.SUBJECT_AND_TEXT));
        assertThat(fromPerson("RE: Your message to the list : non remis (delivery failed)",
                "*****\nYour message could not be delivered to\nuserx@example.com\n"))
                .contains(new Notice(Kind.FAILURE, Signal.SUBJECT_AND_TEXT));
        assertThat(fromPerson("Mail could not be delivered", "Hei,\n\nposten min kom ikke i dag.\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Returned mail", "Re: Returned mail: see transcript for details",
        "Re: Undelivered Mail Returned to Sender", "Fwd: Undelivered Mail Returned to Sender",
        "SV: Kan ikke leveres: Lekkasje", "Returned mail - wrong mailbox on the door", "Mail not delivered today",
        "Pakken ble returnert", "Posten blir ikke levert til oss", "Delivery failures of the furniture",
        "Returnert post", "Failure notice on the fire alarm panel"})
    void aPersonMentioningReturnedOrUndeliveredMailIsNotABounce(String subject) {
        assertThat(fromPerson(subject, "Hei,\n\nkan dere se på dette? Hilsen Kari\n")).isEmpty();
    }

    @Test
    void aTenantForwardingANoticeTheyGotIsAskingSomething() {
        assertThat(fromPerson("Fwd: Mail delivery failed: returning message to sender",
                "Hei, jeg fikk denne, hva betyr den?\n\n---------- Forwarded message ---------\n" + NOTICE_TEXT))
                .isEmpty();
        assertThat(fromPerson("Re: Mail could not be delivered", "Hei,\n\n> " + NOTICE_TEXT.strip()
                .replace("\n", "\n> ") + "\n\nHva gjør jeg nå?\n")).isEmpty();
    }

    @Test
    void theReturnedMessageIdsAreThoseBelowTheNoticesOwnHeader() throws IOException {
        String raw = "From: MAILER-DAEMON@mx.example\nMessage-ID: <notice@mx.example>\n\nIt failed.\n\n"
                + "Received: from x\r\nMessage-ID: <tenantdesk.12.abc@eiendom.example>\r\nSubject: Re: [#12]\r\n"
                + "message-id:   <second@example.no>\n";
        assertThat(Bounces.returnedMessageIds(new ByteArrayInputStream(raw.getBytes(US_ASCII))))
                .containsExactly("tenantdesk.12.abc@eiendom.example", "second@example.no");
    }

    @Test
    void aLineLongerThanALineIsReadPastWithoutBeingHeld() throws IOException {
        // 1.5 MB in one line, then the returned header: the line is skipped a byte at a time, never held whole.
        InputStream raw = new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream("Subject: x\n\n".getBytes(US_ASCII)), repeated('a', 1_500_000)),
                new ByteArrayInputStream("\nMessage-ID: <ours@eiendom.example>\n".getBytes(US_ASCII)));
        assertThat(Bounces.returnedMessageIds(raw)).containsExactly("ours@eiendom.example");
    }

    @Test
    void readingStopsAfterTwoMegabytes() throws IOException {
        InputStream raw = new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream("Subject: x\n\n".getBytes(US_ASCII)), repeated('\n', 3_000_000)),
                new ByteArrayInputStream("Message-ID: <too@late.example>\n".getBytes(US_ASCII)));
        assertThat(Bounces.returnedMessageIds(raw)).isEmpty();
    }

    private static InputStream repeated(char c, int count) {
        return new InputStream() {
            private int left = count;

            @Override
            public int read() {
                return left-- > 0 ? c : -1;
            }
        };
    }
}
