package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

    private static final byte[] UTF8 = "Strømmen er låst".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LATIN1 = "Strømmen er låst".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void usAsciiLabelOverUtf8BytesReadsAsUtf8AsUnlabelledBytesAndHeadersDo() {
        for (String label : new String[] {"us-ascii", "US-ASCII", "\"us-ascii\"", "ascii", "ANSI_X3.4-1968", null}) {
            assertThat(Charsets.decode(UTF8, label)).as(label).isEqualTo("Strømmen er låst");
            assertThat(Charsets.decode(LATIN1, label)).as(label).isEqualTo("Strømmen er låst");
        }
        String header = new String(UTF8, StandardCharsets.ISO_8859_1);
        assertThat(HeaderText.eightBit(header)).isEqualTo(Charsets.decode(UTF8, "us-ascii"));
    }

    @Test
    void asciiAndTrueLabelsReadAsBefore() {
        assertThat(Charsets.decode("Ren ASCII, ~ og {}".getBytes(StandardCharsets.US_ASCII), "us-ascii"))
                .isEqualTo("Ren ASCII, ~ og {}");
        assertThat(Charsets.decode(UTF8, "utf-8")).isEqualTo("Strømmen er låst");
        // A Latin-1 label is believed, even over bytes that would be valid UTF-8: "Ã¸" is what they say there.
        assertThat(Charsets.decode(UTF8, "iso-8859-1")).isEqualTo("StrÃ¸mmen er lÃ¥st");
        assertThat(Charsets.decode(new byte[] {(byte) 0x93, 'x', (byte) 0x94}, "iso-8859-1")).isEqualTo("“x”");
    }
}
