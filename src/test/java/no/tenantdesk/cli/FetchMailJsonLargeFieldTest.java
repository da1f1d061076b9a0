package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Maildir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch-mail --json is valid JSON whatever a tenant put in a field: here a Subject past Jackson's 20 MB default. */
class FetchMailJsonLargeFieldTest {

    @TempDir
    Path folder;

    @Test
    void aSubjectOver20MegabytesComesOutWholeAsValidJson() throws IOException {
        StringBuilder subject = new StringBuilder(21_000_000);
        while (subject.length() < 21_000_000) {
            subject.append("Lekkasje ");
        }
        // Folded into header lines of 900 characters, as a mail program would fold a long one.
        StringBuilder folded = new StringBuilder("Subject: ");
        for (int i = 0; i < subject.length(); i += 900) {
            folded.append(i == 0 ? "" : "\r\n ").append(subject, i, Math.min(subject.length(), i + 900));
        }
        new Maildir(folder.resolve("Maildir")).deliver("From: Kari <kari@example.no>\r\n" + folded
                + "\r\nMessage-ID: <stor@example.no>\r\n\r\nStor.\r\n");

        CommandResult result = new Cli(folder).run("fetch-mail", "--source", "maildir:" + folder.resolve("Maildir"),
                "--json");

        assertThat(result).succeeded();
        ObjectMapper unlimited = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build());
        JsonNode json = unlimited.readTree(result.out());
        assertThat(json.get("created").asInt()).isEqualTo(1);
        assertThat(json.get("messages").get(0).get("subject").asText().length()).isGreaterThan(20_000_000);
    }
}
