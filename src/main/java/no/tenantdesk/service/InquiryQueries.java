package no.tenantdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.Comment;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.InquiryDetails;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.SearchHit;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.Task;
import no.tenantdesk.store.AttachmentMapper;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.EventMapper;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.MergeMapper;
import no.tenantdesk.store.OutboxMapper;
import no.tenantdesk.store.TaskMapper;

/** Inquiries read: one in full, a filtered and sorted page of them, a search; none of these changes one. */
public final class InquiryQueries {

    /**
     * How many matching inquiries a ranking by relevance weighs, the newest first (more when --limit asks for more).
     * Scoring a hit costs a read of its length: every hit of a common word ("lekkasje": 55,000 on a million
     * inquiries) took 150 ms, these about 5 ms (scripts/bench). Among inquiries that old, the newest are the ones a
     * property manager is after; SearchCommand's help says so, and the note under a cut list.
     */
    public static final int RANKED = 1_000;

    private final Database database;
    private final Clock clock;
    private final Deadlines deadlines;

    public InquiryQueries(Database database, Clock clock, Deadlines deadlines) {
        this.database = database;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    public enum StatusFilter {
        TODO, IN_PROGRESS, DONE, OPEN, ALL;

        List<Status> statuses() {
            return switch (this) {
                case TODO -> List.of(Status.TODO);
                case IN_PROGRESS -> List.of(Status.IN_PROGRESS);
                case DONE -> List.of(Status.DONE);
                case OPEN -> List.of(Status.TODO, Status.IN_PROGRESS);
                case ALL -> List.of();
            };
        }
    }

    public enum Sort {
        PRIORITY, DUE, CREATED, UPDATED, ID, TITLE, STATUS
    }

    /**
     * {@code sort} null: by relevance when searching, else by priority. {@code overdue}: only those past a deadline.
     */
    public record Query(
            StatusFilter status,
            boolean overdue,
            String assignee,
            String tenant,
            String organization,
            String location,
            Priority priority,
            String search,
            Sort sort,
            boolean descending,
            int limit) {}

    /**
     * {@code ranked}: by relevance, how many of the matching inquiries, the newest, the ranking weighed (when fewer
     * than {@code total}, an older one may match better and is not shown); otherwise 0.
     */
    public record Page(List<Inquiry> inquiries, long total, long ranked) {}

    /** {@code ranked}: as in {@link Page}. */
    public record SearchPage(List<SearchHit> hits, long total, long ranked) {}
    public InquiryDetails show(long id) {
        return database.read(tx -> {
            Inquiry inquiry = new Lookup(tx).inquiry(id).toInquiry(clock.instant());
            List<Attachment> attachments = tx.mapper(AttachmentMapper.class).byInquiry(id);
            Map<Long, List<Attachment>> byComment = attachments.stream()
                    .filter(a -> a.commentId() != null)
                    .collect(Collectors.groupingBy(Attachment::commentId));
            Map<Long, List<Attachment>> byTask = attachments.stream()
                    .filter(a -> a.taskId() != null)
                    .collect(Collectors.groupingBy(Attachment::taskId));
            List<Comment> comments = tx.mapper(CommentMapper.class).byInquiry(id).stream()
                    .map(c -> new Comment(c.id(), c.taskId(), c.kind(), c.author(), c.body(), c.createdAt(),
                            byComment.getOrDefault(c.id(), List.of())))
                    .toList();
            List<Task> tasks = tx.mapper(TaskMapper.class).find(new TaskMapper.Filter(id, null, null, null)).stream()
                    .map(t -> t.toTask(byTask.getOrDefault(t.id(), List.of())))
                    .sorted(Comparator.comparingLong(Task::id))
                    .toList();
            return new InquiryDetails(inquiry, comments, tasks, attachments,
                    tx.mapper(EventMapper.class).byInquiry(id), tx.mapper(MailMapper.class).byInquiry(id),
                    tx.mapper(OutboxMapper.class).byInquiry(id), tx.mapper(MergeMapper.class).mergedInto(id));
        });
    }

    /**
     * Records the deadlines passed since the last sweep, as events (and counts those of inquiries made before there
     * were deadlines). Run by every list and every fetch-mail: a deadline's event is at most one cron interval late,
     * and exact for anyone who looks.
     */
    public int sweepDeadlines() {
        return deadlines.sweep(database, clock.instant());
    }

    public Page list(Query query) {
        if (query.limit() < 1) {
            throw new InvalidInputException("--limit must be at least 1");
        }
        sweepDeadlines();
        List<String> words = query.search() == null ? null : InquirySearch.words(query.search());
        if (words != null && words.isEmpty()) {
            return new Page(List.of(), 0, 0);
        }
        Instant now = clock.instant();
        return database.read(tx -> {
            List<InquiryMapper.SearchTerm> searchTerms = words == null ? null : InquirySearch.terms(tx, words);
            Lookup lookup = new Lookup(tx);
            boolean unassigned = query.assignee() != null && InquiryService.isNone(query.assignee());
            Long assigneeId = query.assignee() == null || unassigned ? null : lookup.contact(query.assignee()).id();
            Long requesterId = query.tenant() == null ? null : lookup.contact(query.tenant()).id();
            Long organizationId = query.organization() == null ? null
                    : new Organizations(tx).find(query.organization()).id();
            List<Long> locationIds =
                    query.location() == null ? null : lookup.subtree(lookup.location(query.location()));
            String sort = query.sort() != null ? query.sort().name().toLowerCase(java.util.Locale.ROOT)
                    : searchTerms != null ? "relevance" : "priority";
            int ranked = ranked(query.limit());
            InquiryMapper.Filter filter = new InquiryMapper.Filter(query.status().statuses(), assigneeId, unassigned,
                    requesterId, organizationId, locationIds, query.priority(), searchTerms, sort, query.descending(),
                    query.limit(), ranked, query.overdue() ? now : null);
            Found found = find(tx.mapper(InquiryMapper.class), filter, now);
            long total = found.total();
            return new Page(found.page(), total, sort.equals("relevance") ? Math.min(ranked, total) : 0);
        });
    }

    /** A page of inquiries, and how many the filter finds in all. */
    private record Found(List<Inquiry> page, long total) {}

    private static Found find(InquiryMapper inquiries, InquiryMapper.Filter filter, Instant now) {
        if (!filter.sort().equals("relevance")) {
            List<Inquiry> page = inquiries.find(filter).stream().map(row -> row.toInquiry(now)).toList();
            return new Found(page, page.size() < filter.limit() ? page.size() : inquiries.count(filter));
        }
        // The page's ids, best first, mostly with the count: the pass that ranks the hits counts them too, where
        // counting apart would read them all again.
        List<InquiryMapper.Ranked> ranking = inquiries.rank(filter);
        if (ranking.isEmpty()) {
            return new Found(List.of(), 0);
        }
        Map<Long, InquiryRow> rows = inquiries.byIds(ranking.stream().map(InquiryMapper.Ranked::id).toList())
                .stream().collect(Collectors.toMap(InquiryRow::id, row -> row));
        List<Inquiry> page = ranking.stream().map(r -> rows.get(r.id()).toInquiry(now)).toList();
        Long counted = ranking.get(0).total();
        long total = page.size() < filter.limit() ? page.size() : counted != null ? counted : inquiries.count(filter);
        return new Found(page, total);
    }

    /** The newest inquiries a ranking weighs: enough to fill the page, whatever --limit says. */
    private static int ranked(int limit) {
        return Math.max(RANKED, limit);
    }

    /** The inquiries that mention the text, best first, each with the place it matched best. */
    public SearchPage search(String text, StatusFilter status, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("--limit must be at least 1");
        }
        List<String> words = InquirySearch.words(text);
        if (words.isEmpty()) {
            return new SearchPage(List.of(), 0, 0);
        }
        return database.read(tx -> {
            List<InquiryMapper.SearchTerm> searchTerms = InquirySearch.terms(tx, words);
            InquiryMapper.Filter filter = new InquiryMapper.Filter(status.statuses(), null, false, null, null, null,
                    null, searchTerms, "relevance", false, limit, ranked(limit), null);
            InquiryMapper inquiries = tx.mapper(InquiryMapper.class);
            Found found = find(inquiries, filter, clock.instant());
            List<Inquiry> page = found.page();
            if (page.isEmpty()) {
                return new SearchPage(List.of(), 0, 0);
            }
            Map<Long, InquiryMapper.MatchRow> matches = inquiries.matches(searchTerms,
                    page.stream().map(Inquiry::id).toList()).stream()
                    .collect(Collectors.toMap(InquiryMapper.MatchRow::inquiryId, m -> m));
            List<SearchHit> hits = page.stream().map(i -> {
                InquiryMapper.MatchRow match = matches.get(i.id());
                return new SearchHit(i, new SearchHit.Match(match.field(), match.snippet()));
            }).toList();
            return new SearchPage(hits, found.total(), Math.min(filter.ranked(), found.total()));
        });
    }
}
