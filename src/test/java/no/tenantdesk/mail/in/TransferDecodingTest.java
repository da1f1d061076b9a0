package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransferDecodingTest {

    /** Made by Python's binascii.b2a_uu, 45 bytes a line, as uuencode(1) writes them. */
    private static final String UUENCODED = """
begin 644 notat.txt
M5F%N;B!PPZ4@9W5L=F5T(&D@:V]N=&]R(#(P-"P@<V4@8FEL9&4N(%9A;FX@
M<,.E(&=U;'9E="!I(&MO;G1O<B R,#0L('-E(&)I;&1E+B!686YN('##I2!G
M=6QV970@:2!K;VYT;W(@,C T+"!S92!B:6QD92X@5F%N;B!PPZ4@9W5L=F5T
M(&D@:V]N=&]R(#(P-"P@<V4@8FEL9&4N(%9A;FX@<,.E(&=U;'9E="!I(&MO
4;G1O<B R,#0L('-E(&)I;&1E+B \s
`
end
""";

    private static final String NOTE = "Vann på gulvet i kontor 204, se bilde. ".repeat(5);

    private static String decode(String encoded, String encoding) throws IOException {
        try (InputStream in = TransferDecoding.decode(
                new ByteArrayInputStream(encoded.getBytes(StandardCharsets.ISO_8859_1)), encoding)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void uuencodeIsDecodedWithOrWithoutItsBeginAndEndLines() throws IOException {
        assertThat(decode(UUENCODED, "x-uuencode")).isEqualTo(NOTE);
        assertThat(decode(UUENCODED.replace("\n", "\r\n"), "uuencode")).isEqualTo(NOTE);
        String data = UUENCODED.substring(UUENCODED.indexOf('\n') + 1, UUENCODED.indexOf("`"));
        assertThat(decode(data, "x-uue")).isEqualTo(NOTE);
    }

    @Test
    void brokenUuencodeGivesWhatItCanInsteadOfFailingTheMessage() throws IOException {
        assertThat(decode("Hei, dette er ikke uuencode.\n(((\n", "x-uuencode")).isNotNull();
        assertThat(decode("", "x-uuencode")).isEmpty();
        assertThat(decode("begin 644 x\n", "x-uuencode")).isEmpty();
    }
}
