package no.tenantdesk.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.MailMessage;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.MailMapper;

/**
 * The messages fetch-mail could not read or store, kept with their bytes and the reason: listed, and filed again
 * after a fix (or once the cause is gone) by the same steps as fetch-mail files a message ({@link MailReader},
 * {@link MailFiling}).
 */
public final class QuarantineService {

    private final Database database;
    private final Clock clock;
    private final MailSettings settings;
    private final Scratch scratch;

    public QuarantineService(Database database, Clock clock, MailSettings settings, Scratch scratch) {
        this.database = database;
        this.scratch = scratch;
        this.clock = clock;
        this.settings = settings;
    }

    /** Oldest first. */
    public List<MailMessage> list() {
        return database.read(tx -> tx.mapper(MailMapper.class).quarantined());
    }

    /** Files a quarantined message again; one that fails again stays quarantined, with the new reason. */
    public MessageResult retry(long id) {
        MailMessage message = database.read(tx -> tx.mapper(MailMapper.class).byId(id));
        if (message == null || message.outcome() != MailOutcome.QUARANTINED) {
            throw new NotFoundException("no quarantined message has id " + id);
        }
        MailMapper.Raw raw = database.read(tx -> tx.mapper(MailMapper.class).raw(id));
        if (raw.partial()) {
            throw new InvalidInputException("message " + id + " was too large to keep whole; only its header"
                    + " is stored, so it cannot be read again");
        }
        try (TemporaryFolder folder = scratch.folder("retry-")) {
            Path spool = folder.path();
            Path file = spool.resolve("message-" + id + ".eml");
            database.read(tx -> {
                try {
                    return new Blobs(tx).copy(raw.sha256(), file); // a piece at a time: it may be tens of MB
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the message to " + file, e);
                }
            });
            try (Intake intake = new MailReader(settings, spool).read(RawMessage.spooled(null, file))) {
                Origin origin = new Origin.Retry(id);
                MailFiling.Filed filed = database.write(tx -> new MailFiling(tx, clock.instant(), settings,
                        StoredLookups.of(tx), scratch, TriageLoader.load(tx, settings.triaging()))
                        .fileOrQuarantine(intake, origin));
                if (filed.outcome() == MailOutcome.QUARANTINED) {
                    throw new TenantdeskException("message " + id + " is still quarantined: " + filed.reason());
                }
                return MessageResult.of(message.source(), intake, filed);
            }
        }
    }
}
