package no.tenantdesk.service;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Status;
import no.tenantdesk.sla.SlaPolicy;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.Tx;

/**
 * Keeps each inquiry's deadlines in step with what happens to it: counted when it is made, counted again when its
 * priority changes, the response met by the first reply an operator sends, the resolution by done, and a new
 * resolution clock when it is reopened. The rules are the pure functions below; the effects are one write each.
 */
public final class Deadlines {

    /** Inquiries a sweep takes per statement: a first run after the upgrade counts every open inquiry. */
    private static final int BATCH = 500;

    /** late_noted's bits (V015). */
    private static final int RESPOND_NOTED = 1;
    private static final int RESOLVE_NOTED = 2;

    private final SlaPolicy policy;

    public Deadlines(SlaPolicy policy) {
        this.policy = policy;
    }

    Instant respondBy(Priority priority, Instant opened) {
        return policy.respondBy(priority, opened);
    }

    Instant resolveBy(Priority priority, Instant opened) {
        return policy.resolveBy(priority, opened);
    }

    /** After the priority changed: both counted again from when their clocks started; missed ones are judged anew. */
    void repriced(Tx tx, long id) {
        InquiryMapper.Deadlines d = tx.mapper(InquiryMapper.class).deadlines(id);
        write(tx, counted(d, true), 0);
    }

    /** Done meets the resolution; moved out of done, a new resolution clock starts {@code now}. */
    void statusMoved(Tx tx, long id, Status from, Status to, Instant now) {
        InquiryMapper.Deadlines d = counted(tx.mapper(InquiryMapper.class).deadlines(id), false);
        if (from == Status.DONE && to != Status.DONE) {
            d = new InquiryMapper.Deadlines(d.id(), d.priority(), to, d.createdAt(), d.respondBy(),
                    policy.resolveBy(d.priority(), now), now, d.respondedAt(), d.lateNoted() & ~RESOLVE_NOTED);
        } else {
            d = new InquiryMapper.Deadlines(d.id(), d.priority(), to, d.createdAt(), d.respondBy(), d.resolveBy(),
                    d.resolveFrom(), d.respondedAt(), d.lateNoted());
        }
        write(tx, d, d.lateNoted());
    }

    /** An operator's reply: the first one meets the response. */
    void replied(Tx tx, long id, Instant now) {
        InquiryMapper.Deadlines d = counted(tx.mapper(InquiryMapper.class).deadlines(id), false);
        if (d.respondedAt() == null) {
            write(tx, new InquiryMapper.Deadlines(d.id(), d.priority(), d.status(), d.createdAt(), d.respondBy(),
                    d.resolveBy(), d.resolveFrom(), now, d.lateNoted()), d.lateNoted());
        }
    }

    /**
     * {@link #sweep} when there is something to do: asked first in a read, so that a list that finds nothing to
     * record takes no write lock.
     */
    public int sweep(Database database, Instant now) {
        boolean due = database.read(tx -> !tx.mapper(InquiryMapper.class).withoutDeadlines(1).isEmpty()
                || !tx.mapper(InquiryMapper.class).passed(now, 1).isEmpty());
        return due ? database.write(tx -> sweep(tx, now)) : 0;
    }

    /**
     * Counts the deadlines of open inquiries made before there were any (from when each was made, as if the targets
     * had held then), and records an event on each inquiry for each deadline that has passed since the last sweep.
     * A deadline that had passed before its inquiry's deadlines were counted gets no event: it passed before anyone
     * set a target. Returns how many events it recorded.
     */
    public int sweep(Tx tx, Instant now) {
        InquiryMapper inquiries = tx.mapper(InquiryMapper.class);
        for (List<InquiryMapper.Deadlines> batch = inquiries.withoutDeadlines(BATCH); !batch.isEmpty();
                batch = inquiries.withoutDeadlines(BATCH)) {
            for (InquiryMapper.Deadlines d : batch) {
                InquiryMapper.Deadlines counted = counted(d, false);
                write(tx, counted, passed(counted, now));
            }
        }
        Recorder recorder = new Recorder(tx, "tenantdesk", now);
        int events = 0;
        for (List<InquiryMapper.Deadlines> batch = inquiries.passed(now, BATCH); !batch.isEmpty();
                batch = inquiries.passed(now, BATCH)) {
            for (InquiryMapper.Deadlines d : batch) {
                int passed = passed(d, now);
                if ((passed & ~d.lateNoted() & RESPOND_NOTED) != 0) {
                    recorder.event(d.id(), null, "deadline", null, "respond missed");
                    events++;
                }
                if ((passed & ~d.lateNoted() & RESOLVE_NOTED) != 0) {
                    recorder.event(d.id(), null, "deadline", null, "resolve missed");
                    events++;
                }
                write(tx, d, d.lateNoted() | passed);
            }
        }
        return events;
    }

    /** The bits of late_noted for the deadlines passed by {@code now} and still unmet. */
    static int passed(InquiryMapper.Deadlines d, Instant now) {
        int passed = 0;
        if (d.respondedAt() == null && !d.respondBy().isAfter(now)) {
            passed |= RESPOND_NOTED;
        }
        if (d.status() != Status.DONE && !d.resolveBy().isAfter(now)) {
            passed |= RESOLVE_NOTED;
        }
        return passed;
    }

    /** With both deadlines: as stored, or counted from their clocks' starts when missing or {@code again}. */
    private InquiryMapper.Deadlines counted(InquiryMapper.Deadlines d, boolean again) {
        if (!again && d.respondBy() != null && d.resolveBy() != null) {
            return d;
        }
        Instant resolveFrom = d.resolveFrom() == null ? d.createdAt() : d.resolveFrom();
        return new InquiryMapper.Deadlines(d.id(), d.priority(), d.status(), d.createdAt(),
                policy.respondBy(d.priority(), d.createdAt()), policy.resolveBy(d.priority(), resolveFrom),
                resolveFrom, d.respondedAt(), d.lateNoted());
    }

    /** The deadline still to meet: the response until the first reply, then the resolution; none once done. */
    static Instant dueAt(InquiryMapper.Deadlines d) {
        return d.status() == Status.DONE ? null : d.respondedAt() == null ? d.respondBy() : d.resolveBy();
    }

    private static void write(Tx tx, InquiryMapper.Deadlines d, int lateNoted) {
        tx.mapper(InquiryMapper.class).setDeadlines(d.id(), d.respondBy(), d.resolveBy(), d.resolveFrom(),
                d.respondedAt(), dueAt(d), lateNoted);
    }
}
