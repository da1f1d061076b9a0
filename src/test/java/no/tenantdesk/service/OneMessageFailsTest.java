package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.tenantdesk.domain.MailMessage;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.mail.in.Classifier;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.MailSources;
import no.tenantdesk.mail.in.MessageParser;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.testing.Maildir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever one message makes go wrong, in parsing or in filing (a stack overflow, memory run out, a bug), that
 * message is quarantined with its raw bytes and a one-line reason, and the run goes on: the mail before and after it
 * is filed and marked done.
 */
class OneMessageFailsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final MailSettings SETTINGS =
            new MailSettings(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, Set.of(), true, null);

    @TempDir
    Path folder;

    Database database;
    Maildir inbox;

    @BeforeEach
    void setUp() {
        database = Database.open(folder.resolve("tenantdesk.db"), Duration.ofSeconds(10));
        inbox = new Maildir(folder.resolve("Maildir"));
    }

    private Scratch scratch() {
        return new Scratch(folder.resolve("scratch"), null);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of((Supplier<Throwable>) StackOverflowError::new, "stack overflow: nested too deeply to follow"),
                Arguments.of((Supplier<Throwable>) () -> new OutOfMemoryError("Java heap space"),
                        "out of memory: too large to hold"),
                Arguments.of((Supplier<Throwable>) () -> new IllegalStateException("a parser's bug\nwith a second line"),
                        "a parser's bug"),
                Arguments.of((Supplier<Throwable>) () -> new NoClassDefFoundError("org/example/Gone"), "org/example/Gone"));
    }

    private static String message(int n, String text) {
        return "From: Tenant " + n + " <tenant" + n + "@example.no>\nTo: drift@eiendom.example\nSubject: Sak " + n
                + "\nMessage-ID: <m" + n + "@example.no>\n\n" + text + "\n";
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void aMessageWhoseParsingThrowsIsQuarantinedAndTheRunGoesOn(Supplier<Throwable> failure, String reason)
            throws IOException {
        inbox.deliver(message(1, "Lekkasje i taket."));
        inbox.deliver(message(2, "EXPLODE"));
        inbox.deliver(message(3, "Kaldt på kontoret."));
        MailReader.Parser exploding = raw -> {
            try {
                if (Files.readString(raw.file(), StandardCharsets.UTF_8).contains("EXPLODE")) {
                    throw sneaky(failure.get());
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return new MessageParser(SETTINGS.maxAttachmentSize(), folder).parse(raw);
        };
        FetchService fetching = new FetchService(database, Clock.fixed(NOW, ZoneOffset.UTC), SETTINGS, scratch(),
                MailSources::open, spool -> new MailReader(exploding, new Classifier(Set.of())));
        List<MessageResult> filed = new ArrayList<>();

        FetchService.Report report = fetching.fetch(List.of(new FetchService.Mailbox(
                "inbox", inbox.uri(), null, null, null, null)), false, new ByteArrayInputStream(new byte[0]),
                new FetchService.Listener() {
                    @Override
                    public void filed(MessageResult result) {
                        filed.add(result);
                    }
                });

        assertThat(report.sources().get(0).failure()).isNull();
        assertThat(filed).extracting(MessageResult::outcome)
                .containsExactly(MailOutcome.CREATED, MailOutcome.QUARANTINED, MailOutcome.CREATED);
        assertThat(filed.get(1).reason()).isEqualTo(reason);
        assertThat(inbox.files("new")).isEmpty(); // all three marked done: the quarantined one is stored too
        QuarantineService quarantine = new QuarantineService(database, Clock.fixed(NOW, ZoneOffset.UTC), SETTINGS, scratch());
        List<MailMessage> held = quarantine.list();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).reason()).isEqualTo(reason);
        // Its bytes were kept: with the parser that works, it is filed after all.
        assertThat(quarantine.retry(held.get(0).id()).outcome()).isEqualTo(MailOutcome.CREATED);
        assertThat(quarantine.list()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void aMessageWhoseFilingThrowsIsQuarantinedAndWhatItHadWrittenUndone(Supplier<Throwable> failure, String reason)
            throws IOException {
        Path rawFile = Files.writeString(folder.resolve("m.eml"), message(1, "Se vedlegget."));
        RawMessage raw = RawMessage.spooled("m.eml", rawFile);
        InboundMail parsed = new MessageParser(SETTINGS.maxAttachmentSize(), folder).parse(raw);
        // An attachment whose file fails as it is read: the inquiry is written by then, and must be undone.
        InboundMail hostile = new InboundMail(parsed.messageId(), parsed.inReplyTo(), parsed.references(),
                parsed.from(), parsed.to(), parsed.cc(), parsed.replyTo(), parsed.subject(), parsed.sentAt(),
                parsed.text(), List.of(new InboundMail.MailPart("bilde.jpg", "image/jpeg", failingPath(failure), 10,
                        "0".repeat(64), false, null)), List.of(), parsed.headers(), parsed.raw(), parsed.rawSize(),
                parsed.rawSha256(), parsed.rawBytes());
        Intake intake = new Intake.Parsed(raw, hostile, Optional.empty(), List.of());

        MailFiling.Filed filed = database.write(tx -> new MailFiling(tx, NOW, SETTINGS, StoredLookups.of(tx), scratch(),
                no.tenantdesk.triage.Triage.none())
                .fileOrQuarantine(intake, new Origin.Source("inbox", "m.eml")));

        assertThat(filed.outcome()).isEqualTo(MailOutcome.QUARANTINED);
        assertThat(filed.reason()).isEqualTo("cannot store: " + reason);
        InquiryRow inquiry = database.read(tx -> tx.mapper(InquiryMapper.class).byId(1));
        assertThat((Object) inquiry).isNull();
        assertThat(new QuarantineService(database, Clock.fixed(NOW, ZoneOffset.UTC), SETTINGS, scratch()).list())
                .singleElement().satisfies(message -> assertThat(message.subject()).isEqualTo("Sak 1"));
    }

    /** A path that throws at its first use, as a part read in a hostile moment would. */
    private static Path failingPath(Supplier<Throwable> failure) {
        return (Path) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] {Path.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "failing.jpg";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw failure.get();
                });
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable e) throws T {
        throw (T) e;
    }
}
