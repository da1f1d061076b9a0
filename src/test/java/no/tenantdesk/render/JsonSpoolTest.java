package no.tenantdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.MailOutcome;
import org.junit.jupiter.api.Test;

/** fetch-mail --json spools its messages to a file; what it prints must be what printing the whole list printed. */
class JsonSpoolTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path folder;

    /** Its fields of the kinds fetch-mail's messages have: an enum spelt as the CLI spells it, a time, a list. */
    record Message(String subject, long inquiryId, List<String> omitted, MailOutcome outcome, Instant at) {}

    @Test
    void aSpooledListPrintsExactlyAsTheListItselfWould() {
        List<Message> messages = List.of(
                new Message("Lekkasje i taket \u202e (høy)", 1, List.of(), MailOutcome.CREATED,
                        Instant.parse("2026-11-27T08:00:00.123Z")),
                new Message("Re: \"sitat\" og \\ skråstrek", 2, List.of("bilde.jpg", "plan.pdf"),
                        MailOutcome.THREADED, null),
                new Message("", Long.MAX_VALUE, List.of(), MailOutcome.SKIPPED, Instant.EPOCH));
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("created", 3L);
        head.put("skipped", Map.of("duplicate", 1L));
        head.put("sources", List.of(Map.of("name", "maildir:/var/mail")));
        Map<String, Object> whole = new LinkedHashMap<>(head);
        whole.put("messages", messages);
        Json json = new Json();
        StringWriter expected = new StringWriter();
        json.print(new PrintWriter(expected), whole);

        StringWriter spooled = new StringWriter();
        try (JsonSpool list = new JsonSpool(json, folder)) {
            messages.forEach(list::add);
            json.print(new PrintWriter(spooled), head, "messages", list);
        }

        assertThat(spooled.toString()).isEqualTo(expected.toString()).contains("\\u202e", "\"threaded\"",
                "\"2026-11-27T08:00:00.123Z\"");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anEmptySpoolPrintsAnEmptyList() {
        Json json = new Json();
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("created", 0L);
        whole.put("messages", List.of());
        StringWriter expected = new StringWriter();
        json.print(new PrintWriter(expected), whole);

        StringWriter spooled = new StringWriter();
        try (JsonSpool list = new JsonSpool(json, folder)) {
            json.print(new PrintWriter(spooled), Map.of("created", 0L), "messages", list);
        }

        assertThat(spooled.toString()).isEqualTo(expected.toString());
    }
}
