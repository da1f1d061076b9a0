package no.tenantdesk.mail.in;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns the bytes of a text into characters the way mail clients and browsers do, whatever the label says. */
final class Charsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {}

    /**
     * Decodes with the declared charset. ISO-8859-1 is read as windows-1252, a superset that Outlook's "Latin-1"
     * really is (0x80–0x9F are €, quotes and dashes, never C1 controls). Without a label, with one Java does not
     * know, or with US-ASCII, the bytes decide as they do for a header's raw bytes ({@link #guess}): a us-ascii
     * label is what old mailers and scripts write whatever they send, so 8-bit bytes under it are UTF-8 when they
     * are valid UTF-8, else windows-1252. ASCII itself reads the same either way.
     */
    static String decode(byte[] bytes, int length, String declared) {
        Charset charset = known(declared);
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            return guess(bytes, length);
        }
        return new String(bytes, 0, length, charset);
    }

    static String decode(byte[] bytes, String declared) {
        return decode(bytes, bytes.length, declared);
    }

    /** UTF-8 when the bytes are valid UTF-8 (which pure ASCII is), else windows-1252, which decodes anything. */
    static String guess(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, WINDOWS_1252);
        }
    }

    /** The charset a MIME label names, with ISO-8859-1 widened to windows-1252; null when unknown. */
    static Charset known(String label) {
        if (label == null) {
            return null;
        }
        String name = label.strip();
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        // RFC 2231 allows a language after the charset in encoded words: =?utf-8*no?Q?…?=
        int star = name.indexOf('*');
        if (star >= 0) {
            name = name.substring(0, star);
        }
        if (name.isEmpty()) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
            charset = aliased(name);
            if (charset == null) {
                return null;
            }
        }
        String canonical = charset.name();
        if (canonical.equals("ISO-8859-1")) {
            return WINDOWS_1252;
        }
        return charset;
    }

    /** Labels seen in real mail that Java spells differently. */
    private static Charset aliased(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String alias = switch (lower) {
            case "utf8", "utf-8lite", "unicode-1-1-utf-8" -> "UTF-8";
            case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "iso-latin-1", "cp-1252", "win-1252", "windows1252" ->
                "windows-1252";
            case "ansi_x3.4-1968", "ascii", "us_ascii" -> "US-ASCII";
            case "iso-8859-15", "iso8859-15", "latin-9", "latin9" -> "ISO-8859-15";
            case "ks_c_5601-1987" -> "x-windows-949";
            default -> null;
        };
        if (alias == null) {
            return null;
        }
        try {
            return Charset.forName(alias);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
