package no.tenantdesk.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.store.AttachmentMapper;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.EventMapper;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.Tx;

/** What every change writes besides itself, inside its transaction: audit events, files, the inquiry's update time. */
final class Recorder {

    private final Tx tx;
    private final String actor;
    private final Instant now;

    Recorder(Tx tx, String actor, Instant now) {
        this.tx = tx;
        this.actor = actor;
        this.now = now.truncatedTo(ChronoUnit.MILLIS); // what the database keeps, so what we return matches it
    }

    Instant now() {
        return now;
    }

    String actor() {
        return actor;
    }

    /** Records a change of a tracked field; a "change" to the same value is none and leaves no trace. */
    boolean event(long inquiryId, Long taskId, String field, String from, String to) {
        if (Objects.equals(from, to)) {
            return false;
        }
        EventMapper.NewEvent event = new EventMapper.NewEvent(inquiryId, taskId, actor, field, from, to, now);
        if (tx.behind() != null) {
            tx.behind().event(event);
        } else {
            tx.mapper(EventMapper.class).insert(event);
        }
        return true;
    }

    List<Attachment> attach(long inquiryId, Long commentId, Long taskId, List<FileInput> files) {
        AttachmentMapper attachments = tx.mapper(AttachmentMapper.class);
        Blobs blobs = new Blobs(tx);
        List<Attachment> stored = new ArrayList<>();
        for (FileInput file : files) {
            file.store(blobs);
            long id = attachments.insert(new AttachmentMapper.NewAttachment(inquiryId, commentId, taskId,
                    file.sha256(), file.filename(), file.contentType(), file.size(), actor, now));
            stored.add(attachments.byId(id));
        }
        return stored;
    }

    void touch(long inquiryId) {
        tx.mapper(InquiryMapper.class).touch(inquiryId, now);
    }
}
