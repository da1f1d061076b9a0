package no.tenantdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.OrganizationRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.service.FilingDecision.Answer;
import no.tenantdesk.service.FilingDecision.Bounce;
import no.tenantdesk.service.FilingDecision.Duplicate;
import no.tenantdesk.service.FilingDecision.NewInquiry;
import no.tenantdesk.service.FilingDecision.Skip;
import no.tenantdesk.store.Database;
import no.tenantdesk.triage.Rules;
import no.tenantdesk.triage.Triage;

/**
 * `rules test`: what fetch-mail would make of one message, with which rules matched and what each set, in a read of
 * the database that changes nothing. The same decision fetch-mail takes ({@link FilingRules}), not a copy of it.
 */
public final class RuleService {

    private final Database database;
    private final MailSettings settings;
    private final Scratch scratch;

    public RuleService(Database database, MailSettings settings, Scratch scratch) {
        this.database = database;
        this.settings = settings;
        this.scratch = scratch;
    }

    /**
     * @param outcome      what fetch-mail would do: created, threaded, skipped, or unreadable
     * @param reason       why it would be skipped or is unreadable; for threaded, how it is matched
     * @param inquiryId    the inquiry it would join (threaded)
     * @param rules        the rules that match, in order (checking stops after one with stop: true)
     * @param organization the sender's organization
     * @param location     the place it would get
     */
    public record Verdict(String outcome, String reason, Long inquiryId, List<String> rules,
            OrganizationRef organization, MessageResult.Place location, Priority priority, String priorityBy,
            Rules.Person assignee, String assigneeBy, List<Rules.TaskPlan> tasks, boolean threadBySubject) {}

    public Verdict test(InputStream message, Instant now) {
        try (TemporaryFolder folder = scratch.folder("rules-")) {
            Path file = folder.path().resolve("message.eml");
            try {
                Files.copy(message, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the message: " + e.getMessage(), e);
            }
            try (Intake intake = new MailReader(settings, folder.path()).read(RawMessage.spooled(null, file))) {
                if (intake instanceof Intake.Unreadable unreadable) {
                    throw new InvalidInputException("not a message fetch-mail can read: " + unreadable.reason());
                }
                Intake.Parsed parsed = (Intake.Parsed) intake;
                return database.read(tx -> verdict(new FilingRules(StoredLookups.of(tx), settings.acknowledgement(),
                        now, TriageLoader.load(tx, settings.triaging()), settings.triaging().doneWords())
                        .decide(parsed, null)));
            }
        }
    }

    private static Verdict verdict(FilingDecision decision) {
        if (decision instanceof Duplicate) {
            return plain("skipped", "duplicate", null);
        }
        if (decision instanceof Bounce) {
            return plain("skipped", "bounce", null);
        }
        if (decision instanceof Skip skip) {
            return of("skipped", skip.reason().cli(), null, skip.triage());
        }
        if (decision instanceof Answer answer) {
            return of("threaded", answer.matchedBy().cli() + (answer.doneNote() != null ? ", task done" : ""),
                    answer.inquiryId(), answer.triage());
        }
        NewInquiry inquiry = (NewInquiry) decision;
        return of("created", null, null, inquiry.triage());
    }

    private static Verdict plain(String outcome, String reason, Long inquiryId) {
        return of(outcome, reason, inquiryId, Triage.Decision.NONE);
    }

    private static Verdict of(String outcome, String reason, Long inquiryId, Triage.Decision triage) {
        Rules.Outcome rules = triage.rules();
        Triage.Location location = triage.location();
        return new Verdict(outcome, reason, inquiryId, rules.matched(), triage.organization(),
                location == null ? null : new MessageResult.Place(location.path(), location.from(), location.matched()),
                rules.priority(), rules.priorityBy(), rules.assignee(), rules.assigneeBy(), rules.tasks(),
                rules.threadBySubject());
    }
}
