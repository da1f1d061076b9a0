package no.tenantdesk.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.OutboxMessage;
import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.out.Envelope;
import no.tenantdesk.mail.out.SendOutcome;
import no.tenantdesk.mail.out.SendRefusedException;
import no.tenantdesk.mail.out.SmtpSender;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.OutboxMapper;

/**
 * Sends what the outbox holds. A message is claimed in one transaction, sent outside any, and its outcome recorded
 * in another: the database is never locked while a mail server takes its time, and two senders (cron's `outbox
 * send` and a `reply` sending at once) never both take the same message.
 */
public final class OutboxService {

    /** How long a claim holds: a sender that dies mid-send leaves the message to the next one after this. */
    private static final Duration CLAIM = Duration.ofMinutes(10);
    /** Waits between attempts; after the last, the message is marked failed and the inquiry says so. */
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
            Duration.ofHours(12));

    private final Database database;
    private final Clock clock;
    private final SmtpSender transport;
    private final Scratch scratch;

    /** @param transport null when no mail server is configured: nothing can be sent, and sending says so */
    public OutboxService(Database database, Clock clock, SmtpSender transport, Scratch scratch) {
        this.database = database;
        this.scratch = scratch;
        this.clock = clock;
        this.transport = transport;
    }

    /** Where the messages composed for this server are written on their way. */
    Scratch scratch() {
        return scratch;
    }

    /** What one attempt did. {@code message} is as it stands after the attempt. */
    public record Attempt(OutboxMessage message, boolean sent, String error) {}

    public List<OutboxMessage> list(boolean all) {
        return database.read(tx -> tx.mapper(OutboxMapper.class).list(all));
    }

    public boolean canSend() {
        return transport != null;
    }

    /**
     * Tries every queued message whose time had come when it began, oldest first, each claimed before it is sent:
     * senders on other machines at the same time take other messages, never the same one.
     */
    public List<Attempt> sendDue() {
        requireTransport();
        Instant now = clock.instant();
        List<Attempt> attempts = new ArrayList<>();
        while (true) {
            Long id = database.write(tx -> tx.mapper(OutboxMapper.class).claimNext(now, now.plus(CLAIM)));
            if (id == null) {
                return attempts;
            }
            attempts.add(sendClaimed(id));
        }
    }

    /**
     * Tries every queued message at once, whatever its back-off (after the mail server was fixed), as {@code postqueue
     * -f} does: each once, oldest first, and none another sender is sending at this moment. A message that fails
     * again waits its next back-off as before.
     */
    public List<Attempt> sendAllNow() {
        requireTransport();
        Instant now = clock.instant();
        List<Long> queued = database.read(tx -> tx.mapper(OutboxMapper.class).queued());
        List<Attempt> attempts = new ArrayList<>();
        for (long id : queued) {
            boolean claimed = database.write(tx ->
                    tx.mapper(OutboxMapper.class).claimNow(id, now, now.plus(CLAIM)) == 1);
            if (claimed) {
                attempts.add(sendClaimed(id));
            }
        }
        return attempts;
    }

    /** The queued messages that wait for their back-off at {@code now}, soonest first. */
    public List<OutboxMessage> waiting() {
        Instant now = clock.instant();
        return list(false).stream()
                .filter(m -> m.state() == OutboxState.QUEUED && m.nextAttemptAt() != null
                        && m.nextAttemptAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(OutboxMessage::nextAttemptAt))
                .toList();
    }

    /** Tries one message now; null when it is not due or another sender has it. */
    public Attempt send(long id) {
        requireTransport();
        Instant now = clock.instant();
        boolean claimed = database.write(tx -> tx.mapper(OutboxMapper.class).claim(id, now, now.plus(CLAIM)) == 1);
        return claimed ? sendClaimed(id) : null;
    }

    /** Sends a message this sender has claimed, and records what became of it. */
    private Attempt sendClaimed(long id) {
        OutboxMapper.Envelope envelope = database.read(tx -> tx.mapper(OutboxMapper.class).envelope(id));
        // Out of the database into a file first, a piece at a time: a notice with photos can be tens of MB, and the
        // sender reads the message from the file as it sends it.
        try (TemporaryFolder folder = scratch.folder("send-")) {
            Path raw = folder.path().resolve("message.eml");
            database.read(tx -> {
                try {
                    return new Blobs(tx).copy(envelope.rawSha256(), raw);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the message to send to " + raw, e);
                }
            });
            transport.send(new Envelope(envelope.sender(), List.of(envelope.recipient())), raw);
        } catch (SendRefusedException e) {
            // Refused for this message: it will never go through. A setting (login, certificate) is another
            // matter: the message is fine, and waits until someone fixes the setting.
            return failed(id, e.getMessage(), e.outcome() == SendOutcome.REFUSED);
        } catch (TenantdeskException e) { // not sent, or not known to be: the same bytes again later
            return failed(id, e.getMessage(), false);
        }
        return database.write(tx -> {
            tx.mapper(OutboxMapper.class).sent(id, clock.instant());
            return new Attempt(tx.mapper(OutboxMapper.class).byId(id), true, null);
        });
    }

    /**
     * Refused for good, or tried too often: marked failed, and a system comment tells the operator that the tenant
     * did not get it. Otherwise tried again later; when the outcome is unknown (the connection broke after the
     * message was handed over) the retry sends the same bytes with the same Message-ID, so at worst the tenant gets
     * it twice, threaded as one.
     */
    private Attempt failed(long id, String error, boolean permanent) {
        return database.write(tx -> {
            OutboxMapper outbox = tx.mapper(OutboxMapper.class);
            OutboxMessage message = outbox.byId(id);
            Instant now = clock.instant();
            if (permanent || message.attempts() > BACKOFF.size()) {
                outbox.failed(id, error);
                if (message.inquiryId() != null) { // a digest has no inquiry: `outbox list` shows it failed
                    Recorder recorder = new Recorder(tx, "tenantdesk", now);
                    tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(message.inquiryId(),
                            CommentKind.SYSTEM, "tenantdesk", "The " + message.kind().cli() + " to "
                            + message.recipient() + " was not sent: " + error, recorder.now()));
                    recorder.touch(message.inquiryId());
                }
            } else {
                outbox.retry(id, now.plus(BACKOFF.get(message.attempts() - 1)), error);
            }
            return new Attempt(outbox.byId(id), false, error);
        });
    }

    private void requireTransport() {
        if (transport == null) {
            throw noServer();
        }
    }

    static InvalidInputException noServer() {
        return new InvalidInputException("no mail server to send through: set mail: from and mail: smtp: url in the"
                + " config file, or TENANTDESK_SMTP_URL and TENANTDESK_MAIL_FROM");
    }
}
