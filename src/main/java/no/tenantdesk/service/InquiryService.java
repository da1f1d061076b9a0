package no.tenantdesk.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.Comment;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.LocationFrom;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.LocationRow;
import no.tenantdesk.store.Tx;

/** Inquiries: creating, changing and closing them, each use case one transaction (reading them: InquiryQueries). */
public final class InquiryService {

    /** Said for --assignee, --location or --tenant, clears the field. */
    public static final String NONE = "none";

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
        // A new tenant gets the address as typed: "ola@" or "@x.no" would make a contact no mail can reach.
        String email = Lookup.Keys.email(ContactService.email(who));
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

    static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("an inquiry needs a title");
        }
        return title.strip().replaceAll("\\s+", " ");
    }

    static boolean isNone(String value) {
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
