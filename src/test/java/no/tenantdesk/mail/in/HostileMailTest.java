package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes of mail that stopped, stalled or bloated an import (issue 13), each at the size that did it. Work is
 * asserted where it can be counted (parts visited, bytes scanned, text made), never as time: scripts/bench-hostile
 * measures that.
 */
class HostileMailTest {

    @TempDir
    Path folder;

    private int files;

    private InboundMail parse(byte[] message) {
        Path file = folder.resolve("message-" + ++files + ".eml");
        try {
            Files.write(file, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, folder.resolve("spool"))
                .parse(RawMessage.inPlace("hostile", file));
    }

    /** The message read by a PartReader of its own, to count its work. */
    static PartReader read(byte[] message, Path spool) throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new SharedByteArrayInputStream(message));
        PartReader reader = new PartReader(new PartSpool(spool, MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE));
        reader.read(mime);
        return reader;
    }

    /** The bytes after the message's header block, which the splitter reads. */
    static int bodyLength(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        return message.length - (text.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void multipartNested5000DeepIsRefusedWithTheReasonInsteadOfOverflowingTheStack() {
        byte[] message = HostileShapes.named("deep-mixed").bytes();

        assertThat(message.length).isBetween(340_000, 370_000);
        assertThatThrownBy(() -> parse(message))
                .isInstanceOf(MailParseException.class)
                .hasMessage("MIME parts nested deeper than 100 levels");
    }

    @Test
    void aHundredLevelsAreReadAndOneMoreIsNot() {
        InboundMail mail = parse(HostileShapes.deep("mixed", MimeTree.MAX_DEPTH, 0));

        assertThat(mail.text()).isEqualTo("Det drypper fra taket.");
        assertThatThrownBy(() -> parse(HostileShapes.deep("mixed", MimeTree.MAX_DEPTH + 1, 0)))
                .isInstanceOf(MailParseException.class)
                .hasMessageContaining("deeper than 100");
    }

    @Test
    void alternativesNested800DeepAreRefusedAfterOnePassOverTheFirstHundred() throws Exception {
        byte[] message = HostileShapes.named("deep-alternative").bytes();

        assertThat(message.length).isBetween(55_000, 65_000);
        assertThatThrownBy(() -> parse(message)).isInstanceOf(MailParseException.class)
                .hasMessageContaining("nested deeper than 100 levels");
    }

    @Test
    void alternativesNestedAsDeepAsAllowedAreSplitOnceAndEachPartVisitedOnce() throws Exception {
        byte[] message = HostileShapes.deep("alternative", MimeTree.MAX_DEPTH, 0);

        PartReader reader = read(message, folder);

        // 100 multiparts and the text at the bottom; re-reading a subtree per level was 47 s at 800 levels.
        assertThat(reader.visits()).isEqualTo(MimeTree.MAX_DEPTH + 1);
        assertThat(reader.scanned()).isEqualTo(bodyLength(message));
        assertThat(reader.text()).isEqualTo("Det drypper fra taket.");
    }

    @Test
    void blankPlainAlternativesGivingWayToHtmlVisitEachPartAtMostTwice() throws Exception {
        // Each level: an HTML alternative, then a blank plain one; so each level's HTML is read for its files, then
        // for its text. The HTML holds the next level.
        int depth = 60;
        StringBuilder mail = new StringBuilder(HostileShapes.HEADER)
                .append("Content-Type: multipart/alternative; boundary=\"a0\"\r\n\r\n");
        for (int level = 1; level < depth; level++) {
            mail.append("--a").append(level - 1).append("\r\nContent-Type: multipart/alternative; boundary=\"a")
                    .append(level).append("\"\r\n\r\n");
        }
        mail.append("--a").append(depth - 1).append("\r\nContent-Type: text/html\r\n\r\n<p>Heisen står.</p>\r\n");
        for (int level = depth - 1; level >= 0; level--) {
            mail.append("--a").append(level).append("\r\nContent-Type: text/plain\r\n\r\n \r\n--a").append(level)
                    .append("--\r\n");
        }

        PartReader reader = read(mail.toString().getBytes(StandardCharsets.UTF_8), folder);

        assertThat(reader.text()).isEqualTo("Heisen står.");
        int parts = 2 * depth + 1;
        assertThat(reader.visits()).isLessThanOrEqualTo(2 * parts);
    }

    @Test
    void transferEncodingOf40000ParenthesesIsACommentAndTheTextIsRead() {
        InboundMail mail = parse(HostileShapes.named("cte-comment").bytes());

        assertThat(mail.text()).isEqualTo("Det drypper fra taket.");
        assertThat(HeaderText.withoutComments("base64 (sent (by) a \\) script)")).isEqualTo("base64 ");
        assertThat(HeaderText.withoutComments("(unclosed base64")).isEmpty();
    }

    @Test
    void blockquotesNested2000DeepGiveTextLinearInTheHtmlAndQuotedTenDeepAtMost() {
        byte[] message = HostileShapes.named("nested-blockquote").bytes();

        InboundMail mail = parse(message);

        // The old code made 89 million characters of this, nearly all "> ".
        assertThat(mail.text()).hasSizeLessThan(BodyText.MAX_BYTES + 200).endsWith(BodyText.CUT_NOTE);
        assertThat(mail.text().lines().filter(line -> line.startsWith("> ".repeat(HtmlText.MAX_NESTING) + ">")))
                .isEmpty();
        assertThat(mail.text().lines().filter(line -> line.startsWith("> ".repeat(HtmlText.MAX_NESTING))))
                .isNotEmpty();
    }

    @Test
    void htmlQuotesAndListsNestDeeperThanTenLevelsLookTenDeep() {
        String html = "<blockquote>".repeat(30) + "Heisen<ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><li>x</ul>";

        assertThat(HtmlText.toText(html))
                .isEqualTo("> ".repeat(10) + "Heisen\n" + "> ".repeat(10) + "  ".repeat(10) + "- x");
    }

    @Test
    void htmlTextStopsAtItsLimit() {
        String text = HtmlText.toText("<p>" + "Strøm ".repeat(100_000) + "</p>", 1000);

        assertThat(text).hasSizeLessThanOrEqualTo(1000).startsWith("Strøm Strøm");
    }

    @Test
    void textOverOneMegabyteIsCutAtACharacterWithANoteWhileTheRawMessageKeepsAll() {
        // Four UTF-8 bytes a character (two chars in Java), so a cut in the wrong place would split one in half.
        String line = "Det drypper 💧 fra taket 💧💧\r\n";
        StringBuilder body = new StringBuilder(HostileShapes.HEADER)
                .append("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        while (body.length() < 1_500_000) {
            body.append(line);
        }
        byte[] message = body.toString().getBytes(StandardCharsets.UTF_8);

        InboundMail mail = parse(message);

        String text = mail.text();
        assertThat(text).endsWith("\n\n" + BodyText.CUT_NOTE).startsWith("Det drypper 💧");
        String kept = text.substring(0, text.length() - BodyText.CUT_NOTE.length() - 2);
        assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isBetween(BodyText.MAX_BYTES - 40, BodyText.MAX_BYTES);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(mail.rawSize()).isEqualTo(message.length);
    }

    @Test
    void textUnderTheLimitIsWholeAndHasNoNote() {
        InboundMail mail = parse(HostileShapes.plain(900_000));

        assertThat(mail.text()).doesNotContain("[Text cut").hasSizeGreaterThan(850_000);
    }

    @Test
    void aThousandAttachmentsAreKeptAndTheRestNamedInTheText() throws Exception {
        InboundMail mail = parse(HostileShapes.wide(1_500));

        assertThat(mail.parts()).hasSize(PartReader.MAX_FILES);
        assertThat(mail.parts().get(999).filename()).isEqualTo("f999.pdf");
        assertThat(mail.text()).isEqualTo("Se vedlegg.\n\n[500 more attachments not kept (1000 at most per e-mail): "
                + "they are in the original e-mail, which is stored whole]");
        try (var spooled = Files.list(folder.resolve("spool"))) {
            assertThat(spooled.count()).isEqualTo(PartReader.MAX_FILES);
        }
    }

    @Test
    void moreThanTenThousandPartsAreRefused() {
        assertThatThrownBy(() -> parse(HostileShapes.wideEmpty(MimeSplitter.MAX_PARTS + 1)))
                .isInstanceOf(MailParseException.class)
                .hasMessage("more than 10000 MIME parts");
        assertThat(parse(HostileShapes.wideEmpty(MimeSplitter.MAX_PARTS)).parts()).isEmpty();
    }

    @Test
    void boundariesThatArePrefixesOfEachOtherSplitAsTheyNest() throws Exception {
        byte[] message = HostileShapes.prefixBoundaries(50);

        PartReader reader = read(message, folder);

        assertThat(reader.text()).isEqualTo("Det drypper.");
        assertThat(reader.visits()).isEqualTo(51);
        assertThat(reader.scanned()).isEqualTo(bodyLength(message));
    }

    @Test
    void anInnerMultipartThatNeverClosesEndsAtTheOuterBoundary() {
        InboundMail mail = parse(("""
                From: Kari Nordmann <kari.nordmann@example.no>\r
                Subject: Heisen\r
                Content-Type: multipart/mixed; boundary="outer"\r
                \r
                --outer\r
                Content-Type: multipart/alternative; boundary="inner"\r
                \r
                --inner\r
                Content-Type: text/plain\r
                \r
                Heisen står.\r
                --outer\r
                Content-Type: application/pdf; name="avvik.pdf"\r
                \r
                %PDF\r
                --outer--\r
                """).getBytes(StandardCharsets.UTF_8));

        assertThat(mail.text()).isEqualTo("Heisen står.");
        assertThat(mail.parts()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("avvik.pdf");
            assertThat(part.size()).isEqualTo(4);
        });
    }

    @Test
    void aBoundaryLineInsideAPartsHeadersIsAHeaderLineAsForJakartaMail() {
        InboundMail mail = parse(("""
                From: Kari Nordmann <kari.nordmann@example.no>\r
                Subject: Heisen\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                preamble\r
                --b  \r
                Content-Type: text/plain\r
                \r
                Heisen står.\r
                --b\r
                \r
                Igjen.\r
                --b--  and an epilogue\r
                epilogue\r
                """).getBytes(StandardCharsets.UTF_8));

        assertThat(mail.text()).isEqualTo("Heisen står.\n\nIgjen.");
    }

    @Test
    void withoutABoundaryParameterTheFirstLineOfDashesAndMoreIsTheBoundaryAsForJakartaMail() {
        InboundMail mail = parse(("""
                From: Kari Nordmann <kari.nordmann@example.no>\r
                Content-Type: multipart/mixed\r
                \r
                ----------\r
                --=_skript\r
                \r
                Heisen står.\r
                --=_skript\r
                Content-Type: text/csv; name="logg.csv"\r
                \r
                tid;etasje\r
                --=_skript--\r
                """).getBytes(StandardCharsets.UTF_8));

        assertThat(mail.text()).isEqualTo("Heisen står.");
        assertThat(mail.parts()).extracting(InboundMail.MailPart::filename).containsExactly("logg.csv");
    }

    @Test
    void aBoundaryLongerThanAnyLineIsNotLookedForAndTheMultipartIsText() {
        String boundary = "b".repeat(MimeLines.LONGEST);
        InboundMail mail = parse(("From: Kari Nordmann <kari.nordmann@example.no>\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary
                + "\r\n\r\nHeisen.\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(mail.text()).startsWith("--bbb").contains("Heisen.");
    }

    @Test
    void longLinesAndHugeHeadersParse() {
        assertThat(parse(HostileShapes.named("long-line").bytes()).text()).hasSizeGreaterThan(800_000);
        InboundMail headers = parse(HostileShapes.hugeHeaders(4_000));
        assertThat(headers.subject()).isEqualTo("Strøm".repeat(4_000));
        assertThat(headers.to()).hasSize(1_000).first().isEqualTo(new InboundMail.MailAddress("Ola (0)",
                "ola0@example.no"));
    }

    @Test
    void addressListsThatNeverCloseAreReadEntryByEntryForWhatTheyPlainlySay() {
        assertThat(Addresses.closed("\"Kari\" <kari@example.no> (kontor), Drift: ola@example.no;")).isTrue();
        assertThat(Addresses.closed("(".repeat(40_000))).isFalse();
        assertThat(Addresses.closed("<a@".repeat(20_000))).isFalse();
        assertThat(Addresses.closed("[".repeat(40_000))).isFalse();
        assertThat(Addresses.closed("g:a@b.no g:a@b.no")).isFalse();

        assertThat(Addresses.parse(new String[] {"(".repeat(40_000) + " kari@example.no", "<a@".repeat(20_000),
            "Ola <ola@example.no, Drift: per@example.no"}))
                .containsExactly(new InboundMail.MailAddress("Ola", "ola@example.no"),
                        new InboundMail.MailAddress("", "per@example.no"));
    }

    @Test
    void anyThrowableFromAMessagesParseBecomesAParseFailureWithAOneLineReason() {
        for (Supplier<Throwable> error : java.util.List.<Supplier<Throwable>>of(StackOverflowError::new,
                () -> new OutOfMemoryError("Java heap space"), () -> new IllegalStateException("odd\nstate"))) {
            RawMessage raw = RawMessage.inPlace("breaks", failingPath(error));

            assertThatThrownBy(() -> new MessageParser(1000, folder).parse(raw))
                    .isInstanceOf(MailParseException.class)
                    .hasMessageStartingWith("cannot parse the message: ")
                    .hasMessageNotContaining("\n")
                    .hasCauseInstanceOf(error.get().getClass());
        }
        assertThat(MessageParser.reason(new StackOverflowError())).isEqualTo("StackOverflowError");
        assertThat(MessageParser.reason(new OutOfMemoryError("Java heap space")))
                .isEqualTo("OutOfMemoryError: Java heap space");
        assertThat(MessageParser.reason(new IllegalStateException("x".repeat(10_000)))).hasSize(200).endsWith("…");
    }

    /** A message file whose every use throws what the test asks for: an Error from deep inside the parse. */
    private static Path failingPath(Supplier<Throwable> error) {
        return (Path) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] {Path.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "breaks.eml";
                    }
                    throw error.get();
                });
    }
}
