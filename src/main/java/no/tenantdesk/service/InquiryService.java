package no.tenantdesk.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.Comment;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.InquiryDetails;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.LocationFrom;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.SearchHit;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.Task;
import no.tenantdesk.store.AttachmentMapper;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.EventMapper;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.LocationRow;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.MergeMapper;
import no.tenantdesk.store.OutboxMapper;
import no.tenantdesk.store.TaskMapper;
import no.tenantdesk.store.Tx;

/** Inquiries: creating, finding, changing and closing them, each use case one transaction. */
public final class InquiryService {

    /** Said for --assignee, --location or --tenant, clears the field. */
    public static final String NONE = "none";

    /**
     * How many matching inquiries a ranking by relevance weighs, the newest first (more when --limit asks for more).
     * Scoring a hit costs a read of its length: every hit of a common word ("lekkasje": 55,000 on a million
     * inquiries) took 150 ms, these about 5 ms (scripts/bench). Among inquiries that old, the newest are the ones a
     * property manager is after; SearchCommand's help says so, and the note under a cut list.
     */
    public static final int RANKED = 1_000;

    /**
     * A word typed is looked up in the index's word list and asked for word by word when it begins at most this many
     * words: a short prefix begins hundreds, which FTS5 merges faster than it would read a long OR.
     */
    private static final int MOST_WORDS = 16;

    /** A shorter prefix begins so many words, with so many hits, that listing them costs more than it saves. */
    private static final int SHORTEST_LISTED = 3;

    private final Database database;
    private final Clock clock;
    private final Deadlines deadlines;

    public InquiryService(Database database, Clock clock, Deadlines deadlines) {
        this.database = database;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    public record NewInquiry(
            String title,
            String description,
            String tenant,
            String location,
            Priority priority,
            String assignee,
            Source source,
            List<Path> attachments) {}

    /** Null fields stay as they are. */
    public record Changes(
            String title, String description, String tenant, String location, Priority priority, String assignee) {

        boolean isEmpty() {
            return title == null && description == null && tenant == null && location == null && priority == null
                    && assignee == null;
        }
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

    public record StatusChange(Inquiry inquiry, Status from, boolean changed) {}

    public Inquiry create(NewInquiry request, String actor) {
        String title = requireTitle(request.title());
        List<FileInput> files = FileInput.readAll(request.attachments());
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            ContactRow requester = request.tenant() == null ? null : requester(tx, lookup, request.tenant(), recorder);
            Long locationId = request.location() != null ? Long.valueOf(lookup.location(request.location()).id())
                    : requester != null ? requester.locationId() // a tenant's inquiry is about their premises
                    : null;
            LocationFrom locationFrom = request.location() != null ? LocationFrom.OPERATOR
                    : locationId != null ? LocationFrom.REQUESTER : null;
            ContactRow assignee = request.assignee() == null ? null : lookup.assignable(request.assignee());
            Source source = request.source() == null ? Source.PHONE : request.source();
            Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
            long id = tx.mapper(InquiryMapper.class).insert(new InquiryMapper.NewInquiry(
                    title,
                    request.description() == null ? "" : request.description().strip(),
                    Status.TODO,
                    priority,
                    source,
                    requester == null ? null : requester.id(),
                    locationId,
                    locationFrom,
                    locationFrom == LocationFrom.REQUESTER ? requester.name() : null,
                    assignee == null ? null : assignee.id(),
                    recorder.now(),
                    deadlines.respondBy(priority, recorder.now()),
                    deadlines.resolveBy(priority, recorder.now())));
            recorder.event(id, null, "created", null, source.cli()); // who took the call: the audit starts here
            recorder.attach(id, null, null, files);
            return lookup.inquiry(id).toInquiry(recorder.now());
        });
    }

    /** The tenant asking: a known contact, or a new tenant when an unknown e-mail address is given. */
    private static ContactRow requester(Tx tx, Lookup lookup, String who, Recorder recorder) {
        Optional<ContactRow> known = lookup.findContact(who);
        if (known.isPresent()) {
            return known.get();
        }
        if (!who.contains("@")) {
            throw Lookup.noSuchContact(who);
        }
        String email = Lookup.Keys.email(who);
        String name = email.substring(0, email.indexOf('@'));
        long id = tx.mapper(ContactMapper.class).insert(new ContactMapper.NewContact(
                name, Lookup.Keys.name(name), email, email, null, ContactRole.TENANT, null,
                new Organizations(tx).ownerOf(email), recorder.now()));
        return tx.mapper(ContactMapper.class).byId(id);
    }

    public Inquiry update(long id, Changes changes, String actor) {
        if (changes.isEmpty()) {
            throw new InvalidInputException(
                    "nothing to change: give --title, --description, --tenant, --location, --priority or --assignee");
        }
        String title = changes.title() == null ? null : requireTitle(changes.title());
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            InquiryRow row = lookup.inquiryForChange(id);
            Inquiry before = row.toInquiry(recorder.now());

            String newTitle = title == null ? before.title() : title;
            String description = changes.description() == null ? before.description() : changes.description().strip();
            Priority priority = changes.priority() == null ? before.priority() : changes.priority();
            ContactRef requester = changes.tenant() == null ? before.requester()
                    : isNone(changes.tenant()) ? null : requester(tx, lookup, changes.tenant(), recorder).toRef();
            LocationRef location = changes.location() == null ? before.location()
                    : isNone(changes.location()) ? null : toRef(lookup.location(changes.location()));
            ContactRef assignee = changes.assignee() == null ? before.assignee()
                    : isNone(changes.assignee()) ? null : lookup.assignable(changes.assignee()).toRef();

            boolean changed = recorder.event(id, null, "title", before.title(), newTitle);
            changed |= recorder.event(id, null, "description", before.description(), description);
            changed |= recorder.event(id, null, "priority", before.priority().cli(), priority.cli());
            changed |= recorder.event(id, null, "requester", label(before.requester()), label(requester));
            changed |= recorder.event(id, null, "location", path(before.location()), path(location));
            changed |= recorder.event(id, null, "assignee", label(before.assignee()), label(assignee));
            boolean moved = changes.location() != null && !java.util.Objects.equals(path(before.location()),
                    path(location));
            if (changed) {
                // An operator's choice of place wins, and says so; a location left as it was keeps its origin.
                tx.mapper(InquiryMapper.class).update(new InquiryMapper.Fields(id, newTitle, description,
                        row.status(), priority, idOf(requester), location == null ? null : location.id(),
                        moved ? LocationFrom.OPERATOR : row.locationFrom(),
                        moved ? null : row.locationMatched(), idOf(assignee), recorder.now(), row.closedAt()));
            }
            if (priority != before.priority()) {
                deadlines.repriced(tx, id);
            }
            return lookup.inquiry(id).toInquiry(recorder.now());
        });
    }

    public StatusChange changeStatus(long id, Status status, String note, String actor) {
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            InquiryRow row = lookup.inquiryForChange(id);
            if (note != null && !note.isBlank()) {
                tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(
                        id, CommentKind.INTERNAL, actor, note.strip(), recorder.now()));
                recorder.touch(id);
            }
            if (row.status() == status) {
                return new StatusChange(lookup.inquiry(id).toInquiry(recorder.now()), row.status(), false);
            }
            moveStatus(tx, recorder, row, status, deadlines);
            return new StatusChange(lookup.inquiry(id).toInquiry(recorder.now()), row.status(), true);
        });
    }

    /**
     * The one way an inquiry's status moves: with its event and its deadlines; done stamps the closing time, any other
     * clears it.
     */
    static void moveStatus(Tx tx, Recorder recorder, InquiryRow row, Status status, Deadlines deadlines) {
        recorder.event(row.id(), null, "status", row.status().cli(), status.cli());
        InquiryMapper.Fields fields = row.fields();
        tx.mapper(InquiryMapper.class).update(new InquiryMapper.Fields(row.id(), fields.title(), fields.description(),
                status, fields.priority(), fields.requesterId(), fields.locationId(), fields.locationFrom(),
                fields.locationMatched(), fields.assigneeId(), recorder.now(),
                status == Status.DONE ? recorder.now() : null));
        deadlines.statusMoved(tx, row.id(), row.status(), status, recorder.now());
    }

    /** An internal comment: kept with the inquiry, never sent to anyone. */
    public Comment comment(long id, String body, List<Path> attachments, String actor) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("the comment is empty");
        }
        List<FileInput> files = FileInput.readAll(attachments);
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            lookup.inquiry(id);
            long commentId = tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(
                    id, CommentKind.INTERNAL, actor, body.strip(), recorder.now()));
            List<Attachment> stored = recorder.attach(id, commentId, null, files);
            recorder.touch(id);
            return new Comment(commentId, null, CommentKind.INTERNAL, actor, body.strip(), recorder.now(), stored);
        });
    }

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
        List<String> words = query.search() == null ? null : searchWords(query.search());
        if (words != null && words.isEmpty()) {
            return new Page(List.of(), 0, 0);
        }
        Instant now = clock.instant();
        return database.read(tx -> {
            List<InquiryMapper.SearchTerm> searchTerms = words == null ? null : searchTerms(tx, words);
            Lookup lookup = new Lookup(tx);
            boolean unassigned = query.assignee() != null && isNone(query.assignee());
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
        List<String> words = searchWords(text);
        if (words.isEmpty()) {
            return new SearchPage(List.of(), 0, 0);
        }
        return database.read(tx -> {
            List<InquiryMapper.SearchTerm> searchTerms = searchTerms(tx, words);
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

    /**
     * The words of a search as the user typed them. The store matches each one as the beginning of a word and
     * never reads them as query syntax, so any text is a valid search. A "word" without a letter or digit ("*",
     * "(") can match nothing, and would leave every search it is part of empty: it is left out.
     */
    static List<String> searchWords(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the search text is empty");
        }
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(word -> word.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
    }

    /**
     * The words typed, each with the words of the index that begin with it, so that the store asks for those and
     * not for a prefix (InquiryMapper.xml, searchTerm). Listing them is only a way to ask faster: a word that is not
     * listed (short, beginning too many, or none at all) is asked for as a prefix and finds the same inquiries.
     */
    private static List<InquiryMapper.SearchTerm> searchTerms(Tx tx, List<String> words) {
        InquiryMapper inquiries = tx.mapper(InquiryMapper.class);
        return words.stream().map(word -> {
            String folded = indexFolded(word);
            if (folded == null || folded.length() < SHORTEST_LISTED) {
                return InquiryMapper.SearchTerm.prefix(word);
            }
            List<String> listed = inquiries.wordsBeginning(folded, MOST_WORDS + 1);
            return listed.size() > MOST_WORDS ? InquiryMapper.SearchTerm.prefix(word)
                    : new InquiryMapper.SearchTerm(word, listed);
        }).toList();
    }

    /**
     * The word as the index's tokenizer (unicode61, V002) keeps it: one token, lower case. Only for words whose
     * every letter is one Java and the tokenizer fold alike, beyond doubt: ASCII letters and digits and the letters
     * of Latin-1 (æ, ø, å, é, ü…); null for any other, which is then asked for as typed.
     */
    static String indexFolded(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int c : word.codePoints().toArray()) {
            boolean ascii = c < 0x80 && Character.isLetterOrDigit(c);
            boolean latin1 = c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7; // × and ÷ are not letters
            if (!ascii && !latin1) {
                return null;
            }
            folded.appendCodePoint(Character.toLowerCase(c));
        }
        return folded.toString();
    }

    static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("an inquiry needs a title");
        }
        return title.strip().replaceAll("\\s+", " ");
    }

    private static boolean isNone(String value) {
        return value.strip().equalsIgnoreCase(NONE);
    }

    private static Long idOf(ContactRef ref) {
        return ref == null ? null : ref.id();
    }

    private static String label(ContactRef ref) {
        return ref == null ? null : ref.name();
    }

    private static String path(LocationRef ref) {
        return ref == null ? null : ref.path();
    }

    private static LocationRef toRef(LocationRow row) {
        return new LocationRef(row.id(), row.path());
    }
}
