package no.tenantdesk.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that fetch-mail's batch writes together, a multi-row insert per table, instead of a statement each: every
 * statement is a round trip to PostgreSQL, and filing a small message was five of them. Only rows that nothing
 * written after them needs an id of: a mail's raw bytes when they are one small piece, events, mail records.
 * The transaction ({@link Tx#writeBehind}) writes them before any other statement of its own, a read or a write, so
 * that whatever runs next finds them as if written at once, in the order they came; and before it ends. A failure
 * in them fails that statement, and with it the batch, which fetch-mail then files again a message at a time. On
 * SQLite, where a statement is no round trip, they are written a row at a time (see {@link Dialect#roundTrips}).
 */
public final class WriteBehind {

    /** The largest content held back: a small mail. Larger ones go in at once, by {@link Blobs}. */
    static final int MAX_BLOB_BYTES = 64 * 1024;
    /** Rows per statement: within what SQLite and PostgreSQL bind in one (32,766 and 65,535 values). */
    private static final int ROWS_PER_STATEMENT = 250;
    /** Bytes held back before they are written anyway, so that a statement stays a few MB. */
    private static final long MAX_HELD_BYTES = 4L * 1024 * 1024;

    private final Map<String, AttachmentMapper.NewBlob> blobs = new LinkedHashMap<>();
    private final List<EventMapper.NewEvent> events = new ArrayList<>();
    private final List<MailMapper.NewMail> mails = new ArrayList<>();
    private final Tx tx;
    /** Many rows to a statement (a server), or one (SQLite: see {@link Dialect#roundTrips}). */
    private final boolean together;
    private long heldBytes;

    WriteBehind(Tx tx, boolean together) {
        this.tx = tx;
        this.together = together;
    }

    /**
     * Holds back a content of one piece, unless it is stored already or too large to hold.
     *
     * @return whether it was taken; if not, the caller stores it ({@link Blobs#put})
     */
    public boolean blob(String sha256, byte[] data) {
        if (data.length > MAX_BLOB_BYTES) {
            return false;
        }
        if (blobs.putIfAbsent(sha256, new AttachmentMapper.NewBlob(sha256, data.length, data)) == null) {
            heldBytes += data.length;
        }
        if (heldBytes > MAX_HELD_BYTES) {
            tx.writeOut();
        }
        return true;
    }

    public void event(EventMapper.NewEvent event) {
        events.add(event);
    }

    public void mail(MailMapper.NewMail mail) {
        mails.add(mail);
    }

    boolean isEmpty() {
        return blobs.isEmpty() && events.isEmpty() && mails.isEmpty();
    }

    /** Writes what is held, the contents first: a mail record refers to its raw bytes. */
    void write(AttachmentMapper attachments, EventMapper eventMapper, MailMapper mailMapper) {
        if (together) {
            for (List<AttachmentMapper.NewBlob> part : parts(new ArrayList<>(blobs.values()))) {
                attachments.insertBlobs(part);
            }
            for (List<EventMapper.NewEvent> part : parts(events)) {
                eventMapper.insertAll(part);
            }
            for (List<MailMapper.NewMail> part : parts(mails)) {
                mailMapper.recordAll(part);
            }
        } else {
            for (AttachmentMapper.NewBlob blob : blobs.values()) {
                attachments.insertBlob(blob.sha256(), blob.size(), blob.data());
            }
            events.forEach(eventMapper::insert);
            mails.forEach(mailMapper::record);
        }
        blobs.clear();
        events.clear();
        mails.clear();
        heldBytes = 0;
    }

    private static <T> List<List<T>> parts(List<T> rows) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
        return parts;
    }
}
