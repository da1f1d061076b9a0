package no.tenantdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.service.DigestPlan.Fate;
import no.tenantdesk.service.DigestPlan.Letter;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DigestMapper;
import no.tenantdesk.store.Tx;

/**
 * `digest`: the morning's messages (decided by {@link DigestPlan}), queued in the outbox with a record per recipient
 * and day in one transaction, then sent. Run twice on a day, the second run finds the record and sends nobody the
 * same digest again; two runs at once cannot both record it (the key is unique), so one of them fails whole.
 */
public final class DigestService {

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;
    private final Settings settings;
    private final Deadlines deadlines;
    private final OutgoingMail.Address from;
    private final OutboxService outbox;

    /** @param zone the office's: where "today" is */
    public DigestService(Database database, Clock clock, ZoneId zone, Settings settings, Deadlines deadlines,
            OutgoingMail.Address from, OutboxService outbox) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
        this.settings = settings;
        this.deadlines = deadlines;
        this.from = from;
        this.outbox = outbox;
    }

    /**
     * The config's digest: (config/DigestSettings, which checks them): who the operators are, and the words.
     *
     * @param operators addresses that get the inquiries late or due today
     */
    public record Settings(List<String> operators, String tasksSubject, String tasksTemplate, String operatorSubject,
            String operatorTemplate) {

        public Settings {
            operators = List.copyOf(operators);
        }
    }

    /**
     * One message and what became of it.
     *
     * @param outboxId null unless it was queued by this run
     * @param attempt  what sending it did; null when not tried (a dry run, another sender has it)
     */
    public record Message(String part, String fate, String name, String email, String subject, String body,
            List<Long> items, int late, Long outboxId, OutboxService.Attempt attempt) {

        static Message of(Letter letter, Long outboxId, OutboxService.Attempt attempt) {
            return new Message(letter.part().key, switch (letter.fate()) {
                case SEND -> "send";
                case ALREADY_SENT -> "already-sent";
                case NO_ADDRESS -> "no-address";
            }, letter.name(), letter.email(), letter.subject(), letter.text(), letter.items(), letter.late(),
                    outboxId, attempt);
        }

        public boolean sent() {
            return attempt != null && attempt.sent();
        }
    }

    /**
     * @param day       the office's date the digest is for
     * @param dueToNoOne the inquiries late or due today when no operators are configured to get them, else 0
     */
    public record Run(LocalDate day, boolean dryRun, List<Message> messages, int dueToNoOne) {}

    /**
     * @param dryRun what would be sent, with nothing stored (deadlines not yet counted are not counted either)
     * @param force  send again to those who had today's digest already
     */
    public Run run(boolean dryRun, boolean force) {
        Instant now = clock.instant();
        LocalDate day = now.atZone(zone).toLocalDate();
        if (dryRun) {
            Planned planned = database.read(tx -> plan(tx, now, day, force));
            return new Run(day, true, planned.letters().stream().map(l -> Message.of(l, null, null)).toList(),
                    planned.dueToNoOne());
        }
        requireServer();
        deadlines.sweep(database, now); // an inquiry from before deadlines were counted gets them first
        Queuing queuing = database.write(tx -> {
            List<Queued> all = new ArrayList<>();
            Planned planned = plan(tx, now, day, force);
            Outbox box = new Outbox(tx, now, from, outbox.scratch());
            DigestMapper digests = tx.mapper(DigestMapper.class);
            for (Letter letter : planned.letters()) {
                Long id = null;
                if (letter.fate() == Fate.SEND) {
                    OutgoingMail mail = new OutgoingMail(box.newDigestId(), from,
                            List.of(new OutgoingMail.Address(letter.part() == DigestPlan.Part.TASKS ? letter.name()
                                    : "", letter.email())), letter.subject(), letter.text(), null, List.of(),
                            OutgoingMail.Automatic.GENERATED, List.of());
                    id = box.queue(OutboxKind.DIGEST, null, null, null, mail);
                    digests.forget(letter.recipientKey(), day, letter.part().key);
                    digests.sent(new DigestMapper.Sent(letter.recipientKey(), day, letter.part().key, id, now));
                }
                all.add(new Queued(letter, id));
            }
            return new Queuing(all, planned.dueToNoOne());
        });
        List<Message> messages = new ArrayList<>();
        for (Queued q : queuing.queued()) {
            messages.add(Message.of(q.letter(), q.outboxId(), q.outboxId() == null ? null : outbox.send(q.outboxId())));
        }
        return new Run(day, false, messages, queuing.dueToNoOne());
    }

    private record Queued(Letter letter, Long outboxId) {}

    private record Queuing(List<Queued> queued, int dueToNoOne) {}

    /** @param dueToNoOne the inquiries due that no operator gets, as none is configured */
    private record Planned(List<Letter> letters, int dueToNoOne) {}

    private Planned plan(Tx tx, Instant now, LocalDate day, boolean force) {
        DigestMapper digests = tx.mapper(DigestMapper.class);
        Set<String> sent = new HashSet<>();
        for (DigestMapper.Sent s : digests.sentOn(day)) {
            sent.add(s.part() + " " + s.recipientKey());
        }
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<DigestMapper.DueInquiry> due = digests.dueBefore(endOfDay);
        return new Planned(DigestPlan.plan(digests.openTasks(), due, sent, force, settings, now, zone),
                settings.operators().isEmpty() ? due.size() : 0);
    }

    /** Fails as the command starts, before anything is queued, when there is no mail server to send through. */
    private void requireServer() {
        if (from == null || !outbox.canSend()) {
            throw OutboxService.noServer();
        }
    }
}
