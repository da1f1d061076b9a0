package no.tenantdesk.service;

import java.time.Clock;
import java.util.Optional;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Status;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.MergeMapper;

/**
 * Two inquiries about the same thing become one: the source's story (comments, tasks, files, mail both ways,
 * events) moves to the target, the source stays, done, as a pointer, so that its number, its mail's Message-IDs and
 * "[#ID]" in a subject lead to the target from now on.
 */
public final class MergeService {

    private final Database database;
    private final Clock clock;
    private final Deadlines deadlines;

    public MergeService(Database database, Clock clock, Deadlines deadlines) {
        this.database = database;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /** Why a merge cannot be done, or empty when it can: a pure decision on what is stored. */
    static Optional<String> refusal(long source, long target, Long sourceMergedInto, Long targetMergedInto) {
        if (source == target) {
            return Optional.of("cannot merge inquiry " + source + " into itself");
        }
        if (sourceMergedInto != null) {
            return Optional.of("inquiry " + source + " was merged into " + sourceMergedInto + " already");
        }
        if (targetMergedInto != null) {
            return Optional.of("inquiry " + target + " was merged into " + targetMergedInto + "; merge into "
                    + targetMergedInto + " instead");
        }
        return Optional.empty();
    }

    /** @return the target as it is after the merge */
    public Inquiry merge(long sourceId, long targetId, String actor) {
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            MergeMapper merges = tx.mapper(MergeMapper.class);
            // Both taken for a change, the lower id first, so that two merges of the same pair cannot deadlock.
            InquiryRow first = lookup.inquiryForChange(Math.min(sourceId, targetId));
            InquiryRow second = lookup.inquiryForChange(Math.max(sourceId, targetId));
            InquiryRow source = first.id() == sourceId ? first : second;
            refusal(sourceId, targetId, merges.mergedInto(sourceId), merges.mergedInto(targetId)).ifPresent(why -> {
                throw new InvalidInputException(why);
            });
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            move(merges, sourceId, targetId);
            tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(targetId, CommentKind.SYSTEM, actor,
                    story(source), recorder.now()));
            if (source.status() != Status.DONE) {
                InquiryService.moveStatus(tx, recorder, source, Status.DONE, deadlines); // its deadlines end
            }
            recorder.event(sourceId, null, "merged-into", null, "#" + targetId);
            recorder.event(targetId, null, "merged-from", null, "#" + sourceId);
            merges.markMerged(sourceId, targetId);
            merges.repoint(sourceId, targetId);
            recorder.touch(sourceId);
            recorder.touch(targetId);
            return lookup.inquiry(targetId).toInquiry(recorder.now());
        });
    }

    private static void move(MergeMapper merges, long from, long to) {
        merges.moveComments(from, to);
        merges.moveTasks(from, to);
        merges.moveAttachments(from, to);
        merges.moveMails(from, to);
        merges.moveOutbox(from, to);
        merges.moveEvents(from, to);
    }

    /** What the source said of itself, kept on the target: its title and the tenant's first words. */
    private static String story(InquiryRow source) {
        String said = "Merged from #" + source.id() + ": " + source.title();
        return source.description().isBlank() ? said : said + "\n\n" + source.description();
    }
}
