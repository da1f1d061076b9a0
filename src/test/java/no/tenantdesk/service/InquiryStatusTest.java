package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.tenantdesk.sla.SlaPolicy;
import no.tenantdesk.domain.Event;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.Status;
import no.tenantdesk.store.Database;
import no.tenantdesk.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an inquiry's status moves, in the service that owns the rule (the CLI tests keep the command's contract). */
class InquiryStatusTest {

    static final Deadlines DEADLINES = new Deadlines(SlaPolicy.defaults());

    static final Instant CREATED = Instant.parse("2026-11-28T08:00:00Z");

    @TempDir
    Path folder;

    Database database;

    @AfterEach
    void close() {
        database.close();
    }

    @BeforeEach
    void open() {
        database = TestDatabase.open(folder);
    }

    InquiryService at(Instant now) {
        return new InquiryService(database, Clock.fixed(now, ZoneOffset.UTC), DEADLINES);
    }

    long newInquiry() {
        return at(CREATED).create(new InquiryService.NewInquiry("Lekkasje i taket", null, null, null, null, null,
                null, List.of()), "lise").id();
    }

    @Test
    void doneStampsTheClosingTimeAndReopeningClearsIt() {
        long id = newInquiry();
        Instant closed = CREATED.plus(Duration.ofHours(3));

        InquiryService.StatusChange done = at(closed).changeStatus(id, Status.DONE, null, "lise");
        assertThat(done.changed()).isTrue();
        assertThat(done.from()).isEqualTo(Status.TODO);
        assertThat(done.inquiry().closedAt()).isEqualTo(closed);

        Inquiry reopened = at(closed.plus(Duration.ofDays(1))).changeStatus(id, Status.IN_PROGRESS, null, "ola")
                .inquiry();
        assertThat(reopened.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void everyMoveIsRecordedWithWhoMadeItAndTheSameStatusAgainIsNoMove() {
        long id = newInquiry();
        at(CREATED.plusSeconds(60)).changeStatus(id, Status.IN_PROGRESS, null, "lise");

        InquiryService.StatusChange again = at(CREATED.plusSeconds(120)).changeStatus(id, Status.IN_PROGRESS, null,
                "ola");

        assertThat(again.changed()).isFalse();
        assertThat(again.inquiry().updatedAt()).isEqualTo(CREATED.plusSeconds(60));
        InquiryQueries queries = new InquiryQueries(database, Clock.fixed(CREATED, ZoneOffset.UTC), DEADLINES);
        assertThat(queries.show(id).events()).filteredOn(e -> e.field().equals("status"))
                .extracting(Event::actor, Event::from, Event::to, Event::createdAt)
                .containsExactly(tuple("lise", "todo", "in-progress", CREATED.plusSeconds(60)));
    }
}
