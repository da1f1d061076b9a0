package no.tenantdesk.mail.in;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Header values as people read them: unfolded, 8-bit bytes and RFC 2047 encoded words decoded, cleaned. */
final class HeaderText {

    // Each try starts at "=?" and stops at the next "?": no two tries read the same text, so a scan is linear.
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");

    private HeaderText() {}

    /** A subject or display name: decoded, one line, whitespace collapsed, no control or format characters. */
    static String readable(String raw) {
        if (raw == null) {
            return "";
        }
        return oneLine(decodeWords(eightBit(unfold(raw))));
    }

    /** Folding is only a way to write a long line; the value is one line. */
    static String unfold(String raw) {
        if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
            return raw;
        }
        return raw.replace("\r", "").replace("\n", "");
    }

    /**
     * Headers are read byte for byte as ISO-8859-1, so raw 8-bit bytes (RFC 6532 UTF-8, or an old client's
     * Latin-1) arrive as one character each; this reads them again as UTF-8 when they are valid UTF-8, else as
     * windows-1252. A value that already holds wider characters is left as it is.
     */
    static String eightBit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                return value;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        return Charsets.guess(bytes, bytes.length);
    }

    /**
     * Decodes RFC 2047 encoded words. Adjacent words in one charset are joined as bytes before decoding, because
     * senders split a multi-byte character across two words; the blanks between encoded words are dropped.
     */
    static String decodeWords(String value) {
        return rewriteWords(value, false);
    }

    /**
     * The same value with each run of adjacent encoded words rewritten as one UTF-8 word, so that a parser that
     * decodes word by word (Jakarta Mail's address parser) gets whole characters. Encoded words are ASCII without
     * specials, so the address syntax around them is untouched.
     */
    static String mergeWords(String value) {
        return rewriteWords(value, true);
    }

    private static String rewriteWords(String value, boolean reencode) {
        if (!value.contains("=?")) {
            return value;
        }
        Matcher word = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int end = 0;
        while (word.find()) {
            String between = value.substring(end, word.start());
            boolean adjacent = pendingCharset != null && between.isBlank();
            String charset = word.group(1);
            if (!(adjacent && charset.equalsIgnoreCase(pendingCharset))) {
                flush(out, pending, pendingCharset, reencode);
                if (!adjacent) {
                    out.append(between);
                }
            }
            pendingCharset = charset;
            byte[] bytes = wordBytes(word.group(2), word.group(3));
            pending.write(bytes, 0, bytes.length);
            end = word.end();
        }
        flush(out, pending, pendingCharset, reencode);
        out.append(value, end, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset, boolean reencode) {
        if (charset != null) {
            String text = Charsets.decode(pending.toByteArray(), charset);
            if (reencode) {
                out.append("=?UTF-8?B?")
                        .append(java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))
                        .append("?=");
            } else {
                out.append(text);
            }
        }
        pending.reset();
    }

    private static byte[] wordBytes(String encoding, String text) {
        if (encoding.equalsIgnoreCase("b")) {
            byte[] encoded = text.getBytes(StandardCharsets.ISO_8859_1);
            try (InputStream in = new Base64Decoder(new ByteArrayInputStream(encoded), encoded.length + 4)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("reading from memory cannot fail", e);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
                i += 2;
            } else {
                // Non-ASCII inside a word is a sender's mistake; keep the character rather than lose it.
                byte[] own = String.valueOf(c)
                        .getBytes(c < 0x100 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                bytes.write(own, 0, own.length);
            }
        }
        return bytes.toByteArray();
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /**
     * The value without its RFC 5322 comments, "(…)", nested or not; an unclosed one runs to the end. One pass:
     * a regex that looked for the closing parenthesis from every opening one took 16 s on 40,000 of them.
     */
    static String withoutComments(String value) {
        if (value.indexOf('(') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (depth > 0 && c == '\\') {
                i++; // a quoted character, perhaps a parenthesis
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Collapses whitespace to single spaces, drops control and format characters (bidi overrides), trims. */
    static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else if (Character.isISOControl(c) || Text.isHiddenFormat(c)) {
                // dropped: they could make a name or subject lie about itself on a terminal
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
