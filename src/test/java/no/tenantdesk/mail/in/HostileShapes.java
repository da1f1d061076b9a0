package no.tenantdesk.mail.in;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Crafted messages of the shapes that stopped, stalled or bloated an import (issue 13), and a plain tenant mail of
 * any size to set beside them. Shared by the tests and {@code scripts/bench-hostile}; each shape is made from its
 * size parameter, so a test can take a small one and the benchmark the one the issue measured. Only the test
 * classes' own code is used here: the benchmark runs it against older jars too.
 */
public final class HostileShapes {

    private HostileShapes() {}

    /**
     * A named shape and the parameter the benchmark uses (the issue's figure where it gave one).
     *
     * @param make builds the message from the parameter
     */
    public record Shape(String name, String description, int parameter, IntFunction<byte[]> make) {

        public byte[] bytes() {
            return make.apply(parameter);
        }
    }

    public static final List<Shape> ALL = List.of(
            new Shape("deep-mixed", "multipart/mixed nested N deep", 5_000, depth -> deep("mixed", depth, 0)),
            new Shape("deep-alternative", "multipart/alternative nested N deep", 800,
                    depth -> deep("alternative", depth, 0)),
            new Shape("deep-limit", "multipart/alternative nested N deep (the most allowed) over 900 KB of text", 100,
                    depth -> deep("alternative", depth, 900_000)),
            new Shape("cte-comment", "Content-Transfer-Encoding of N '('", 40_000, HostileShapes::cteComment),
            new Shape("nested-blockquote", "HTML with N nested <blockquote>", 2_000, HostileShapes::blockquotes),
            new Shape("nested-lists", "HTML with N nested <ul><li>", 50_000, HostileShapes::lists),
            new Shape("wide", "multipart/mixed with N small attachments", 5_000, HostileShapes::wide),
            new Shape("wide-empty", "multipart/mixed with N empty parts", 50_000, HostileShapes::wideEmpty),
            new Shape("long-line", "text/plain of one N-byte line", 900_000, HostileShapes::longLine),
            new Shape("huge-header", "a Subject of N encoded words, a To of N/4 addresses", 20_000,
                    HostileShapes::hugeHeaders),
            new Shape("unclosed-addresses", "To, Cc and Reply-To of N unclosed '(', '<a@' and '['", 20_000,
                    HostileShapes::unclosedAddresses),
            new Shape("boundary-prefixes", "N multiparts whose boundaries are prefixes of each other", 99,
                    HostileShapes::prefixBoundaries));

    public static Shape named(String name) {
        return ALL.stream().filter(shape -> shape.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shape " + name));
    }

    static final String HEADER = """
            From: Kari Nordmann <kari.nordmann@example.no>\r
            To: post@eiendom.example\r
            Subject: Lekkasje i taket\r
            Date: Tue, 3 Mar 2026 09:15:00 +0100\r
            Message-ID: <hostile@example.no>\r
            MIME-Version: 1.0\r
            """;

    /** multipart/SUBTYPE inside multipart/SUBTYPE, depth levels, with a line of text (and more) at the bottom. */
    static byte[] deep(String subtype, int depth, int moreText) {
        StringBuilder mail = new StringBuilder(depth * 80).append(HEADER);
        mail.append("Content-Type: multipart/").append(subtype).append("; boundary=\"b0\"\r\n\r\n");
        for (int level = 1; level < depth; level++) {
            mail.append("--b").append(level - 1).append("\r\nContent-Type: multipart/").append(subtype)
                    .append("; boundary=\"b").append(level).append("\"\r\n\r\n");
        }
        mail.append("--b").append(depth - 1).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                .append("Det drypper fra taket.\r\n");
        String line = "Det har dryppet fra taket over pulten ved vinduet på kontor 204 siden i går.\r\n";
        for (int written = 0; written < moreText; written += line.length()) {
            mail.append(line);
        }
        for (int level = depth - 1; level >= 0; level--) {
            mail.append("--b").append(level).append("--\r\n");
        }
        return mail.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cteComment(int parens) {
        return ascii(new StringBuilder(HEADER).append("Content-Type: text/plain; charset=utf-8\r\n")
                .append("Content-Transfer-Encoding: ").append("(".repeat(parens)).append("\r\n\r\n")
                .append("Det drypper fra taket.\r\n"));
    }

    /** HTML whose blockquotes are never closed, each holding 50 short lines: a reply chain gone wild. */
    static byte[] blockquotes(int depth) {
        StringBuilder mail = new StringBuilder(HEADER).append("Content-Type: text/html; charset=utf-8\r\n\r\n");
        for (int level = 0; level < depth; level++) {
            mail.append("<blockquote>").append("x<br>".repeat(50));
        }
        return ascii(mail.append("\r\n"));
    }

    static byte[] lists(int depth) {
        StringBuilder mail = new StringBuilder(HEADER).append("Content-Type: text/html; charset=utf-8\r\n\r\n");
        for (int level = 0; level < depth; level++) {
            mail.append("<ul><li>x");
        }
        return ascii(mail.append("\r\n"));
    }

    static byte[] wide(int parts) {
        StringBuilder mail = new StringBuilder(HEADER)
                .append("Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n--w\r\n\r\nSe vedlegg.\r\n");
        for (int i = 0; i < parts; i++) {
            mail.append("--w\r\nContent-Type: application/pdf; name=\"f").append(i)
                    .append(".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n");
        }
        return ascii(mail.append("--w--\r\n"));
    }

    static byte[] wideEmpty(int parts) {
        StringBuilder mail = new StringBuilder(HEADER).append("Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n");
        for (int i = 0; i < parts; i++) {
            mail.append("--w\r\n\r\n");
        }
        return ascii(mail.append("--w--\r\n"));
    }

    static byte[] longLine(int length) {
        StringBuilder mail = new StringBuilder(HEADER).append("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        String words = "Det drypper fra taket over pulten ved vinduet ";
        while (mail.length() < length) {
            mail.append(words);
        }
        return ascii(mail.append("\r\n"));
    }

    /** Headers of many thousand encoded words and addresses: the header decoders' loops. */
    static byte[] hugeHeaders(int words) {
        StringBuilder mail = new StringBuilder("From: Kari Nordmann <kari.nordmann@example.no>\r\nSubject:");
        for (int i = 0; i < words; i++) {
            mail.append(" =?utf-8?q?Str=C3=B8m?=\r\n");
        }
        mail.append("To: ");
        for (int i = 0; i < words / 4; i++) {
            mail.append(i == 0 ? "" : ",\r\n ").append("\"Ola (").append(i).append(")\" <ola").append(i)
                    .append("@example.no>");
        }
        return ascii(mail.append("\r\nContent-Type: text/plain\r\n\r\nHei.\r\n"));
    }

    /** Address lists that never close a comment, an angle bracket or a domain literal. */
    static byte[] unclosedAddresses(int count) {
        return ascii(new StringBuilder("From: Kari Nordmann <kari.nordmann@example.no>\r\n")
                .append("To: ").append("(".repeat(count)).append("\r\nCc: ").append("<a@".repeat(count / 2))
                .append("\r\nReply-To: ").append("[".repeat(count)).append("\r\nSubject: Heisen\r\n\r\nHei.\r\n"));
    }

    /** Nested multiparts whose boundaries are "p", "pp", "ppp"…: every inner boundary line starts like an outer one. */
    static byte[] prefixBoundaries(int depth) {
        StringBuilder mail = new StringBuilder(HEADER).append("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int level = 1; level < depth; level++) {
            mail.append("--").append("p".repeat(level)).append("\r\nContent-Type: multipart/mixed; boundary=\"")
                    .append("p".repeat(level + 1)).append("\"\r\n\r\n");
        }
        mail.append("--").append("p".repeat(depth)).append("\r\n\r\nDet drypper.\r\n");
        for (int level = depth; level >= 1; level--) {
            mail.append("--").append("p".repeat(level)).append("--\r\n");
        }
        return ascii(mail);
    }

    /** A tenant's plain-text mail of about the given size: ordinary lines of Norwegian text. */
    public static byte[] plain(int size) {
        StringBuilder mail = new StringBuilder(size + 100).append(HEADER)
                .append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        String line = "Det har dryppet fra taket over pulten ved vinduet på kontor 204 siden i går.\r\n";
        while (mail.length() < size) {
            mail.append(line);
        }
        return mail.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
