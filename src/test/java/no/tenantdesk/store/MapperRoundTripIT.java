package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.Event;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.domain.TenantdeskException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mapper writes to a real SQLite file and reads back what it wrote, in the columns' documented formats. */
class MapperRoundTripIT {

    /** Nanoseconds that must not survive: the store keeps milliseconds. */
    private static final Instant CREATED = Instant.parse("2026-11-27T07:01:50.123456789Z");
    private static final Instant CREATED_MILLIS = Instant.parse("2026-11-27T07:01:50.123Z");

    @TempDir
    Path folder;

    Path file;
    Database database;

    @BeforeEach
    void open() {
        file = folder.resolve("tenantdesk.db");
        database = Database.open(file, Duration.ofSeconds(5));
    }

    @Test
    void inquiryRoundTripsWithCliSpelledEnumsAndMillisecondInstants() throws SQLException {
        long id = database.write(tx -> tx.mapper(InquiryMapper.class).insert(new InquiryMapper.NewInquiry(
                "Lekkasje", "Vann i taket", Status.IN_PROGRESS, Priority.URGENT, Source.WALK_IN, null, null, null, null, null,
                CREATED, null, null)));

        InquiryRow row = database.read(tx -> tx.mapper(InquiryMapper.class).byId(id));

        assertThat(row.title()).isEqualTo("Lekkasje");
        assertThat(row.description()).isEqualTo("Vann i taket");
        assertThat(row.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(row.priority()).isEqualTo(Priority.URGENT);
        assertThat(row.source()).isEqualTo(Source.WALK_IN);
        assertThat(row.createdAt()).isEqualTo(CREATED_MILLIS);
        assertThat(row.updatedAt()).isEqualTo(CREATED_MILLIS);
        assertThat(row.closedAt()).isNull();
        assertThat(raw("SELECT status || ' ' || priority || ' ' || source || ' ' || created_at FROM inquiry"))
                .isEqualTo("in-progress urgent walk-in 2026-11-27T07:01:50.123Z");
    }

    @Test
    void instantsAreFixedWidthTextSoThatTextOrderIsTimeOrder() throws SQLException {
        Instant wholeSecond = Instant.parse("2026-01-02T03:04:05Z");
        long id = insertInquiry(null, null, null, wholeSecond);

        assertThat(raw("SELECT created_at FROM inquiry WHERE id = " + id)).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(database.read(tx -> tx.mapper(InquiryMapper.class).byId(id)).createdAt()).isEqualTo(wholeSecond);
    }

    @Test
    void inquiryReferencesAreNullableAndJoinTheirNames() {
        long unlinked = insertInquiry(null, null, null, CREATED);
        long staff = insertContact("Per Vaktmester", "per@example.no", ContactRole.STAFF, null);
        long location = insertLocation(null, "Bygg A");
        long tenant = insertContact("Kari Nordmann", "kari@example.no", ContactRole.TENANT, location);
        long linked = insertInquiry(tenant, location, staff, CREATED);

        InquiryRow none = database.read(tx -> tx.mapper(InquiryMapper.class).byId(unlinked));
        InquiryRow all = database.read(tx -> tx.mapper(InquiryMapper.class).byId(linked));

        assertThat(none.requesterId()).isNull();
        assertThat(none.locationId()).isNull();
        assertThat(none.assigneeId()).isNull();
        assertThat(none.toInquiry(java.time.Instant.EPOCH).requester()).isNull();
        assertThat(all.requesterId()).isEqualTo(tenant);
        assertThat(all.requesterName()).isEqualTo("Kari Nordmann");
        assertThat(all.locationPath()).isEqualTo("Bygg A");
        assertThat(all.assigneeEmail()).isEqualTo("per@example.no");
    }

    @Test
    void updateWritesEveryFieldAndClosedAtReadsBack() {
        long id = insertInquiry(null, null, null, CREATED);
        Instant closed = Instant.parse("2026-12-01T10:00:00.456Z");

        database.write(tx -> {
            tx.mapper(InquiryMapper.class).update(new InquiryMapper.Fields(
                    id, "Ny tittel", "", Status.DONE, Priority.LOW, null, null, null, null, null, closed, closed));
            return null;
        });
        InquiryRow row = database.read(tx -> tx.mapper(InquiryMapper.class).byId(id));

        assertThat(row.title()).isEqualTo("Ny tittel");
        assertThat(row.status()).isEqualTo(Status.DONE);
        assertThat(row.priority()).isEqualTo(Priority.LOW);
        assertThat(row.updatedAt()).isEqualTo(closed);
        assertThat(row.closedAt()).isEqualTo(closed);
        assertThat(row.createdAt()).isEqualTo(CREATED_MILLIS);
    }

    @Test
    void contactRoundTripsAndIsFoundByItsKeys() {
        long location = insertLocation(null, "Bygg B");
        long id = insertContact("Øystein Ås", "Oystein@Example.no", ContactRole.CONTRACTOR, location);

        ContactRow byId = database.read(tx -> tx.mapper(ContactMapper.class).byId(id));
        ContactRow byEmail = database.read(tx -> tx.mapper(ContactMapper.class).byEmailKey("oystein@example.no"));
        List<ContactRow> byName = database.read(tx -> tx.mapper(ContactMapper.class).byNamePattern("%ås%"));
        List<ContactRow> tenants = database.read(tx -> tx.mapper(ContactMapper.class).list(ContactRole.TENANT));

        assertThat(byId.name()).isEqualTo("Øystein Ås");
        assertThat(byId.email()).isEqualTo("Oystein@Example.no");
        assertThat(byId.role()).isEqualTo(ContactRole.CONTRACTOR);
        assertThat(byId.locationPath()).isEqualTo("Bygg B");
        assertThat(byId.createdAt()).isEqualTo(CREATED_MILLIS);
        assertThat(byEmail.id()).isEqualTo(id);
        assertThat(byName).extracting(ContactRow::id).containsExactly(id);
        assertThat(tenants).isEmpty();
    }

    @Test
    void keysAreLookedUpByTheHundredWhateverCharactersTheyHold() {
        // The keys go to SQLite as one JSON array (JsonArrayTypeHandler): quotes, backslashes, control characters
        // and letters beyond ASCII must arrive as they are.
        List<String> keys = List.of("1700000000.M1P2.host", "quote\"d", "back\\slash", "tab\tand\u0001", "æøå@ø.no",
                "[\"not\", \"json\"]");
        long location = insertLocation(null, "Bygg C");
        long contact = insertContact("Åse Øy", "ÆØÅ@Ø.no", ContactRole.TENANT, location);
        database.write(tx -> {
            for (String key : keys) {
                tx.mapper(MailMapper.class).record(MailMapper.NewMail.incoming(
                        new MailMapper.Header(null, "sha256:" + key, null, null, "", null), "inbox", key,
                        MailMapper.RawRef.notKept(0), new MailMapper.Result(null, null, null, null, null), CREATED));
            }
            return null;
        });
        List<String> asked = new ArrayList<>(keys);
        asked.add("unknown");
        asked.add("quote");

        List<String> known = database.read(tx -> tx.mapper(MailMapper.class).knownSourceKeys("inbox", asked));
        List<ContactMapper.Sender> senders = database.read(tx -> tx.mapper(ContactMapper.class)
                .senders(List.of("æøå@ø.no", "\"æøå@ø.no\"", "nobody@example.no")));

        assertThat(known).containsExactlyInAnyOrderElementsOf(keys);
        List<String> elsewhere = database.read(tx -> tx.mapper(MailMapper.class).knownSourceKeys("other", asked));
        assertThat(elsewhere).isEmpty();
        assertThat(senders).containsExactly(new ContactMapper.Sender("æøå@ø.no", contact, "Åse Øy", location, null));
    }

    @Test
    void locationTreeRoundTripsWithResponsibleAndOpenInquiryCount() {
        long building = insertLocation(null, "Bygg A");
        long room = database.write(tx -> tx.mapper(LocationMapper.class).insert(new LocationMapper.NewLocation(
                building, "Bygg A/Kontor 204", "bygg a/kontor 204", null, CREATED)));
        long staff = insertContact("Per", "per@example.no", ContactRole.STAFF, null);
        insertInquiry(null, room, null, CREATED);
        database.write(tx -> {
            tx.mapper(LocationMapper.class).setResponsible(room, staff);
            return null;
        });

        LocationRow row = database.read(tx -> tx.mapper(LocationMapper.class).byId(room));
        List<LocationRow> all = database.read(tx -> tx.mapper(LocationMapper.class).all());

        assertThat(row.parentId()).isEqualTo(building);
        assertThat(row.responsibleName()).isEqualTo("Per");
        assertThat(row.openInquiries()).isEqualTo(1);
        assertThat(row.createdAt()).isEqualTo(CREATED_MILLIS);
        assertThat(all).extracting(LocationRow::path).containsExactly("Bygg A", "Bygg A/Kontor 204");
        assertThat(all.get(0).parentId()).isNull();
    }

    @Test
    void taskRoundTripsWithDueDateAndProgress() throws SQLException {
        long inquiry = insertInquiry(null, null, null, CREATED);
        long task = database.write(tx -> tx.mapper(TaskMapper.class).insert(new TaskMapper.NewTask(inquiry,
                TaskKind.DEVIATION, "Bytt pakning", "", Status.TODO, Priority.HIGH, null,
                LocalDate.of(2026, 12, 1), "operator", CREATED)));
        long undated = database.write(tx -> tx.mapper(TaskMapper.class).insert(new TaskMapper.NewTask(inquiry,
                TaskKind.TASK, "Sjekk", "", Status.TODO, Priority.NORMAL, null, null, "operator", CREATED)));
        Instant done = Instant.parse("2026-12-02T08:00:00.001Z");
        database.write(tx -> {
            tx.mapper(TaskMapper.class).updateProgress(
                    new TaskMapper.Progress(task, Status.IN_PROGRESS, "Halvveis", done, null));
            return null;
        });

        TaskRow row = database.read(tx -> tx.mapper(TaskMapper.class).byId(task));
        List<TaskRow> found = database.read(tx -> tx.mapper(TaskMapper.class)
                .find(new TaskMapper.Filter(inquiry, null, List.of(Status.IN_PROGRESS), null)));

        assertThat(row.kind()).isEqualTo(TaskKind.DEVIATION);
        assertThat(row.due()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(row.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(row.completionNote()).isEqualTo("Halvveis");
        assertThat(row.updatedAt()).isEqualTo(done);
        assertThat(row.closedAt()).isNull();
        assertThat(row.assigneeId()).isNull();
        assertThat(database.read(tx -> tx.mapper(TaskMapper.class).byId(undated)).due()).isNull();
        assertThat(found).extracting(TaskRow::id).containsExactly(task);
        assertThat(raw("SELECT due || ' ' || kind || ' ' || status FROM task WHERE id = " + task))
                .isEqualTo("2026-12-01 deviation in-progress");
    }

    @Test
    void commentRoundTripsInTimeOrder() {
        long inquiry = insertInquiry(null, null, null, CREATED);
        database.write(tx -> {
            CommentMapper comments = tx.mapper(CommentMapper.class);
            comments.insert(new CommentMapper.NewComment(inquiry, CommentKind.REPLY, "ola", "Svar", CREATED.plusSeconds(60)));
            comments.insert(new CommentMapper.NewComment(inquiry, CommentKind.INTERNAL, "kari", "Notat", CREATED));
            return null;
        });

        List<CommentMapper.CommentRow> rows = database.read(tx -> tx.mapper(CommentMapper.class).byInquiry(inquiry));

        assertThat(rows).extracting(CommentMapper.CommentRow::body).containsExactly("Notat", "Svar");
        assertThat(rows.get(0).kind()).isEqualTo(CommentKind.INTERNAL);
        assertThat(rows.get(0).createdAt()).isEqualTo(CREATED_MILLIS);
        assertThat(rows.get(1).kind()).isEqualTo(CommentKind.REPLY);
    }

    @Test
    void eventRoundTripsWithNullableOldAndNewValues() {
        long inquiry = insertInquiry(null, null, null, CREATED);
        database.write(tx -> {
            tx.mapper(EventMapper.class).insert(
                    new EventMapper.NewEvent(inquiry, null, "kari", "assignee", null, "Per", CREATED));
            return null;
        });

        List<Event> events = database.read(tx -> tx.mapper(EventMapper.class).byInquiry(inquiry));

        assertThat(events).hasSize(1);
        Event event = events.get(0);
        assertThat(event.taskId()).isNull();
        assertThat(event.actor()).isEqualTo("kari");
        assertThat(event.field()).isEqualTo("assignee");
        assertThat(event.from()).isNull();
        assertThat(event.to()).isEqualTo("Per");
        assertThat(event.createdAt()).isEqualTo(CREATED_MILLIS);
    }

    @Test
    void sameBytesAreStoredOnceWhateverTheNumberOfAttachments() throws SQLException {
        long inquiry = insertInquiry(null, null, null, CREATED);
        byte[] data = "bilde av lekkasjen".getBytes(StandardCharsets.UTF_8);
        String sha = "0f".repeat(32);

        List<Attachment> stored = database.write(tx -> {
            AttachmentMapper attachments = tx.mapper(AttachmentMapper.class);
            new Blobs(tx).put(sha, data);
            long first = attachments.insert(new AttachmentMapper.NewAttachment(
                    inquiry, null, null, sha, "a.jpg", "image/jpeg", data.length, "kari", CREATED));
            new Blobs(tx).put(sha, data);
            long second = attachments.insert(new AttachmentMapper.NewAttachment(
                    inquiry, null, null, sha, "b.jpg", "image/jpeg", data.length, "ola", CREATED));
            return List.of(attachments.byId(first), attachments.byId(second));
        });

        assertThat(raw("SELECT count(*) FROM blob")).isEqualTo("1");
        assertThat(stored).extracting(Attachment::filename).containsExactly("a.jpg", "b.jpg");
        assertThat(stored.get(0).sha256()).isEqualTo(sha);
        assertThat(stored.get(0).size()).isEqualTo(data.length);
        assertThat(stored.get(0).commentId()).isNull();
        assertThat(stored.get(0).createdAt()).isEqualTo(CREATED_MILLIS);
        List<Attachment> listed = database.read(tx -> tx.mapper(AttachmentMapper.class).byInquiry(inquiry));
        byte[] read = database.read(tx -> {
            try (InputStream in = new Blobs(tx).open(sha)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(listed).hasSize(2);
        assertThat(read).isEqualTo(data);
    }

    @Test
    void anInquiryNamingAContactThatDoesNotExistIsRefused() throws SQLException {
        assertThatThrownBy(() -> insertInquiry(999L, null, null, CREATED))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("FOREIGN KEY");
        assertThat(raw("SELECT count(*) FROM inquiry")).isEqualTo("0");
    }

    @Test
    void anAttachmentWithoutItsBlobIsRefused() {
        long inquiry = insertInquiry(null, null, null, CREATED);

        assertThatThrownBy(() -> database.write(tx -> tx.mapper(AttachmentMapper.class).insert(
                new AttachmentMapper.NewAttachment(inquiry, null, null, "ab".repeat(32), "x.pdf", "application/pdf",
                        1, "kari", CREATED))))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void aFailureLaterInAWriteRollsBackWhatCameBefore() throws SQLException {
        assertThatThrownBy(() -> database.write(tx -> {
            insertContactIn(tx, "Kari", "kari@example.no", ContactRole.TENANT, null);
            return tx.mapper(InquiryMapper.class).insert(new InquiryMapper.NewInquiry(
                    "T", "", Status.TODO, Priority.NORMAL, Source.PHONE, 4242L, null, null, null, null, CREATED, null, null));
        })).isInstanceOf(TenantdeskException.class);

        assertThat(raw("SELECT count(*) FROM contact")).isEqualTo("0");
    }

    @Test
    void aMapperIsReadOnFirstUseEvenWhenItsSqlIncludesAnotherMappersThatNoOneHasUsedYet() {
        // A fresh open has read no mapper XML; byTaskFilter includes TaskMapper's filter.
        Database fresh = Database.open(file, Duration.ofSeconds(5));

        List<Attachment> attachments = fresh.read(tx -> tx.mapper(AttachmentMapper.class)
                .byTaskFilter(new TaskMapper.Filter(null, null, List.of(Status.TODO), null)));

        assertThat(attachments).isEmpty();
    }

    private long insertInquiry(Long requester, Long location, Long assignee, Instant createdAt) {
        return database.write(tx -> tx.mapper(InquiryMapper.class).insert(new InquiryMapper.NewInquiry(
                "Inquiry", "", Status.TODO, Priority.NORMAL, Source.PHONE, requester, location, null, null, assignee, createdAt, null, null)));
    }

    private long insertContact(String name, String email, ContactRole role, Long location) {
        return database.write(tx -> insertContactIn(tx, name, email, role, location));
    }

    private static long insertContactIn(Tx tx, String name, String email, ContactRole role, Long location) {
        return tx.mapper(ContactMapper.class).insert(new ContactMapper.NewContact(name, name.toLowerCase(), email,
                email == null ? null : email.toLowerCase(), null, role, location, null, CREATED));
    }

    private long insertLocation(Long parent, String path) {
        return database.write(tx -> tx.mapper(LocationMapper.class).insert(
                new LocationMapper.NewLocation(parent, path, path.toLowerCase(), null, CREATED)));
    }

    /** What is really in the file, read past MyBatis and its type handlers. */
    private String raw(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
