package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contractor closes their task by answering its notice: "Utført", the note, the photos. */
class DoneByMailTest {

    @TempDir
    Path folder;

    Cli cli;

    int sent;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        cli.run("contact", "add", "--name", "Kari", "--email", "kari@leietaker.example");
        cli.run("contact", "add", "--name", "Rørlegger Hansen", "--email", "post@rorlegger.example", "--role",
                "contractor");
        cli.create("inquiry", "create", "--title", "Lekkasje i taket", "--tenant", "Kari");
        assertThat(cli.run("task", "create", "1", "--title", "Tett lekkasjen", "--assignee", "Rørlegger Hansen"))
                .succeeded();
    }

    private void answer(String from, String text) {
        String mail = String.join("\r\n",
                "From: " + from,
                "To: drift@eiendom.example",
                "Subject: SV: [task #1] Tett lekkasjen",
                "Message-ID: <svar-" + sent++ + "@rorlegger.example>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"x\"",
                "",
                "--x",
                "Content-Type: text/plain; charset=utf-8",
                "",
                text,
                "--x",
                "Content-Type: image/jpeg; name=\"etter.jpg\"",
                "Content-Disposition: attachment; filename=\"etter.jpg\"",
                "Content-Transfer-Encoding: base64",
                "",
                "/9j/4AAQSkZJRgABAQAAAQABAAD/2Q==",
                "--x--",
                "");
        assertThat(cli.runWithInput(mail, "fetch-mail", "--source", "-")).succeeded();
    }

    private JsonNode task() {
        return cli.run("task", "show", "1", "--json").json();
    }

    @Test
    void theAssigneesDoneClosesTheTaskWithTheirNoteAndPhotos() {
        answer("Rørlegger Hansen <post@rorlegger.example>",
                "Utført.\r\nSkiftet pakning på taksluket.\r\n\r\nMvh\r\nHansen\r\n\r\n> Tett lekkasjen");

        JsonNode task = task();
        assertThat(task.get("status").asText()).isEqualTo("done");
        assertThat(task.get("completionNote").asText()).isEqualTo("Skiftet pakning på taksluket.");
        assertThat(task.get("attachments")).anyMatch(a -> a.get("filename").asText().equals("etter.jpg"));
        JsonNode inquiry = cli.run("inquiry", "show", "1", "--json").json();
        assertThat(inquiry.get("status").asText()).isEqualTo("in-progress");
        JsonNode last = inquiry.get("comments").get(inquiry.get("comments").size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("system");
        assertThat(last.get("body").asText()).contains("marked task #1 (Tett lekkasjen) done by e-mail",
                "Skiftet pakning");
    }

    @Test
    void notDoneIsOnlyAComment() {
        answer("Rørlegger Hansen <post@rorlegger.example>", "Ikke utført: mangler deler, kommer mandag.");

        assertThat(task().get("status").asText()).isEqualTo("todo");
        JsonNode inquiry = cli.run("inquiry", "show", "1", "--json").json();
        assertThat(inquiry.get("status").asText()).isEqualTo("todo");
        assertThat(inquiry.get("comments").get(0).get("kind").asText()).isEqualTo("incoming");
    }

    @Test
    void doneFromAnyoneButTheAssigneeIsOnlyAComment() {
        answer("Kari <kari@leietaker.example>", "Ferdig! Takk.");

        assertThat(task().get("status").asText()).isEqualTo("todo");
    }

    @Test
    void theConfigsDoneWordsReplaceTheDefaults() throws Exception {
        cli.env("TENANTDESK_CONFIG", Files.writeString(folder.resolve("tenantdesk.yaml"),
                "mail:\n  done-words: [klart]\n").toString());

        answer("Rørlegger Hansen <post@rorlegger.example>", "Utført");
        assertThat(task().get("status").asText()).isEqualTo("todo");

        answer("Rørlegger Hansen <post@rorlegger.example>", "Klart - ny pakning");
        assertThat(task().get("status").asText()).isEqualTo("done");
        assertThat(task().get("completionNote").asText()).isEqualTo("ny pakning");
    }
}
