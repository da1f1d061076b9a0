package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.sla.SlaPolicy;
import no.tenantdesk.domain.Comment;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.OutboxMessage;
import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.mail.out.SmtpSender;
import no.tenantdesk.mail.out.SmtpSettings;
import no.tenantdesk.store.Database;
import no.tenantdesk.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply the mail server cannot take waits longer after each attempt, and after the last the operator is told that
 * the tenant did not get it. The server here is a port nobody listens on: every attempt fails as a down server does.
 */
class OutboxBackoffTest {

    static final Deadlines DEADLINES = new Deadlines(SlaPolicy.defaults());

    static final Instant REPLIED = Instant.parse("2026-11-28T08:00:00Z");
    static final SmtpSender NOBODY_LISTENS = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:1", null)
            .withTimeout(Duration.ofSeconds(5)));

    @TempDir
    Path folder;

    Database database;
    long inquiry;

    @AfterEach
    void close() {
        database.close();
    }

    @BeforeEach
    void aReplyThatCouldNotBeSent() {
        database = TestDatabase.open(folder);
        inquiry = new InquiryService(database, at(REPLIED), DEADLINES).create(new InquiryService.NewInquiry(
                "Heisen står", null,
                "kari@tenant.example", null, null, null, null, List.of()), "lise").id();
        ReplyService replies = new ReplyService(database, at(REPLIED),
                new OutgoingMail.Address("Drift", "drift@eiendom.example"), outbox(REPLIED), DEADLINES);
        replies.reply(inquiry, "Vi sender en tekniker i morgen.", List.of(), null, "lise");
    }

    static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    OutboxService outbox(Instant now) {
        return new OutboxService(database, at(now), NOBODY_LISTENS, new Scratch(folder.resolve("scratch"), null));
    }

    @Test
    void eachAttemptWaitsLongerAndNothingIsTriedBeforeItsTime() {
        List<Duration> waits = new ArrayList<>();
        Instant now = REPLIED;
        OutboxMessage message = outbox(now).list(true).get(0);
        while (message.state() == OutboxState.QUEUED) {
            assertThat(outbox(message.nextAttemptAt().minusSeconds(1)).sendDue()).as("not due yet").isEmpty();
            waits.add(Duration.between(now, message.nextAttemptAt()));
            now = message.nextAttemptAt();
            message = outbox(now).sendDue().get(0).message();
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12));
        assertThat(message.state()).isEqualTo(OutboxState.FAILED);
        assertThat(message.attempts()).isEqualTo(8);
        assertThat(message.lastError()).contains("127.0.0.1:1");
    }

    @Test
    void afterTheLastAttemptTheInquirySaysTheTenantDidNotGetIt() {
        Instant now = REPLIED;
        for (OutboxMessage message = outbox(now).list(true).get(0); message.state() == OutboxState.QUEUED;) {
            now = message.nextAttemptAt();
            message = outbox(now).sendDue().get(0).message();
        }

        Instant gaveUp = now;
        List<Comment> system = new InquiryQueries(database, at(now), DEADLINES).show(inquiry).comments().stream()
                .filter(c -> c.kind() == CommentKind.SYSTEM).toList();
        assertThat(system).singleElement().satisfies(comment -> {
            assertThat(comment.body()).startsWith("The reply to kari@tenant.example was not sent: ");
            assertThat(comment.createdAt()).isEqualTo(gaveUp);
        });
        assertThat(outbox(now.plus(Duration.ofDays(30))).sendDue()).as("given up for good").isEmpty();
    }

    @Test
    void sendingNowTriesAWaitingMessageAtOnceAndItWaitsItsNextBackOffAfter() {
        Instant fixed = REPLIED.plusSeconds(10); // the first wait is a minute
        assertThat(outbox(fixed).sendDue()).as("waiting").isEmpty();
        assertThat(outbox(fixed).waiting()).singleElement()
                .satisfies(m -> assertThat(m.nextAttemptAt()).isEqualTo(REPLIED.plus(Duration.ofMinutes(1))));

        List<OutboxService.Attempt> attempts = outbox(fixed).sendAllNow();

        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.sent()).isFalse(); // nobody listens still
            assertThat(a.message().attempts()).isEqualTo(2);
            assertThat(a.message().nextAttemptAt()).isEqualTo(fixed.plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void sendingNowLeavesAMessageAnotherSenderIsSendingAtThisMoment() {
        Instant other = REPLIED.plus(Duration.ofMinutes(1));
        Long taken = database.write(tx -> tx.mapper(no.tenantdesk.store.OutboxMapper.class)
                .claimNext(other, other.plus(Duration.ofMinutes(10))));
        assertThat(taken).isNotNull();

        assertThat(outbox(other.plusSeconds(30)).sendAllNow()).isEmpty();
        assertThat(outbox(other.plus(Duration.ofMinutes(11))).sendAllNow()).as("its claim ran out").hasSize(1);
    }
}
