package no.tenantdesk.mail.out;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.Classifier;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.InboundMail.MailAddress;
import no.tenantdesk.mail.in.MessageParser;
import no.tenantdesk.mail.in.RawMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailComposerTest {

    private static final Instant NOW = Instant.parse("2026-03-03T09:30:00Z");

    @TempDir
    Path dir;

    private final MailComposer composer = new MailComposer(Clock.fixed(NOW, ZoneOffset.UTC));

    private InboundMail parse(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(dir, "composed", ".eml");
        Files.write(file, bytes);
        Path spool = Files.createDirectories(dir.resolve("spool"));
        return new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, spool)
                .parse(RawMessage.inPlace("composed", file));
    }

    private static MimeMessage jakarta(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    @Test
    void ourParserReadsBackWhatWeWrite() throws Exception {
        byte[] pdf = new byte[100_000];
        new Random(204).nextBytes(pdf);
        Path photo = Files.write(dir.resolve("upload-1"), pdf);
        Path note = Files.writeString(dir.resolve("upload-2"), "Målt fukt: 38 %\n");

        byte[] bytes = composer.compose(Mails.reply("reply.12.7@eiendom.example", List.of(
                Mails.attachment(photo, "Bilde av taket på kontor 204.pdf", "application/pdf"),
                Mails.attachment(note, "måling.txt", "text/plain; charset=UTF-8"))));

        try (InboundMail mail = parse(bytes)) {
            assertThat(mail.messageId()).isEqualTo("reply.12.7@eiendom.example");
            assertThat(mail.inReplyTo()).containsExactly("CAB7x2=kari.204@mail.example.no");
            assertThat(mail.references()).containsExactly("first@eiendom.example", "CAB7x2=kari.204@mail.example.no");
            assertThat(mail.from()).isEqualTo(new MailAddress("Driftssentralen Ålesund", "post@eiendom.example"));
            assertThat(mail.to()).containsExactly(new MailAddress("Kari Nordmann", "kari@example.no"));
            assertThat(mail.subject()).isEqualTo(Mails.SUBJECT);
            assertThat(mail.sentAt()).isEqualTo(NOW);
            assertThat(mail.text()).isEqualTo(Mails.TEXT.strip());
            assertThat(mail.parts()).extracting(InboundMail.MailPart::filename)
                    .containsExactly("Bilde av taket på kontor 204.pdf", "måling.txt");
            assertThat(mail.parts().get(0).contentType()).startsWith("application/pdf");
            assertThat(Files.readAllBytes(mail.parts().get(0).file())).isEqualTo(pdf);
            assertThat(Files.readString(mail.parts().get(1).file())).isEqualTo("Målt fukt: 38 %\n");
            // Our own mail, should it come back to the mailbox we fetch from, is never imported.
            assertThat(new Classifier(java.util.Set.of()).classify(mail)).contains(SkipReason.OWN_MAIL);
        }
    }

    @Test
    void headersAreExactlyOursAndEncoded() throws Exception {
        byte[] bytes = composer.compose(Mails.reply("reply.12.7@eiendom.example"));
        String raw = new String(bytes, ISO_8859_1);
        MimeMessage message = jakarta(bytes);

        assertThat(message.getHeader("Message-ID")).containsExactly("<reply.12.7@eiendom.example>");
        assertThat(message.getHeader("In-Reply-To")).containsExactly("<CAB7x2=kari.204@mail.example.no>");
        assertThat(message.getHeader("References"))
                .containsExactly("<first@eiendom.example> <CAB7x2=kari.204@mail.example.no>");
        assertThat(message.getHeader("X-Loop")).containsExactly("tenantdesk");
        assertThat(message.getHeader("Auto-Submitted")).isNull();
        assertThat(message.getHeader("X-Auto-Response-Suppress")).isNull();
        assertThat(message.getSubject()).isEqualTo(Mails.SUBJECT);
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        // RFC 2047 on the wire: 7-bit headers, and CRLF line ends everywhere.
        assertThat(raw).contains("Subject: =?UTF-8?Q?Re:_[#12]_Lekkasje_i_taket_p=C3=A5_kontor_204?=\r\n");
        assertThat(raw.chars().allMatch(c -> c < 0x80)).isTrue();
        assertThat(raw.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void automaticNoticesSaySoAndWhatEnclosesThemIsNotAReply() throws Exception {
        MimeMessage message = jakarta(composer.compose(Mails.notice("ack.12@eiendom.example", "kari@example.no")));

        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(message.getHeader("X-Auto-Response-Suppress")).containsExactly("All");
        assertThat(message.getHeader("X-Loop")).containsExactly("tenantdesk");
        assertThat(message.getHeader("In-Reply-To")).isNull();
        assertThat(message.getHeader("References")).isNull();
    }

    @Test
    void composingTwiceGivesTheSameMessageId() throws Exception {
        OutgoingMail mail = Mails.reply("reply.12.7@eiendom.example");

        assertThat(jakarta(composer.compose(mail)).getMessageID()).isEqualTo("<reply.12.7@eiendom.example>");
        assertThat(jakarta(composer.compose(mail)).getMessageID()).isEqualTo("<reply.12.7@eiendom.example>");
    }

    @Test
    void aLongThreadIsFoldedWithinTheLineLimit() throws Exception {
        List<String> references = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> "message-number-" + i + ".abcdef@mail.example.no").toList();
        OutgoingMail mail = new OutgoingMail("r@eiendom.example", Mails.FROM, List.of(Mails.KARI), "Re: x", "y",
                references.get(59), references, OutgoingMail.Automatic.NO, List.of());

        byte[] bytes = composer.compose(mail);

        assertThat(new String(bytes, ISO_8859_1).split("\r\n")).allMatch(line -> line.length() <= 998);
        try (InboundMail parsed = parse(bytes)) {
            assertThat(parsed.references()).isEqualTo(references);
        }
    }

    @Test
    void aMessageWithOnlyAnAttachmentHasNoEmptyTextPart() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        OutgoingMail mail = new OutgoingMail("r@eiendom.example", Mails.FROM, List.of(Mails.KARI), "Vedlegg", "",
                null, List.of(), OutgoingMail.Automatic.NO, List.of(Mails.attachment(file, "x.txt", null)));

        byte[] bytes = composer.compose(mail);

        assertThat(new String(bytes, ISO_8859_1)).contains("Content-Type: application/octet-stream; name=x.txt\r\n")
                .doesNotContain("text/plain");
        try (InboundMail parsed = parse(bytes)) {
            assertThat(parsed.text()).isEmpty();
            assertThat(parsed.parts()).extracting(InboundMail.MailPart::filename).containsExactly("x.txt");
        }
    }

    @Test
    void aMissingAttachmentFileIsNamed() {
        OutgoingMail mail = Mails.reply("r@eiendom.example",
                List.of(Mails.attachment(dir.resolve("gone"), "rapport.pdf", "application/pdf")));

        assertThatThrownBy(() -> composer.compose(mail))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("rapport.pdf");
    }
}
