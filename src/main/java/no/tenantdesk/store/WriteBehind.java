package no.tenantdesk.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * Rows that fetch-mail's batch writes together, one insert per table, instead of a statement each: every
 * statement is a round trip to PostgreSQL, and filing a small message was five of them. Only rows that nothing
 * written after them needs an id of: a mail's raw bytes when they are one small piece, events, mail records; and
 * where the database hands out ids ahead (PostgreSQL's sequences), new contacts and inquiries with ids reserved
 * for them, a batch's in one round trip.
 * The transaction ({@link Tx#writeBehind}) writes them before any other statement of its own, a read or a write, so
 * that whatever runs next finds them as if written at once, in the order they came; and before it ends. A failure
 * in them fails that statement, and with it the batch, which fetch-mail then files again a message at a time. On
 * SQLite, where a statement is no round trip, they are written a row at a time (see {@link Dialect#roundTrips}); on
 * PostgreSQL each table's rows go as one array per column ({@link HeldColumns}).
 */
public final class WriteBehind {

    /** The largest content held back: a small mail. Larger ones go in at once, by {@link Blobs}. */
    static final int MAX_BLOB_BYTES = 64 * 1024;
    /** Bytes held back before they are written anyway, so that a statement stays a few MB. */
    private static final long MAX_HELD_BYTES = 4L * 1024 * 1024;

    private final Map<String, AttachmentMapper.NewBlob> blobs = new LinkedHashMap<>();
    private final List<ContactMapper.Held> contacts = new ArrayList<>();
    private final List<InquiryMapper.Held> inquiries = new ArrayList<>();
    private final List<EventMapper.NewEvent> events = new ArrayList<>();
    private final List<MailMapper.NewMail> mails = new ArrayList<>();
    private final Ids contactIds;
    private final Ids inquiryIds;
    private final Tx tx;
    /** Where a held inquiry's search words are made meanwhile ({@link HeldWords}). */
    private final Executor helpers;
    /** Many rows to a statement (a server), or one (SQLite: see {@link Dialect#roundTrips}). */
    private final boolean together;
    private long heldBytes;

    WriteBehind(Tx tx, boolean together, Executor helpers) {
        this.tx = tx;
        this.helpers = helpers;
        this.together = together;
        this.contactIds = new Ids(count -> tx.direct(ContactMapper.class).reserveIds(count));
        this.inquiryIds = new Ids(count -> tx.direct(InquiryMapper.class).reserveIds(count));
    }

    /**
     * How many new contacts and inquiries the batch is likely to make: as many ids are reserved when the first is
     * needed, one more each when they run out. Every id reserved and not used is a gap in the numbers people see,
     * so the caller counts what it can tell beforehand, not more.
     */
    public void expect(int newContacts, int newInquiries) {
        contactIds.expected = newContacts;
        inquiryIds.expected = newInquiries;
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

    /** Holds back a new contact with an id reserved for it: the id, or null where ids are not handed out ahead. */
    public Long contact(ContactMapper.NewContact contact) {
        Long id = contactIds.next();
        if (id != null) {
            contacts.add(new ContactMapper.Held(id, contact));
        }
        return id;
    }

    /** Holds back a new inquiry (and its search row), as {@link #contact}. */
    public Long inquiry(InquiryMapper.NewInquiry inquiry) {
        Long id = inquiryIds.next();
        if (id != null) {
            inquiries.add(new InquiryMapper.Held(id, inquiry,
                    new HeldWords(inquiry.title(), inquiry.description(), helpers)));
        }
        return id;
    }

    public void event(EventMapper.NewEvent event) {
        events.add(event);
    }

    public void mail(MailMapper.NewMail mail) {
        mails.add(mail);
    }

    boolean isEmpty() {
        return blobs.isEmpty() && contacts.isEmpty() && inquiries.isEmpty() && events.isEmpty() && mails.isEmpty();
    }

    /**
     * Writes what is held, each table after those it refers to: contents and contacts, then the inquiries, then
     * what refers to them. Contacts and inquiries are held only where ids are handed out ahead (a server).
     */
    void write() {
        if (!contacts.isEmpty()) {
            tx.direct(ContactMapper.class).insertAll(HeldColumns.contacts(contacts));
        }
        if (!inquiries.isEmpty()) {
            tx.direct(InquiryMapper.class).insertAll(HeldColumns.inquiries(inquiries));
        }
        AttachmentMapper attachments = tx.direct(AttachmentMapper.class);
        EventMapper eventMapper = tx.direct(EventMapper.class);
        MailMapper mailMapper = tx.direct(MailMapper.class);
        if (together) {
            if (!blobs.isEmpty()) {
                attachments.insertBlobs(HeldColumns.blobs(new ArrayList<>(blobs.values())));
            }
            if (!events.isEmpty()) {
                eventMapper.insertAll(HeldColumns.events(events));
            }
            if (!mails.isEmpty()) {
                mailMapper.recordAll(HeldColumns.mails(mails));
            }
        } else {
            for (AttachmentMapper.NewBlob blob : blobs.values()) {
                attachments.insertBlob(blob.sha256(), blob.size(), blob.data());
            }
            events.forEach(eventMapper::insert);
            mails.forEach(mailMapper::record);
        }
        blobs.clear();
        contacts.clear();
        inquiries.clear();
        events.clear();
        mails.clear();
        heldBytes = 0;
    }

    /** Ids reserved for one table's new rows, taken in order. */
    private static final class Ids {

        private final IntFunction<List<Long>> reserve;
        private final Deque<Long> free = new ArrayDeque<>();
        private int expected = 1;
        private boolean handedOut = true;

        Ids(IntFunction<List<Long>> reserve) {
            this.reserve = reserve;
        }

        /** The next id, or null where the database hands none out ahead (SQLite). */
        Long next() {
            if (free.isEmpty() && handedOut) {
                List<Long> ids = reserve.apply(Math.max(1, expected));
                handedOut = !ids.isEmpty();
                free.addAll(ids);
                expected = 1;
            }
            return free.poll();
        }
    }
}
