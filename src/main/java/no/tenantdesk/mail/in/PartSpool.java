package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** Writes decoded parts to files, counting and hashing on the way; a part over the limit is counted, not kept. */
final class PartSpool {

    private static final int BUFFER = 64 * 1024;

    private final Path folder;
    private final long limit;

    PartSpool(Path folder, long limit) {
        this.folder = folder;
        this.limit = limit;
    }

    /** @param file null when the part was over the limit (its size is still right) */
    record Written(Path file, long size, String sha256) {}

    Written write(InputStream in) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "part-", ".bin");
        MessageDigest digest = Spool.sha256();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        boolean kept = true;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > limit) {
                    kept = false;
                    break;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (kept) {
            return new Written(file, size, Spool.hex(digest));
        }
        Files.delete(file);
        // Read to the end only to tell the operator how large the part was.
        for (int n; (n = in.read(buffer)) >= 0; ) {
            size += n;
        }
        return new Written(null, size, null);
    }

    /** The SHA-256 of bytes already in memory (a small message), in hex. */
    static String sha256(byte[] bytes) {
        MessageDigest digest = Spool.sha256();
        digest.update(bytes);
        return Spool.hex(digest);
    }

    /**
     * The size and SHA-256 of a whole file, read as a stream.
     *
     * @param expected its size as the caller found it, for a buffer no larger than the file (it may still grow)
     */
    static Written hash(Path file, long expected) throws IOException {
        MessageDigest digest = Spool.sha256();
        byte[] buffer = new byte[(int) Math.min(BUFFER, expected + 1)];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                digest.update(buffer, 0, n);
            }
        }
        return new Written(file, size, Spool.hex(digest));
    }
}
