package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments far larger than a test should hold in memory, written to disk as they are made. */
class MessageParserLargePartTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path folder;

    /** A message with one base64 attachment of the given size; returns the SHA-256 of the attachment's bytes. */
    private String writeMessage(Path file, long size) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("""
                    From: Kari Nordmann <kari.nordmann@example.no>\r
                    To: post@eiendom.example\r
                    Subject: Video av lekkasjen\r
                    Message-ID: <large@example.no>\r
                    MIME-Version: 1.0\r
                    Content-Type: multipart/mixed; boundary="large"\r
                    \r
                    --large\r
                    Content-Type: text/plain; charset=utf-8\r
                    \r
                    Video vedlagt.\r
                    --large\r
                    Content-Type: video/mp4; name="lekkasje.mp4"\r
                    Content-Disposition: attachment; filename="lekkasje.mp4"\r
                    Content-Transfer-Encoding: base64\r
                    \r
                    """.getBytes(StandardCharsets.US_ASCII));
            OutputStream keepOpen = new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            Random random = new Random(204);
            byte[] chunk = new byte[57 * 1024];
            try (OutputStream base64 = Base64.getMimeEncoder().wrap(keepOpen)) {
                for (long left = size; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    int n = (int) Math.min(chunk.length, left);
                    digest.update(chunk, 0, n);
                    base64.write(chunk, 0, n);
                }
            }
            out.write("\r\n--large--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private long filesIn(Path spool) throws IOException {
        if (!Files.exists(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    @Test
    void partOverTheLimitIsCountedAndOmittedWithoutAFileLeft() throws Exception {
        Path message = folder.resolve("large.eml");
        long size = 30L * MB + 123;
        writeMessage(message, size);
        Path spool = folder.resolve("spool");

        InboundMail mail = new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, spool)
                .parse(RawMessage.inPlace("large", message));

        assertThat(mail.text()).isEqualTo("Video vedlagt.");
        assertThat(mail.parts()).isEmpty();
        assertThat(mail.omitted()).singleElement().satisfies(omitted -> {
            assertThat(omitted.filename()).isEqualTo("lekkasje.mp4");
            assertThat(omitted.contentType()).isEqualTo("video/mp4");
            assertThat(omitted.size()).isEqualTo(size);
        });
        assertThat(filesIn(spool)).isZero();
        assertThat(mail.rawSize()).isEqualTo(Files.size(message));
    }

    @Test
    void partUnderTheLimitIsKeptWithItsHash() throws Exception {
        Path message = folder.resolve("ten.eml");
        long size = 10L * MB;
        String sha256 = writeMessage(message, size);
        Path spool = folder.resolve("spool");

        InboundMail mail = new MessageParser(25L * MB, spool).parse(RawMessage.inPlace("ten", message));

        assertThat(mail.omitted()).isEmpty();
        assertThat(mail.parts()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("lekkasje.mp4");
            assertThat(part.size()).isEqualTo(size);
            assertThat(part.sha256()).isEqualTo(sha256);
            assertThat(Files.size(part.file())).isEqualTo(size);
            assertThat(Fixtures.sha256(part.file())).isEqualTo(sha256);
        });
    }
}
