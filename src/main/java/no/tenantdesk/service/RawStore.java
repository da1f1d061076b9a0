package no.tenantdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.Tx;

/**
 * Keeps a message's raw bytes: whole while it could hold an attachment we keep, else only its header block (a mail
 * whose huge attachment was omitted: the database does not take in the raw form what the limit kept out).
 */
final class RawStore {

    private final Tx tx;
    private final long maxRawSize;

    RawStore(Tx tx, long maxRawSize) {
        this.tx = tx;
        this.maxRawSize = maxRawSize;
    }

    /** The bytes as stored, and the hash of the whole message (which differs when only its header was kept). */
    record Kept(MailMapper.RawRef ref, String fullSha256) {}

    Kept put(InboundMail mail) {
        if (mail.rawBytes() != null && mail.rawSize() <= maxRawSize) {
            // Read by the parser: no file to open here. Held back with the batch's other small rows, where it may be.
            if (tx.behind() == null || !tx.behind().blob(mail.rawSha256(), mail.rawBytes())) {
                new Blobs(tx).put(mail.rawSha256(), mail.rawBytes());
            }
            return new Kept(new MailMapper.RawRef(mail.rawSha256(), mail.rawSize(), false), mail.rawSha256());
        }
        return put(mail.raw(), mail.rawSize(), mail.rawSha256());
    }

    /** A message that could not be parsed: only its file is known. */
    Kept put(Path file) {
        return put(file, -1, null);
    }

    private Kept put(Path file, long knownSize, String knownSha256) {
        try {
            long size = knownSize >= 0 ? knownSize : Files.size(file);
            Blobs blobs = new Blobs(tx);
            if (size > maxRawSize) {
                byte[] header = header(file);
                String sha256 = FileInput.sha256(header);
                blobs.put(sha256, header);
                return new Kept(new MailMapper.RawRef(sha256, size, true),
                        knownSha256 != null ? knownSha256 : FileInput.sha256(file));
            }
            String sha256 = knownSha256 != null ? knownSha256 : FileInput.sha256(file);
            try (InputStream in = Files.newInputStream(file)) {
                blobs.put(sha256, size, in); // a piece at a time: the message may be tens of MB
            }
            return new Kept(new MailMapper.RawRef(sha256, size, false), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled message", e);
        }
    }

    /** The header block: up to the first empty line, at most 1 MB. */
    private static byte[] header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024 * 1024);
            for (int i = 0; i + 1 < head.length; i++) {
                if (head[i] == '\n' && (head[i + 1] == '\n' || (head[i + 1] == '\r' && i + 2 < head.length
                        && head[i + 2] == '\n'))) {
                    return Arrays.copyOf(head, i + 1);
                }
            }
            return head;
        }
    }
}
