package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.Event;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows a batch holds back ({@link WriteBehind}) are there for whatever the transaction runs next, in the order
 * they came; they wait only behind the inserts that ignore them, and a held row that cannot be written fails its
 * transaction, leaving nothing of it. On SQLite and on PostgreSQL.
 */
class WriteBehindIT {

    private static final Instant NOW = Instant.parse("2026-12-06T22:00:00Z");

    @TempDir
    Path folder;

    private Database open(String kind) {
        return kind.equals("postgresql")
                ? Database.open(Postgres.server(Postgres.cluster().newDatabase()), Duration.ofSeconds(5))
                : Database.open(folder.resolve("tenantdesk.db"), Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void heldRowsAreThereForTheNextStatementInTheirOrder(String kind) {
        try (Database database = open(kind)) {
            List<String> fields = database.write(tx -> {
                tx.writeBehind();
                long inquiry = newInquiry(tx);
                tx.behind().event(event(inquiry, "created"));
                tx.behind().event(event(inquiry, "priority"));
                // The insert that ignores them leaves them held; a read does not.
                newInquiry(tx);
                assertThat(tx.behind().isEmpty()).isFalse();
                return tx.mapper(EventMapper.class).byInquiry(inquiry).stream().map(Event::field).toList();
            });

            assertThat(fields).containsExactly("created", "priority");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theSameContentHeldTwiceIsStoredOnceAndItsMailsRecordedAtCommit(String kind) {
        byte[] raw = "From: kari@example.no\n\nLekkasje\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = "ab".repeat(32);
        try (Database database = open(kind)) {
            database.write(tx -> {
                tx.writeBehind();
                long inquiry = newInquiry(tx);
                for (String key : List.of("a", "b")) {
                    assertThat(tx.behind().blob(sha256, raw)).isTrue();
                    tx.behind().mail(mail(key, sha256, raw.length, inquiry));
                }
                assertThat(tx.behind().blob("cd".repeat(32), new byte[WriteBehind.MAX_BLOB_BYTES + 1]))
                        .as("too large to hold").isFalse();
                return null;
            });

            List<String> stored = database.read(tx -> tx.mapper(MailMapper.class).storedKeys(List.of("a", "b", "c")));
            assertThat(stored).containsExactlyInAnyOrder("a", "b");
            byte[] read = database.read(tx -> {
                try (var in = new Blobs(tx).open(sha256)) {
                    return in.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(read).isEqualTo(raw);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aHeldRowThatCannotBeWrittenFailsItsTransaction(String kind) {
        try (Database database = open(kind)) {
            assertThatThrownBy(() -> database.write(tx -> {
                tx.writeBehind();
                newInquiry(tx);
                tx.behind().event(event(999_999, "created")); // no such inquiry
                return null;
            })).isInstanceOf(RuntimeException.class);

            // All of them, counted as inquiry list --status all counts them (on PostgreSQL, from the tally).
            long inquiries = database.read(tx -> tx.mapper(InquiryMapper.class).count(new InquiryMapper.Filter(
                    List.of(), null, false, null, null, null, null, null, "id", false, 50, 1000, null)));
            assertThat(inquiries).isZero();
        }
    }

    /**
     * Where the database hands out ids ahead (PostgreSQL), a batch's new contacts and inquiries are held under ids
     * reserved for them, as many as it expects in one go and one at a time after: they are there, searchable, for
     * the next statement, and the numbers have no gaps. On SQLite each is inserted at once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void newContactsAndInquiriesAreHeldUnderIdsReservedForThemWithoutGaps(String kind) {
        try (Database database = open(kind)) {
            long before = database.write(WriteBehindIT::newInquiry);
            List<Long> ids = database.write(tx -> {
                tx.writeBehind();
                tx.behind().expect(1, 2);
                long kari = NewRows.contact(tx, new ContactMapper.NewContact("Kari", "kari", "kari@example.no",
                        "kari@example.no", null, ContactRole.TENANT, null, null, NOW));
                List<Long> made = new java.util.ArrayList<>();
                for (String title : List.of("Lekkasje på badet", "Lekkasje i taket", "Lekkasje under vasken")) {
                    long id = NewRows.inquiry(tx, new InquiryMapper.NewInquiry(title, "", Status.TODO,
                            Priority.NORMAL, Source.EMAIL, kari, null, null, null, null, NOW, null, null));
                    tx.behind().event(event(id, "created"));
                    made.add(id);
                }
                assertThat(tx.mapper(InquiryMapper.class).byId(made.get(2)).title())
                        .isEqualTo("Lekkasje under vasken");
                assertThat(tx.mapper(ContactMapper.class).byEmailKey("kari@example.no").name()).isEqualTo("Kari");
                return made;
            });
            long after = database.write(WriteBehindIT::newInquiry);

            assertThat(ids).containsExactly(before + 1, before + 2, before + 3);
            assertThat(after).isEqualTo(before + 4);
            long found = database.read(tx -> tx.mapper(InquiryMapper.class).count(new InquiryMapper.Filter(
                    List.of(Status.TODO, Status.IN_PROGRESS), null, false, null, null, null, null,
                    List.of(new InquiryMapper.SearchTerm("vasken", List.of())), "relevance", false, 50, 1000,
                    null)));
            assertThat(found).isEqualTo(1);
        }
    }

    private static long newInquiry(Tx tx) {
        long contact = tx.mapper(ContactMapper.class).insert(new ContactMapper.NewContact("Kari", "kari",
                "kari" + System.nanoTime() + "@example.no", "kari" + System.nanoTime() + "@example.no", null,
                ContactRole.TENANT, null, null, NOW));
        return tx.mapper(InquiryMapper.class).insert(new InquiryMapper.NewInquiry("Lekkasje", "Det drypper",
                Status.TODO, Priority.NORMAL, Source.EMAIL, contact, null, null, null, null, NOW, null, null));
    }

    private static EventMapper.NewEvent event(long inquiry, String field) {
        return new EventMapper.NewEvent(inquiry, null, "kari@example.no", field, null, "x", NOW);
    }

    private static MailMapper.NewMail mail(String key, String sha256, long size, long inquiry) {
        return MailMapper.NewMail.incoming(new MailMapper.Header(null, key, "kari@example.no", "kari@example.no",
                "Lekkasje", NOW), "inbox", key, new MailMapper.RawRef(sha256, size, false),
                new MailMapper.Result(MailOutcome.CREATED, null, null, inquiry, null), NOW);
    }
}
