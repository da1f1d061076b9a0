package no.tenantdesk.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of stored files (attachments, raw mail), once per content under its SHA-256, written and read a piece of
 * {@link #CHUNK_SIZE} at a time, so that no file is ever whole in memory (V010). The first piece is in the blob row,
 * the others in blob_chunk; all of them are written in the caller's transaction, with the row: a content that is
 * there is there whole.
 */
public final class Blobs {

    /**
     * 1 MiB. A piece is one array on its way in or out, and the driver and SQLite each copy it once more, so a few
     * MiB is what storing or reading any file holds. Smaller pieces would not save memory that matters but would
     * add rows (an INSERT and an index entry each); larger ones would make the piece the thing that fills memory.
     * Mail and photos are mostly smaller than this and stay one row, as they were before V010.
     */
    public static final int CHUNK_SIZE = 1024 * 1024;

    private final AttachmentMapper mapper;

    public Blobs(Tx tx) {
        this.mapper = tx.mapper(AttachmentMapper.class);
    }

    /**
     * Stores the {@code size} bytes of {@code in} as the content {@code sha256}, unless it is stored already: then
     * nothing past the first piece is read. The caller vouches that the bytes have that hash: a file it spooled and
     * hashed itself, or a stream that checks the hash as it ends.
     *
     * @return whether the content was new
     * @throws IOException when {@code in} fails, or holds more or fewer than {@code size} bytes
     */
    public boolean put(String sha256, long size, InputStream in) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("a size of " + size);
        }
        byte[] buffer = new byte[(int) Math.min(CHUNK_SIZE, size)];
        long left = size;
        byte[] piece = next(in, buffer, left, size);
        if (mapper.insertBlob(sha256, size, piece) == 0) {
            return false;
        }
        left -= piece.length;
        for (long seq = 1; left > 0; seq++) {
            piece = next(in, buffer, left, size);
            mapper.insertChunk(sha256, seq, piece);
            left -= piece.length;
        }
        if (in.read() != -1) {
            throw new IOException("the content is longer than the " + size + " bytes it was said to have");
        }
        return true;
    }

    /** Stores a file's bytes; see {@link #put(String, long, InputStream)}. */
    public boolean put(String sha256, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(sha256, Files.size(file), in);
        }
    }

    /** Stores bytes already in memory (a composed text-only mail, a header). */
    public boolean put(String sha256, byte[] data) {
        try {
            return put(sha256, data.length, new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new IllegalStateException("an array does not fail to read", e);
        }
    }

    /** The next piece: the whole buffer again (the driver copies it as it binds), or a last, shorter one. */
    private static byte[] next(InputStream in, byte[] buffer, long left, long size) throws IOException {
        int length = (int) Math.min(buffer.length, left);
        byte[] piece = length == buffer.length ? buffer : new byte[length];
        int read = in.readNBytes(piece, 0, length);
        if (read < length) {
            throw new IOException("the content ended after " + (size - left + read) + " of its " + size + " bytes");
        }
        return piece;
    }

    /**
     * The content's bytes, read a piece at a time while the transaction lasts.
     *
     * @throws IllegalStateException when no such content is stored
     */
    public InputStream open(String sha256) {
        AttachmentMapper.BlobHead head = mapper.blobHead(sha256);
        if (head == null) {
            throw new IllegalStateException("no stored content has SHA-256 " + sha256);
        }
        return new Pieces(sha256, head);
    }

    /** Writes the content to {@code out}, a piece at a time. */
    public long copy(String sha256, OutputStream out) throws IOException {
        try (InputStream in = open(sha256)) {
            return in.transferTo(out);
        }
    }

    /** Writes the content to a new or emptied file. */
    public long copy(String sha256, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return copy(sha256, out);
        }
    }

    /** Reads piece after piece; a missing or short piece is an error, not a short file. */
    private final class Pieces extends InputStream {

        private final String sha256;
        private final long size;
        private byte[] piece;
        private int position;
        private long seq;
        private long before; // the bytes of the pieces before this one

        Pieces(String sha256, AttachmentMapper.BlobHead head) {
            this.sha256 = sha256;
            this.size = head.size();
            this.piece = head.data() == null ? new byte[0] : head.data();
        }

        /** False at the end of the content. */
        private boolean ready() throws IOException {
            if (position < piece.length) {
                return true;
            }
            long done = before + piece.length;
            if (done >= size) {
                if (done > size) {
                    throw new IOException("the stored content " + sha256 + " is longer than its size, " + size);
                }
                return false;
            }
            before = done;
            seq++;
            AttachmentMapper.Chunk next = mapper.chunk(sha256, seq);
            if (next == null || next.data() == null || next.data().length == 0) {
                throw new IOException("the stored content " + sha256 + " has no piece " + seq + " (" + before
                        + " of " + size + " bytes)");
            }
            piece = next.data();
            position = 0;
            return true;
        }

        @Override
        public int read() throws IOException {
            return ready() ? piece[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (!ready()) {
                return -1;
            }
            int n = Math.min(length, piece.length - position);
            System.arraycopy(piece, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            long total = 0;
            while (ready()) {
                int n = piece.length - position;
                out.write(piece, position, n); // the piece as it is, no copy through a buffer
                position += n;
                total += n;
            }
            return total;
        }
    }
}
