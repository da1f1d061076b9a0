package no.tenantdesk.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.domain.Removal;
import no.tenantdesk.store.AttachmentMapper;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.Database;

/** Files kept with inquiries, stored in the database once per content. */
public final class AttachmentService {

    private final Database database;
    private final Clock clock;

    public AttachmentService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public List<Attachment> add(long inquiryId, List<Path> paths, String actor) {
        if (paths.isEmpty()) {
            throw new InvalidInputException("no files given");
        }
        List<FileInput> files = FileInput.readAll(paths);
        return database.write(tx -> {
            new Lookup(tx).inquiry(inquiryId);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            List<Attachment> stored = recorder.attach(inquiryId, null, null, files);
            recorder.touch(inquiryId);
            return stored;
        });
    }

    public List<Attachment> list(long inquiryId) {
        return database.read(tx -> {
            new Lookup(tx).inquiry(inquiryId);
            return tx.mapper(AttachmentMapper.class).byInquiry(inquiryId);
        });
    }

    public Attachment get(long id) {
        return database.read(tx -> {
            Attachment attachment = tx.mapper(AttachmentMapper.class).byId(id);
            if (attachment == null) {
                throw NotFoundException.of("attachment", id);
            }
            if (attachment.removed()) {
                throw new NotFoundException("attachment " + id + " (" + attachment.filename() + ") has no bytes any"
                        + " more: removed on " + attachment.removedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                        + (attachment.removedBy() == Removal.RETENTION
                                ? " by retention (db prune: its inquiry was done longer ago than files are kept)"
                                : " by the erasure of the person who sent it (contact forget)"));
            }
            return attachment;
        });
    }

    /**
     * Writes the file's bytes to {@code out} a piece at a time, never whole in memory. Stored content is never
     * changed; an erasure between {@link #get} and this may remove it, and then this fails (no half file: the
     * content is removed in one transaction).
     *
     * @return the number of bytes written
     * @throws IOException when {@code out} fails
     */
    public long write(Attachment attachment, OutputStream out) throws IOException {
        try {
            return database.read(tx -> {
                try {
                    return new Blobs(tx).copy(attachment.sha256(), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
