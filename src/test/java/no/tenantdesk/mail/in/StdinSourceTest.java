package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.in.MailSource.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdinSourceTest {

    @TempDir
    Path spool;

    private MailSource open(String input) {
        return MailSources.open(Specs.stdin(new ByteArrayInputStream(input.getBytes(US_ASCII)), spool));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(US_ASCII)));
    }

    @Test
    void oneMessageKeyedBySha256AndFetchedAsItCame() throws Exception {
        String message = "From: tenant@example.no\r\nSubject: leak\r\n\r\nWater!\r\n";
        try (MailSource source = open(message)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).containsExactly(new Waiting(sha256(message), message.length()));
            try (RawMessage raw = source.fetch(waiting.get(0))) {
                assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(message);
            }
            assertThat(source.list()).isEqualTo(waiting);
            source.markDone(waiting);
        }
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void theEnvelopeLineOfAPipeIsDropped() throws Exception {
        String message = "From: tenant@example.no\nSubject: leak\n\nWater!\n";
        try (MailSource source = open("From tenant@example.no Mon Jan  1 10:00:00 2024\n" + message)) {
            Waiting waiting = source.list().get(0);
            assertThat(waiting.key()).isEqualTo(sha256(message));
            try (RawMessage raw = source.fetch(waiting)) {
                assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(message);
            }
        }
    }

    @Test
    void emptyInputIsAnError() {
        assertThatThrownBy(() -> open("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThat(spool).isEmptyDirectory();
    }
}
