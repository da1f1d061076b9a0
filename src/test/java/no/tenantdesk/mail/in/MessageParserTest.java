package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import no.tenantdesk.mail.in.InboundMail.MailAddress;
import no.tenantdesk.mail.in.InboundMail.MailPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageParserTest {

    @TempDir
    Path spool;

    private InboundMail parse(String fixture) {
        return new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, spool).parse(Fixtures.raw(fixture));
    }

    private static String content(MailPart part) throws IOException {
        return Files.readString(part.file(), StandardCharsets.UTF_8);
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    @Test
    void plainUtf8MessageGivesHeadersAndText() {
        InboundMail mail = parse("plain-utf8.eml");

        assertThat(mail.messageId()).isEqualTo("CAB7x2=kari.204@mail.example.no");
        assertThat(mail.inReplyTo()).containsExactly("20260301.abc@eiendom.example");
        assertThat(mail.references())
                .containsExactly("first@eiendom.example", "20260301.abc@eiendom.example", "second@eiendom.example");
        assertThat(mail.from()).isEqualTo(new MailAddress("Kari Nordmann", "kari.nordmann@example.no"));
        assertThat(mail.to()).containsExactly(new MailAddress("Driftssentralen", "post@eiendom.example"),
                new MailAddress("", "vaktmester@eiendom.example"));
        assertThat(mail.cc()).containsExactly(new MailAddress("Hansen, Ola", "ola.hansen@example.no"));
        assertThat(mail.replyTo()).isEmpty();
        assertThat(mail.subject()).isEqualTo("Lekkasje i taket på kontor 204");
        assertThat(mail.sentAt()).isEqualTo(Instant.parse("2026-03-03T08:15:00Z"));
        assertThat(mail.text()).isEqualTo("""
                Hei,

                Det drypper fra taket over pulten ved vinduet på kontor 204.
                Vi har satt en bøtte under, men flisene er blitt brune og myke.

                Kan noen komme i dag?

                Hilsen
                Kari Nordmann
                Ærlig Ørret Åpen AS""");
        assertThat(mail.parts()).isEmpty();
        assertThat(mail.omitted()).isEmpty();
        assertThat(mail.header("Return-Path")).containsExactly("<kari.nordmann@example.no>");
        assertThat(mail.header("content-type")).containsExactly("text/plain; charset=UTF-8");
    }

    @Test
    void rawMessageIsHashedAsItIsOnDisk() {
        Path file = Fixtures.path("plain-utf8.eml");
        InboundMail mail = parse("plain-utf8.eml");

        assertThat(mail.raw()).isEqualTo(file);
        assertThat(mail.rawSize()).isEqualTo(Fixtures.bytes("plain-utf8.eml").length);
        assertThat(mail.rawSha256()).isEqualTo(Fixtures.sha256(Fixtures.bytes("plain-utf8.eml")))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void quotedPrintableLatin1GivesAeOeAa() {
        InboundMail mail = parse("quoted-printable-iso-8859-1-aeoeaa.eml");

        assertThat(mail.subject()).isEqualTo("Det er for kaldt på kontoret");
        assertThat(mail.from()).isEqualTo(new MailAddress("Bjørn Ærø", "bjorn.aero@example.no"));
        assertThat(mail.text()).isEqualTo("""
                Hei!

                Det er for kaldt på kontoret i dag igjen, bare 16 grader ved vinduene. Radiatorene står på fullt, \
                men det hjelper lite. Kan dere se på termostaten i 3. etasje?

                Mvh
                Bjørn Ærø""");
    }

    private static final String VARMTVANN = """
            Hei,

            Varmtvannet på badet i 2. etasje er “nesten kaldt” – og det har vært slik siden mandag.
            Rørleggeren sa det ville koste 1 200 €… Hvem betaler?

            Vennlig hilsen
            Åse Sæther""";

    @Test
    void windows1252GivesSmartQuotesEuroAndAeOeAa() {
        assertThat(parse("windows-1252-smart-quotes-and-aeoeaa.eml").text()).isEqualTo(VARMTVANN);
    }

    @Test
    void latin1LabelIsReadAsWindows1252LikeBrowsersDo() {
        assertThat(parse("iso-8859-1-label-with-smart-quotes.eml").text()).isEqualTo(VARMTVANN);
    }

    @Test
    void base64BodyIsDecodedAndLineEndsBecomeLineFeeds() {
        assertThat(parse("base64-utf8-body.eml").text()).isEqualTo("""
                Heisen står mellom 3. og 4. etasje.
                Ingen er inne i den, men alarmen piper.

                Per på resepsjonen""");
    }

    @Test
    void encodedWordsInSubjectAndNamesAreDecodedEvenWhenACharacterIsSplit() {
        InboundMail mail = parse("rfc2047-subject-and-sender-name.eml");

        assertThat(mail.subject()).isEqualTo("Når hentes søppelet? – containeren er full");
        assertThat(mail.from()).isEqualTo(new MailAddress("Kjærstad, Bjørn", "Bjorn.Kjaerstad@Example.NO"));
        assertThat(mail.to()).containsExactly(new MailAddress("Driftssentralen", "post@eiendom.example"));
        assertThat(mail.cc()).containsExactly(new MailAddress("Sølvi Sæther", "solvi@example.no"),
                new MailAddress("Åse Mørk", "ase.mork@example.no"));
        assertThat(mail.replyTo()).containsExactly(new MailAddress("Østby", "ostby@example.no"));
    }

    @Test
    void rfc2231FileNamesAreDecodedIncludingContinuations() throws IOException {
        InboundMail mail = parse("rfc2231-filename-utf8.eml");

        assertThat(mail.text()).isEqualTo("Rapport vedlagt.");
        assertThat(mail.parts()).extracting(MailPart::filename, MailPart::contentType, MailPart::inline)
                .containsExactly(tuple("Rapport lekkasje på kontor 204.pdf", "application/pdf", false),
                        tuple("Strøing på parkeringsplassen – avtale.pdf", "application/pdf", false));
        assertThat(content(mail.parts().get(0))).startsWith("%PDF-1.4").endsWith("%%EOF\n");
    }

    @Test
    void outlookEncodedWordFileNamesAreDecoded() throws IOException {
        InboundMail mail = parse("rfc2047-encoded-filename-outlook.eml");

        assertThat(mail.from()).isEqualTo(new MailAddress("Åse Mørk", "ase.mork@example.no"));
        assertThat(mail.subject()).isEqualTo("Strøing på parkeringsplassen");
        assertThat(mail.messageId()).isEqualTo("AM0PR02MB5555.eurprd02.prod.outlook.com");
        assertThat(mail.text()).isEqualTo("Det er glatt på parkeringsplassen. Bilde vedlagt.");
        assertThat(mail.parts()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("Strøing på parkeringsplassen.pdf");
            assertThat(part.contentType()).isEqualTo("application/pdf");
            assertThat(part.size()).isEqualTo(77);
        });
    }

    @Test
    void outlookHtmlOnlyMailBecomesReadableText() {
        InboundMail mail = parse("outlook-html-only-windows-1252.eml");

        assertThat(mail.subject()).isEqualTo("Heisen står");
        assertThat(mail.text()).isEqualTo("""
                Hei,

                Heisen i oppgang B står igjen – “Door fault” i displayet. Beboerne i 7. etasje må gå trappene.

                - Oppgang B, heis 2
                - Feilkode E17

                Se feilkoden hos leverandøren (https://heis.example.no/feil/E17) eller https://heis.example.no.

                Med vennlig hilsen
                Tor Bjørnsen
                Styreleder""");
        assertThat(mail.parts()).isEmpty();
    }

    @Test
    void plainAlternativeWinsOverHtml() {
        InboundMail mail = parse("alternative-plain-and-html.eml");

        assertThat(mail.text()).isEqualTo("Heisen står i 4. etasje.\nIngen er fast.");
        assertThat(mail.parts()).isEmpty();
    }

    @Test
    void photoIsKeptByteForByteAndOctetStreamIsGuessedFromItsName() throws IOException {
        InboundMail mail = parse("photo-attachment-jpeg.eml");
        byte[] photo = Fixtures.bytes("lekkasje-kontor-204.jpg");

        assertThat(mail.text()).isEqualTo("Her er et bilde av taket.");
        assertThat(mail.parts()).hasSize(2);
        MailPart jpeg = mail.parts().get(0);
        assertThat(jpeg.filename()).isEqualTo("lekkasje-kontor-204.jpg");
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(jpeg.inline()).isFalse();
        assertThat(jpeg.contentId()).isNull();
        assertThat(jpeg.size()).isEqualTo(photo.length);
        assertThat(jpeg.sha256()).isEqualTo(Fixtures.sha256(photo));
        assertThat(Files.readAllBytes(jpeg.file())).isEqualTo(photo);
        assertThat(jpeg.file().getParent()).isEqualTo(spool);
        assertThat(javax.imageio.ImageIO.read(jpeg.file().toFile())).isNotNull()
                .satisfies(image -> assertThat(image.getWidth()).isEqualTo(4));

        MailPart heic = mail.parts().get(1);
        assertThat(heic.filename()).isEqualTo("IMG_2042.HEIC");
        assertThat(heic.contentType()).isEqualTo("image/heic");
    }

    @Test
    void inlineImagesKeepTheirContentIdWhilePlainTextWins() throws IOException {
        InboundMail mail = parse("inline-image-with-content-id.eml");
        byte[] logo = Fixtures.bytes("logo.png");

        assertThat(mail.text()).isEqualTo("Ny kontaktperson for bygg A fra mandag.");
        assertThat(mail.parts())
                .extracting(MailPart::filename, MailPart::contentType, MailPart::inline, MailPart::contentId,
                        MailPart::sha256)
                .containsExactly(
                        tuple("logo.png", "image/png", true, "logo.7f2a@example.no", Fixtures.sha256(logo)),
                        tuple("image.png", "image/png", true, "sig@example.no", Fixtures.sha256(logo)));
    }

    @Test
    void forwardedMessageIsKeptWholeAndNamedAfterItsSubject() throws IOException {
        InboundMail mail = parse("forwarded-message-rfc822.eml");

        assertThat(mail.subject()).isEqualTo("Fwd: Strøing på parkeringsplassen 3/12");
        assertThat(mail.text()).isEqualTo("Videresender fra beboer.");
        assertThat(mail.parts()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("Strøing på parkeringsplassen 3-12.eml");
            assertThat(part.contentType()).isEqualTo("message/rfc822");
            assertThat(content(part)).startsWith("From: Siri Vik <siri@example.no>\r\n")
                    .contains("Message-ID: <inner-1@example.no>")
                    // the line end before a boundary belongs to the boundary (RFC 2046)
                    .endsWith("\r\n\r\nDet er speilglatt ved innkjøringen.");
        });
    }

    @Test
    void attachmentNamesLoseFoldersControlCharactersAndBidiOverrides() {
        InboundMail mail = parse("attachment-name-path-traversal.eml");

        assertThat(mail.text()).isEqualTo("Se vedlegg.");
        assertThat(mail.parts()).extracting(MailPart::filename)
                .containsExactly("passwd", "evil.exe", "fakturanr[31m.pdf", "bildegpj.exe", "attachment");
        assertThat(mail.parts()).allSatisfy(part -> assertThat(part.file().getParent()).isEqualTo(spool));
        assertThat(mail.parts().get(2).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void partsWithoutANameAreNamedAfterTheirType() {
        InboundMail mail = parse("attachment-without-name.eml");

        assertThat(mail.parts()).extracting(MailPart::filename, MailPart::contentType)
                .containsExactly(tuple("image.jpg", "image/jpeg"), tuple("image-2.png", "image/png"),
                        tuple("attachment.pdf", "application/pdf"));
        assertThat(mail.text()).isEqualTo("Tre filer uten navn.");
    }

    @Test
    void missingSubjectIsEmpty() {
        InboundMail mail = parse("no-subject.eml");

        assertThat(mail.subject()).isEmpty();
        assertThat(mail.text()).isEqualTo("Glemte emnefeltet. Lyset i trappen er gått.");
    }

    @Test
    void blankMessageIdIsNull() {
        InboundMail mail = parse("no-message-id.eml");

        assertThat(mail.messageId()).isNull();
        assertThat(mail.rawSha256()).hasSize(64);
    }

    @Test
    void missingOrUnreadableDateIsNull() {
        assertThat(parse("missing-date.eml").sentAt()).isNull();
        assertThat(parse("unparseable-date.eml").sentAt()).isNull();
        assertThat(parse("unparseable-date.eml").text()).isEqualTo("Lyset i trappen er gått.");
    }

    @Test
    void brokenBase64KeepsWhatCanBeRead() throws IOException {
        InboundMail mail = parse("broken-base64-part.eml");

        assertThat(mail.text()).isEqualTo("Vannet står på gulvet i kjellere");
        assertThat(mail.parts()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("logg.txt");
            assertThat(part.contentType()).isEqualTo("text/plain");
            assertThat(content(part)).isEqualTo("Hei på taket");
        });
    }

    @Test
    void truncatedMultipartKeepsTheTextAndWhatArrivedOfTheAttachment() {
        InboundMail mail = parse("truncated-multipart.eml");
        byte[] photo = Fixtures.bytes("lekkasje-kontor-204.jpg");

        assertThat(mail.text()).isEqualTo("Det drypper fortsatt.");
        assertThat(mail.parts()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("tak.jpg");
            // 198 base64 characters arrived (200 with the line ends): 49 groups of 3 bytes, and 1 from the rest
            assertThat(Files.readAllBytes(part.file())).isEqualTo(java.util.Arrays.copyOf(photo, 148));
        });
    }

    @Test
    void unknownOrMissingCharsetIsUtf8WhenValidElseWindows1252() {
        assertThat(parse("unknown-charset.eml").text()).isEqualTo("""
                Heisen står, skrevet i UTF-8.

                Og denne er i Latin-1: bøtte på gulvet.

                Ren ASCII her.""");
    }

    @Test
    void usAsciiLabelOverUtf8BodyIsReadAsUtf8LikeUnlabelledBytes() {
        assertThat(parse("us-ascii-label-over-utf8-body.eml").text()).isEqualTo("""
                Strømmen gikk kl. 05.48 i Bygg B.
                Ytterdøren mot gården er låst til strømmen er tilbake.

                Hilsen adgangssystemet""");
    }

    @Test
    void usAsciiLabelOverWindows1252BodyIsReadAsWindows1252() {
        assertThat(parse("us-ascii-label-over-windows-1252-body.eml").text())
                .isEqualTo("Trappene i Bygg A vaskes på fredag – ikke torsdag.");
    }

    @Test
    void unencodedUtf8HeadersAreRead() {
        InboundMail mail = parse("8bit-utf8-headers-unencoded.eml");

        assertThat(mail.subject()).isEqualTo("Strøing på parkeringsplassen");
        assertThat(mail.from()).isEqualTo(new MailAddress("Bjørn Ærø", "bjorn@example.no"));
        assertThat(mail.to()).containsExactly(new MailAddress("Driftssentralen Østbyen", "post@eiendom.example"));
    }

    @Test
    void unencodedLatin1HeadersAreRead() {
        InboundMail mail = parse("8bit-latin1-headers-unencoded.eml");

        assertThat(mail.subject()).isEqualTo("Når hentes søppelet?");
        assertThat(mail.from()).isEqualTo(new MailAddress("Bjørn Ærø", "bjorn@example.no"));
        assertThat(mail.text()).isEqualTo("Søppelet står.");
    }

    @Test
    void senderStandsInForAFromWithoutAddress() {
        assertThat(parse("from-unusable-sender-used.eml").from())
                .isEqualTo(new MailAddress("", "kari.nordmann@example.no"));
    }

    @Test
    void messageWithoutAnySenderIsRejected() throws IOException {
        assertThatThrownBy(() -> parse("no-from-at-all.eml"))
                .isInstanceOf(MailParseException.class)
                .hasMessage("no sender: no address in From, Sender, Reply-To or Return-Path");
        assertThat(spooled()).isEmpty();
    }

    @Test
    void nullPathSenderIsTheMailSystemWithoutAnAddress() {
        // A real bounce (python3-flufl.bounce): From: Mail Delivery System <>, and Return-Path: <> beside it.
        assertThat(parse("bounces/simple_31.txt").from()).isEqualTo(new MailAddress("Mail Delivery System", ""));
    }

    @Test
    void senderOnlyInReturnPathIsTaken() {
        assertThat(parse("bounces/simple_13.txt").from().email()).isEqualTo("MAILER-DAEMON@sb7.songbird.com");
        // From: Postmaster <>: the envelope's address says more than the null path's name
        assertThat(parse("bounces/simple_24.txt").from().email()).isEqualTo("MAILER-DAEMON@sb7.songbird.com");
    }

    @Test
    void quotedLocalPartWithSpacesIsAnAddress() {
        assertThat(parse("bounces/simple_36.txt").from().email()).isEqualTo("\"System Administrator\"@example.com");
    }

    @Test
    void bytesThatAreNoMessageAreRejected() {
        assertThatThrownBy(() -> parse("not-a-message.eml"))
                .isInstanceOf(MailParseException.class)
                .hasMessageStartingWith("not an e-mail message")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFileIsAParseFailureNotAnIoException() {
        RawMessage missing = RawMessage.inPlace("gone", spool.resolve("gone.eml"));

        assertThatThrownBy(() -> new MessageParser(1000, spool).parse(missing))
                .isInstanceOf(MailParseException.class)
                .hasMessageStartingWith("cannot read the message: ");
    }

    @Test
    void brokenAddressEntriesAreSkippedOrReadForWhatTheyPlainlySay() {
        InboundMail mail = parse("address-lists-with-broken-entries.eml");

        assertThat(mail.from()).isEqualTo(new MailAddress("Kari \"Kari\" Nordmann", "kari.nordmann@example.no"));
        assertThat(mail.to()).isEmpty();
        assertThat(mail.cc()).containsExactly(new MailAddress("Ola Hansen", "ola.hansen@example.no"),
                new MailAddress("Siri Vik", "siri@example.no"));
    }

    @Test
    void subjectLosesControlCharactersAndBidiOverrides() {
        assertThat(parse("address-lists-with-broken-entries.eml").subject()).isEqualTo("Heisen står [31m igjen");
    }

    @Test
    void formatFlowedLinesAreJoinedAgain() {
        assertThat(parse("format-flowed-delsp.eml").text()).isEqualTo("""
                Det er glatt på parkeringsplassen ved inngang B, og noen har allerede falt.

                > Vi strør hver morgen klokken sju.

                --
                Per Olsen""");
    }

    @Test
    void multipartWithoutBoundariesIsReadAsText() {
        assertThat(parse("multipart-without-boundaries.eml").text())
                .isEqualTo("Lyset i trappen er gått, skrevet av et skript som glemte grensene.");
    }

    @Test
    void textBodyTooLargeToHoldIsKeptAsAFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("huge-text.eml");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("From: Kari Nordmann <kari.nordmann@example.no>\nSubject: Logg\n"
                    + "Content-Type: text/plain; charset=utf-8\n\n");
            String line = "Temperatur på kontor 204: 16 grader\n";
            for (long written = 0; written <= PartReader.MAX_TEXT_BYTES; written += line.length()) {
                out.write(line);
            }
        }

        InboundMail mail = new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, spool)
                .parse(RawMessage.inPlace("huge", file));

        assertThat(mail.text()).isEmpty();
        assertThat(mail.parts()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("attachment.txt");
            assertThat(part.contentType()).isEqualTo("text/plain");
            assertThat(part.size()).isGreaterThan(PartReader.MAX_TEXT_BYTES);
        });
    }

    @Test
    void closingTheMailDeletesItsPartFiles() throws IOException {
        InboundMail mail = parse("attachment-without-name.eml");
        assertThat(spooled()).hasSize(3);

        mail.close();

        assertThat(spooled()).isEmpty();
    }
}
