package no.tenantdesk.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.Task;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.store.AttachmentMapper;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.LocationMapper;
import no.tenantdesk.store.TaskMapper;
import no.tenantdesk.store.TaskRow;
import no.tenantdesk.store.Tx;

/** Tasks and deviation reports made from an inquiry, for the people who do the work. */
public final class TaskService {

    private final Database database;
    private final Clock clock;

    public TaskService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public record NewTask(
            long inquiryId, String title, String description, String assignee, LocalDate due, TaskKind kind,
            Priority priority) {}

    /** A null limit means all of them. */
    public record Query(Long inquiryId, String assignee, Status status, TaskKind kind, Integer limit) {

        public Query(Long inquiryId, String assignee, Status status, TaskKind kind) {
            this(inquiryId, assignee, status, kind, null);
        }
    }

    /** The tasks asked for, and how many match in all. */
    public record Page(List<Task> tasks, long total) {}

    public record StatusChange(Task task, Status from, boolean changed) {}

    /**
     * Without an assignee the task goes to whoever is responsible for the inquiry's location, or the nearest area
     * above it.
     */
    public Task create(NewTask request, String actor) {
        String title = requireTitle(request.title());
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            InquiryRow inquiry = lookup.inquiry(request.inquiryId());
            Long assigneeId = request.assignee() != null
                    ? Long.valueOf(lookup.assignable(request.assignee()).id())
                    : responsibleFor(tx, inquiry.locationId());
            TaskKind kind = request.kind() == null ? TaskKind.TASK : request.kind();
            long id = tx.mapper(TaskMapper.class).insert(new TaskMapper.NewTask(inquiry.id(), kind, title,
                    request.description() == null ? "" : request.description().strip(), Status.TODO,
                    request.priority() == null ? inquiry.priority() : request.priority(), assigneeId, request.due(),
                    actor, recorder.now()));
            recorder.event(inquiry.id(), id, kind.cli(), null, title);
            recorder.touch(inquiry.id());
            return load(tx, id);
        });
    }

    static Long responsibleFor(Tx tx, Long locationId) {
        Map<Long, LocationMapper.PathRow> locations = tx.mapper(LocationMapper.class).paths().stream()
                .collect(Collectors.toMap(LocationMapper.PathRow::id, l -> l));
        for (LocationMapper.PathRow at = locationId == null ? null : locations.get(locationId); at != null;
                at = at.parentId() == null ? null : locations.get(at.parentId())) {
            if (at.responsibleId() != null) {
                return at.responsibleId();
            }
        }
        return null;
    }

    public Page list(Query query) {
        if (query.limit() != null && query.limit() < 1) {
            throw new InvalidInputException("--limit must be at least 1");
        }
        return database.read(tx -> {
            Lookup lookup = new Lookup(tx);
            if (query.inquiryId() != null) {
                lookup.inquiry(query.inquiryId());
            }
            Long assigneeId = query.assignee() == null ? null : lookup.contact(query.assignee()).id();
            List<Status> statuses = query.status() == null ? null : List.of(query.status());
            TaskMapper.Filter filter =
                    new TaskMapper.Filter(query.inquiryId(), assigneeId, statuses, query.kind(), query.limit());
            Map<Long, List<Attachment>> files = tx.mapper(AttachmentMapper.class).byTaskFilter(filter).stream()
                    .collect(Collectors.groupingBy(Attachment::taskId));
            List<Task> tasks = tx.mapper(TaskMapper.class).find(filter).stream()
                    .map(row -> row.toTask(files.getOrDefault(row.id(), List.of())))
                    .toList();
            boolean whole = query.limit() == null || tasks.size() < query.limit();
            return new Page(tasks, whole ? tasks.size() : tx.mapper(TaskMapper.class).count(filter));
        });
    }

    public Task show(long id) {
        return database.read(tx -> load(tx, id));
    }

    /**
     * Moves a task; the note and files are the documentation of the work (a finished task's completion note) and
     * show on the inquiry too.
     */
    public StatusChange changeStatus(long id, Status status, String note, List<Path> attachments, String actor) {
        List<FileInput> files = FileInput.readAll(attachments);
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            TaskRow row = lookup.taskForChange(id);
            boolean changed = recorder.event(row.inquiryId(), id, "status", row.status().cli(), status.cli());
            String completionNote = note == null || note.isBlank() ? row.completionNote() : note.strip();
            if (changed || !files.isEmpty() || !Objects.equals(completionNote, row.completionNote())) {
                tx.mapper(TaskMapper.class).updateProgress(new TaskMapper.Progress(id, status, completionNote,
                        recorder.now(), status == Status.DONE
                                ? (row.status() == Status.DONE ? row.closedAt() : recorder.now())
                                : null));
                recorder.attach(row.inquiryId(), null, id, files);
                recorder.touch(row.inquiryId());
            }
            return new StatusChange(load(tx, id), row.status(), changed);
        });
    }

    private static Task load(Tx tx, long id) {
        TaskRow row = new Lookup(tx).task(id);
        return row.toTask(tx.mapper(AttachmentMapper.class).byTask(id));
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("a task needs a title");
        }
        return title.strip().replaceAll("\\s+", " ");
    }
}
