package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InquiryShowCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    String id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        cli.create("contact", "add", "--name", "Rør AS", "--email", "post@ror.no", "--role", "contractor");
        id = String.valueOf(cli.create("inquiry", "create", "--title", "Lekkasje", "--attach",
                cli.file("tak.jpg", "photo").toString()));
        cli.run("comment", id, "-m", "Ringte", "--attach", cli.file("notat.pdf", "pdf").toString());
        cli.run("task", "create", id, "--title", "Tett", "--assignee", "Rør AS");
        cli.run("status", id, "in-progress");
    }

    @Test
    void jsonHasTheInquiryWithCommentsTasksAttachmentsAndEventsUnderTheirContractNames() {
        JsonNode inquiry = cli.run("inquiry", "show", id, "--json").json();

        assertThat(inquiry.fieldNames()).toIterable().contains("id", "title", "status", "priority", "source",
                "requester", "location", "assignee", "createdAt", "updatedAt", "closedAt", "comments", "tasks",
                "attachments", "events");
        assertThat(inquiry.get("comments").get(0).fieldNames()).toIterable()
                .contains("id", "kind", "author", "body", "createdAt", "attachments");
        assertThat(inquiry.get("attachments").get(0).fieldNames()).toIterable()
                .contains("id", "filename", "contentType", "size", "sha256");
        assertThat(inquiry.get("tasks").get(0).get("title").asText()).isEqualTo("Tett");
        assertThat(inquiry.get("attachments")).extracting(a -> a.get("filename").asText())
                .containsExactly("tak.jpg", "notat.pdf");
        assertThat(inquiry.get("events")).extracting(e -> e.get("field").asText())
                .containsExactly("created", "task", "status");
        assertThat(inquiry.get("createdAt").asText()).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(inquiry.get("status").asText()).isEqualTo("in-progress");
    }

    @Test
    void forPeopleItShowsFieldsTasksFilesAndATimeline() {
        CommandResult result = cli.run("inquiry", "show", id);

        assertThat(result).succeeded().stderrIsEmpty().printed("Inquiry " + id + ": Lekkasje",
                "Status    in-progress", "Tasks", "#1 task [todo] Tett → Rør AS", "Attachments", "tak.jpg",
                "notat.pdf", "comment #1", "Timeline", "operator: internal comment [notat.pdf]", "Ringte",
                "status: todo → in-progress");
    }

    @Test
    void unknownInquiryIsNotFound() {
        assertThat(cli.run("inquiry", "show", "99")).failedWith(3, "inquiry 99 not found");
    }
}
