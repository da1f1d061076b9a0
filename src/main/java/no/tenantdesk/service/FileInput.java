package no.tenantdesk.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.SafeNames;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.store.Blobs;

/**
 * A file to attach: one a user named, checked before the transaction starts so that a bad path stores nothing, or a
 * part that fetch-mail spooled. Only its size and SHA-256 are read up front; its bytes go into the database a piece
 * at a time as it is stored ({@link #store}), never whole in memory.
 *
 * @param spooled a file of ours (fetch-mail's spool), hashed as it was written; a user's file may change after it was
 *                read up front, so its bytes are checked against that size and hash again as they are stored
 */
record FileInput(String filename, String contentType, Path file, long size, String sha256, boolean spooled) {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("zip", "application/zip"),
            Map.entry("eml", "message/rfc822"));

    static List<FileInput> readAll(List<Path> paths) {
        for (Path path : paths) { // check all before reading any: one missing file fails the command up front
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException(
                        (Files.exists(path) ? "not a file: " : "no such file: ") + path);
            }
            if (!Files.isReadable(path)) {
                throw new InvalidInputException("cannot read file: " + path);
            }
        }
        return paths.stream().map(FileInput::read).toList();
    }

    private static FileInput read(Path path) {
        try {
            MessageDigest digest = newDigest();
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            String name = SafeNames.filename(path.getFileName().toString());
            return new FileInput(name, contentType(name), path, size, hex(digest), false);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read file " + path + ": " + e.getMessage());
        }
    }

    /** A part of a fetched mail, as the parser spooled it. */
    static FileInput spooled(InboundMail.MailPart part) {
        return new FileInput(part.filename(), part.contentType(), part.file(), part.size(), part.sha256(), true);
    }

    /** Stores the bytes in the transaction of {@code blobs}, unless the same content is stored already. */
    void store(Blobs blobs) {
        try (InputStream in = spooled ? Files.newInputStream(file) : new Checked(Files.newInputStream(file))) {
            blobs.put(sha256, size, in);
        } catch (IOException e) {
            if (spooled) {
                throw new UncheckedIOException("cannot read the spooled attachment " + filename, e);
            }
            throw new InvalidInputException("cannot read file " + file + ": " + e.getMessage());
        }
    }

    /** The user's file as it is stored: at its end, the bytes must be those that were hashed before. */
    private final class Checked extends FilterInputStream {

        private final MessageDigest digest = newDigest();
        private long count;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                check();
            } else {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = in.read(into, offset, length);
            if (n < 0) {
                check();
            } else {
                digest.update(into, offset, n);
                count += n;
            }
            return n;
        }

        private void check() throws IOException {
            if (count != size || !hex(digest).equals(sha256)) {
                throw new IOException("it changed while it was being stored");
            }
        }
    }

    static String contentType(String filename) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            type = URLConnection.guessContentTypeFromName(filename);
        }
        return type == null ? "application/octet-stream" : type;
    }

    /** Streams the file: it may be larger than memory should hold. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest);
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(newDigest().digest(data));
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
