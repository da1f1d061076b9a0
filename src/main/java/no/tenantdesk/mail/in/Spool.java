package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Files in the run's spool folder, and the SHA-256 that names mbox and stdin messages. */
final class Spool {

    private Spool() {}

    /** A new empty file for one message; the folder is made when it is missing. */
    static Path newFile(Path spool) throws IOException {
        Objects.requireNonNull(spool, "a mail source that downloads needs a spool folder");
        Files.createDirectories(spool);
        return Files.createTempFile(spool, "msg-", ".eml");
    }

    /** Copies a stream into a new spool file; the file is removed again when the copy fails half-way. */
    static Path copy(InputStream in, Path spool) throws IOException {
        Path file = newFile(spool);
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return file;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The spool folder is removed at the end of the run, with whatever is left in it.
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Writes through to {@code out} and counts and hashes what passes. */
    static final class Hashing extends DigestOutputStream {
        private long count;

        Hashing(OutputStream out) {
            super(out, sha256());
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }

        String sha256Hex() {
            return hex(getMessageDigest());
        }
    }
}
