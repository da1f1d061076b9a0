package no.tenantdesk.mail.in;

import java.io.InputStream;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoders that keep what they can read. Jakarta Mail's own throw at the first bad
 * character and so lose the rest of a part; real mail has stray characters, missing padding and cut-off lines.
 */
final class TransferDecoding {

    private TransferDecoding() {}

    /** The decoded content; an encoding we do not know (or 7bit, 8bit, binary) passes the bytes through. */
    static InputStream decode(InputStream raw, String encoding) {
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "base64" -> new Base64Decoder(raw);
            case "quoted-printable" -> new QuotedPrintableDecoder(raw);
            case "uuencode", "x-uuencode", "x-uue" -> new UuDecoder(raw);
            default -> raw;
        };
    }
}
