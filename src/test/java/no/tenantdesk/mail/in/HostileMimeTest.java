package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import no.tenantdesk.mail.in.InboundMail.MailPart;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated hostile mail ({@link HostileMime}): each message parses or fails with a MailParseException and a one-line
 * reason, never another Throwable; what it yields is bounded by what came in; and the work is linear: each byte of
 * the body scanned once, each part visited at most twice. The cases are the same on every run (seeds 1 to N); a
 * failing one is named by its seed. {@code -Dhostile.cases=N -Dhostile.seed=S} tries others.
 */
class HostileMimeTest {

    /** The notes PartReader may add to a cut text: a cut and the files not kept. */
    private static final int NOTES = 300;

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> generatedMailParsesOrIsRefusedWithAReasonAndYieldsNoMoreThanItHolds() {
        long first = Long.getLong("hostile.seed", 1);
        long cases = Long.getLong("hostile.cases", 200);
        return LongStream.range(first, first + cases).mapToObj(HostileMime::generate)
                .map(generated -> DynamicTest.dynamicTest(generated.toString(), () -> check(generated)));
    }

    /** Checks one case; a failure names it (surefire's report names a dynamic test only by its number). */
    private void check(HostileMime.Generated generated) throws Exception {
        try {
            checkOne(generated);
        } catch (AssertionError | Exception e) {
            throw new AssertionError(generated + ": " + e, e);
        }
    }

    private void checkOne(HostileMime.Generated generated) throws Exception {
        Path dir = Files.createTempDirectory(folder, "case");
        Path file = dir.resolve("message.eml");
        Files.write(file, generated.bytes());
        try (InboundMail mail = new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, dir.resolve("spool"))
                .parse(RawMessage.inPlace("generated", file))) {
            assertBounded(mail, generated);
        } catch (MailParseException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(230);
        }
        assertLinearWork(generated, dir);
        deleteAll(dir);
    }

    private static void assertBounded(InboundMail mail, HostileMime.Generated generated) throws IOException {
        int input = generated.bytes().length;
        assertThat(mail.rawSize()).isEqualTo(input);
        assertThat((long) mail.text().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(Math.min(BodyText.MAX_BYTES, 12L * input) + NOTES);
        assertThat(mail.text().chars().filter(c -> c < ' ' && c != '\n' && c != '\t')).isEmpty();
        assertThat(mail.parts().size() + mail.omitted().size())
                .isLessThanOrEqualTo(Math.min(PartReader.MAX_FILES, generated.parts()));
        long stored = 0;
        for (MailPart part : mail.parts()) {
            assertThat(part.filename()).isNotBlank().doesNotContain("/", "\\", "\u0000");
            assertThat(Files.size(part.file())).isEqualTo(part.size());
            stored += part.size();
        }
        // Decoding only shrinks (base64, quoted-printable) or copies; uudecode likewise.
        assertThat(stored).isLessThanOrEqualTo(input);
        assertThat(mail.subject()).doesNotContain("\n", "\r");
    }

    /** The same bytes through a PartReader of their own, to count its work. */
    private static void assertLinearWork(HostileMime.Generated generated, Path dir) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new SharedByteArrayInputStream(generated.bytes()));
        long body = message.getRawInputStream().readAllBytes().length;
        PartReader reader = new PartReader(new PartSpool(dir.resolve("counted"), 1024));
        try {
            reader.read(message);
        } catch (MailParseException e) {
            assertThat(reader.scanned()).isLessThanOrEqualTo(body);
            return;
        } finally {
            reader.discard();
        }
        assertThat(reader.scanned()).isIn(0L, body);
        assertThat(reader.visits()).isLessThanOrEqualTo(2 * (reader.partsFound() + 1));
        assertThat(reader.partsFound()).isLessThanOrEqualTo(MimeSplitter.MAX_PARTS);
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
