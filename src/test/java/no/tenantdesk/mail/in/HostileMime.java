package no.tenantdesk.mail.in;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Random mail of the shapes that broken and hostile senders make, the same bytes for the same seed: deep, wide,
 * long-lined and malformed MIME (unclosed boundaries, boundaries that are prefixes of each other or missing, huge
 * headers, thousands of parts, broken encodings, nested message/rfc822, NUL bytes, lying charsets).
 */
final class HostileMime {

    enum Shape { MIXED, DEEP, WIDE, LONG_LINES, HUGE_HEADERS, BROKEN_BOUNDARIES, NESTED_MESSAGES, BINARY }

    /** @param parts how many parts the generator wrote: multiparts and leaves, those of nested messages too */
    record Generated(long seed, Shape shape, byte[] bytes, int parts) {

        @Override
        public String toString() {
            return "seed " + seed + ", " + shape.name().toLowerCase() + ", " + bytes.length + " bytes, " + parts
                    + " parts";
        }
    }

    private static final String[] CHARSETS = {"utf-8", "us-ascii", "iso-8859-1", "windows-1252", "x-unknown",
        "", "\"utf-8", "utf-7", "ks_c_5601-1987", "utf-8''", "=?utf-8?q?x?=", "a".repeat(300)};
    private static final String[] ENCODINGS = {"7bit", "8bit", "binary", "base64", "quoted-printable", "BASE64 (x)",
        "x-uuencode", "x-gzip", "(((((", "quoted-printable (unclosed", ""};
    private static final String[] TYPES = {"text/plain", "text/html", "application/octet-stream", "image/png",
        "message/rfc822", "text/calendar", "application/pdf; name=\"avvik.pdf\"", "text", "/", "multipart/mixed"};
    private static final String[] ADDRESS_JUNK = {"(", ")", "<", ">", "\"", "[", "]", ":", ";", ",", "@", "\\",
        "=?utf-8?b?", "?=", " ", "kari@example.no", "Ola Nordmann", "g:", "\u0000", "\u00f8"};
    private static final String TEXT = "Det drypper fra taket på kontor 204 – bøtta er full. ";

    /** A generated message stays under these, so that a case is a test and not a load. */
    private static final int MAX_PARTS = 13_000;
    private static final int MAX_CONTENT = 4_000_000;

    private final Random random;
    private final Shape shape;
    private int parts;
    private int boundaries;
    private int content;

    private HostileMime(long seed, Shape shape) {
        this.random = new Random(seed);
        this.shape = shape;
    }

    static Generated generate(long seed) {
        Shape shape = Shape.values()[(int) Math.floorMod(seed, (long) Shape.values().length)];
        HostileMime mime = new HostileMime(seed, shape);
        byte[] bytes = mime.message(0);
        return new Generated(seed, shape, bytes, mime.parts);
    }

    private byte[] message(int nesting) {
        Out out = new Out();
        out.ascii("From: " + (random.nextInt(20) == 0 ? junk(40) : "Kari Nordmann <kari.nordmann@example.no>")
                + "\r\n");
        out.ascii("To: " + (shape == Shape.HUGE_HEADERS ? junk(20_000 + random.nextInt(200_000)) : junk(20)) + "\r\n");
        out.ascii("Subject: " + subject() + "\r\n");
        out.ascii("Message-ID: <" + random.nextInt() + "@example.no>" + (random.nextBoolean() ? "" : junk(30))
                + "\r\n");
        if (random.nextInt(4) == 0) {
            out.ascii("References: " + junk(shape == Shape.HUGE_HEADERS ? 50_000 : 50) + "\r\n");
        }
        if (shape == Shape.HUGE_HEADERS) {
            for (int i = random.nextInt(20_000); i > 0; i--) {
                out.ascii("X-Junk-" + i + ": " + junk(5) + "\r\n\t" + junk(5) + "\r\n");
            }
        }
        out.ascii("MIME-Version: 1.0\r\n");
        part(out, nesting, shape == Shape.DEEP && nesting == 0 ? 80 + random.nextInt(60) : 3, null);
        return out.bytes();
    }

    private String subject() {
        if (shape != Shape.HUGE_HEADERS) {
            return random.nextBoolean() ? "Heisen står" : "=?utf-8?q?Str=C3=B8mmen?= =?iso-8859-1?b?5Q==?=" + junk(5);
        }
        StringBuilder subject = new StringBuilder();
        for (int i = random.nextInt(30_000); i > 0; i--) {
            subject.append(random.nextBoolean() ? "=?utf-8?q?=C3=B8?= " : "=?x?b?" + "A".repeat(random.nextInt(9)));
            if (random.nextInt(10) == 0) {
                subject.append("\r\n ");
            }
        }
        return subject.toString();
    }

    /** A part's headers (from Content-Type on) and content; the caller wrote the headers before. */
    private void part(Out out, int nesting, int depthLeft, String parentBoundary) {
        parts++;
        boolean multipart = depthLeft > 0 && (shape == Shape.DEEP || random.nextInt(3) > 0);
        if (multipart) {
            multipart(out, nesting, depthLeft, parentBoundary);
        } else {
            leaf(out, nesting);
        }
    }

    private void multipart(Out out, int nesting, int depthLeft, String parentBoundary) {
        String boundary = boundary(parentBoundary);
        String subtype = List.of("mixed", "alternative", "related", "digest", "report").get(random.nextInt(5));
        boolean named = shape != Shape.BROKEN_BOUNDARIES || random.nextInt(4) > 0;
        out.ascii("Content-Type: multipart/" + subtype + (named ? "; boundary=\"" + boundary + "\"" : "")
                + "\r\n\r\n");
        if (random.nextBoolean()) {
            out.ascii("This is a multi-part message in MIME format.\r\n" + junk(10) + "\r\n");
        }
        boolean wide = shape == Shape.WIDE && parts == 1;
        int children = wide ? random.nextInt(12_000) : shape == Shape.DEEP ? 1 : random.nextInt(5);
        for (int i = 0; i < children && parts < MAX_PARTS; i++) {
            out.ascii("--" + boundary + (random.nextInt(20) == 0 ? " \t" : "") + eol());
            if (wide && random.nextInt(50) > 0) {
                parts++;
                out.ascii(random.nextBoolean() ? "\r\n" : "Content-Type: text/plain\r\n\r\nx\r\n");
                continue;
            }
            if (shape == Shape.BROKEN_BOUNDARIES && random.nextInt(10) == 0) {
                return; // cut off in the middle: no more parts, no closing boundary
            }
            part(out, nesting, depthLeft - 1, boundary);
            out.ascii(eol());
        }
        if (shape != Shape.BROKEN_BOUNDARIES || random.nextBoolean()) {
            out.ascii("--" + boundary + "--" + eol());
        }
        if (random.nextInt(4) == 0) {
            out.ascii("epilogue " + junk(10) + "\r\n");
        }
    }

    /** Usually a fresh one; for broken mail the parent's, a prefix or extension of it, or an empty one. */
    private String boundary(String parent) {
        boundaries++;
        if (parent != null && shape == Shape.BROKEN_BOUNDARIES) {
            switch (random.nextInt(5)) {
                case 0:
                    return parent;
                case 1:
                    return parent + "x";
                case 2:
                    return parent.substring(0, Math.max(0, parent.length() - 1));
                case 3:
                    return "";
                default:
                    break;
            }
        }
        return shape == Shape.DEEP ? "b" + boundaries : "=_Part_" + boundaries + "_" + random.nextInt(1000);
    }

    private void leaf(Out out, int nesting) {
        String type = TYPES[random.nextInt(TYPES.length)];
        if (type.equals("message/rfc822") && nesting >= 3) {
            type = "text/plain";
        }
        String encoding = ENCODINGS[random.nextInt(ENCODINGS.length)];
        out.ascii("Content-Type: " + type + "; charset=" + CHARSETS[random.nextInt(CHARSETS.length)] + "\r\n");
        if (random.nextInt(3) > 0) {
            out.ascii("Content-Transfer-Encoding: " + encoding + "\r\n");
        }
        if (random.nextInt(4) == 0) {
            out.ascii("Content-Disposition: " + List.of("attachment", "inline", "attachment; filename*=utf-8''%C3%B8"
                    + "%2F..%2Fpasswd", "attachment; filename=\"" + junk(30) + "\"", "(").get(random.nextInt(5))
                    + "\r\n");
        }
        out.ascii("\r\n");
        byte[] content = type.equals("message/rfc822") ? message(nesting + 1) : content(type);
        if (encoding.startsWith("base64") || encoding.startsWith("BASE64")) {
            String base64 = Base64.getMimeEncoder().encodeToString(content);
            out.ascii(random.nextInt(5) == 0 ? base64.substring(0, base64.length() / 2) + "!!==\u00ff" : base64);
        } else {
            out.bytes(content);
        }
    }

    private byte[] content(String type) {
        Out content = new Out();
        int size = Math.min(MAX_CONTENT - this.content,
                shape == Shape.LONG_LINES ? random.nextInt(2_000_000) : random.nextInt(3000));
        boolean html = type.startsWith("text/html");
        if (html) {
            content.ascii(List.of("<blockquote>", "<ul><li>", "<div>", "<table><tr><td><p class=MsoNormal>", "<a href=x>",
                    "<pre>").get(random.nextInt(6)).repeat(random.nextInt(3000)));
        }
        while (content.size() < size) {
            switch (shape == Shape.BINARY ? random.nextInt(4) : random.nextInt(3)) {
                case 0 -> content.bytes(TEXT.getBytes(StandardCharsets.UTF_8));
                case 1 -> content.bytes(TEXT.getBytes(StandardCharsets.ISO_8859_1));
                case 2 -> content.ascii(shape == Shape.LONG_LINES ? "Lang linje uten slutt " : "=\r\n=C3=\r\n");
                default -> content.bytes(randomBytes(200));
            }
            if (shape != Shape.LONG_LINES && random.nextInt(4) == 0) {
                content.ascii(html ? "<br>" : eol());
            }
        }
        this.content += content.size();
        return content.bytes();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = 0;
        return bytes;
    }

    private String eol() {
        return switch (random.nextInt(shape == Shape.BROKEN_BOUNDARIES ? 3 : 8)) {
            case 0 -> "\n";
            case 1 -> "\r";
            default -> "\r\n";
        };
    }

    private String junk(int pieces) {
        StringBuilder junk = new StringBuilder();
        for (int i = random.nextInt(pieces + 1); i > 0; i--) {
            junk.append(ADDRESS_JUNK[random.nextInt(ADDRESS_JUNK.length)]);
        }
        return junk.toString();
    }

    /** Bytes, with text as ISO-8859-1: a header's raw 8-bit bytes stay as the generator wrote them. */
    private static final class Out extends ByteArrayOutputStream {

        void ascii(String text) {
            bytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void bytes(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        byte[] bytes() {
            return toByteArray();
        }
    }
}
