package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two inquiries about the same leak become one. */
class InquiryMergeCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        cli.run("contact", "add", "--name", "Kari", "--email", "kari@leietaker.example");
        cli.run("contact", "add", "--name", "Rør AS", "--email", "post@ror.example", "--role", "contractor");
        cli.create("inquiry", "create", "--title", "Lekkasje i taket", "--tenant", "Kari");
        assertThat(cli.runWithInput(mail("<andre@leietaker.example>", "Vann i taket igjen", null,
                "Det drypper over pulten min."), "fetch-mail", "--source", "-")).succeeded();
        cli.run("comment", "2", "-m", "Ringte vaktmesteren", "--attach", cli.file("bilde.jpg", "jpeg").toString());
        cli.run("task", "create", "2", "--title", "Tett taket", "--assignee", "Rør AS");
    }

    private static String mail(String messageId, String subject, String inReplyTo, String text) {
        return String.join("\r\n",
                "From: Kari <kari@leietaker.example>",
                "To: drift@eiendom.example",
                "Subject: " + subject,
                "Message-ID: " + messageId,
                inReplyTo == null ? "X-Nothing: here" : "In-Reply-To: " + inReplyTo,
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "",
                text,
                "");
    }

    private JsonNode show(String id) {
        return cli.run("inquiry", "show", id, "--json").json();
    }

    @Test
    void theSourcesStoryMovesToTheTargetAndTheSourceIsDonePointingThere() {
        assertThat(cli.run("inquiry", "merge", "2", "--into", "1")).succeeded()
                .printed("Merged inquiry 2 into 1: Lekkasje i taket");

        JsonNode target = show("1");
        assertThat(target.get("comments")).extracting(c -> c.get("body").asText())
                .contains("Ringte vaktmesteren")
                .anySatisfy(body -> assertThat(body).startsWith("Merged from #2: Vann i taket igjen")
                        .contains("Det drypper over pulten min."));
        assertThat(target.get("tasks")).extracting(t -> t.get("title").asText()).containsExactly("Tett taket");
        assertThat(target.get("attachments")).extracting(a -> a.get("filename").asText()).contains("bilde.jpg");
        assertThat(target.get("mails")).extracting(m -> m.get("messageId").asText())
                .contains("andre@leietaker.example");
        assertThat(target.get("events")).extracting(e -> e.get("field").asText()).contains("task", "merged-from");
        assertThat(target.get("mergedInto").isNull()).isTrue();

        JsonNode source = show("2");
        assertThat(source.get("mergedInto").asLong()).isEqualTo(1);
        assertThat(source.get("status").asText()).isEqualTo("done");
        assertThat(source.get("comments")).isEmpty();
        assertThat(source.get("tasks")).isEmpty();
        assertThat(source.get("events")).extracting(e -> e.get("field").asText())
                .containsExactly("created", "status", "merged-into");
        assertThat(cli.run("inquiry", "show", "2")).succeeded().printed("Merged    into #1");
        assertThat(cli.run("task", "show", "1", "--json").json().get("inquiryId").asLong()).isEqualTo(1);
    }

    @Test
    void searchFindsTheMovedWordsOnTheTarget() {
        cli.run("inquiry", "merge", "2", "--into", "1");

        assertThat(cli.searchHits("vaktmesteren")).containsExactly("1 comment");
        // the source keeps its own description; the target has it too, in the comment the merge wrote
        assertThat(cli.searchHits("pulten")).containsExactlyInAnyOrder("1 comment", "2 description");
    }

    @Test
    void laterMailThatThreadsToTheSourceThreadsIntoTheTarget() {
        cli.run("inquiry", "merge", "2", "--into", "1");

        assertThat(cli.runWithInput(mail("<svar-1@leietaker.example>", "Re: [#2] Vann i taket igjen", null,
                "Fortsatt vått."), "fetch-mail", "--source", "-")).succeeded();
        assertThat(cli.runWithInput(mail("<svar-2@leietaker.example>", "Re: Vann i taket igjen",
                "<andre@leietaker.example>", "Og nå på gulvet."), "fetch-mail", "--source", "-")).succeeded();

        assertThat(show("1").get("comments")).extracting(c -> c.get("body").asText())
                .contains("Fortsatt vått.", "Og nå på gulvet.");
        assertThat(show("2").get("comments")).isEmpty();
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).hasSize(2);
    }

    @Test
    void mergingTheTargetOnPointsWhatWasMergedIntoItAtTheNewOne() {
        cli.create("inquiry", "create", "--title", "Fuktskade", "--tenant", "Kari");
        cli.run("inquiry", "merge", "2", "--into", "1");

        assertThat(cli.run("inquiry", "merge", "1", "--into", "3")).succeeded();

        assertThat(show("2").get("mergedInto").asLong()).isEqualTo(3);
        assertThat(show("3").get("tasks")).hasSize(1);
    }

    @Test
    void aMergeIntoItselfIntoAMergedInquiryOrOfAnUnknownOneIsAOneLineError() {
        assertThat(cli.run("inquiry", "merge", "1", "--into", "1")).failedWith(2, "cannot merge inquiry 1 into itself");
        assertThat(cli.run("inquiry", "merge", "99", "--into", "1")).failedWith(3, "inquiry 99 not found");
        assertThat(cli.run("inquiry", "merge", "1", "--into", "99")).failedWith(3, "inquiry 99 not found");
        cli.run("inquiry", "merge", "2", "--into", "1");
        cli.create("inquiry", "create", "--title", "Fuktskade", "--tenant", "Kari");

        assertThat(cli.run("inquiry", "merge", "3", "--into", "2"))
                .failedWith(2, "inquiry 2 was merged into 1; merge into 1 instead");
        assertThat(cli.run("inquiry", "merge", "2", "--into", "3"))
                .failedWith(2, "inquiry 2 was merged into 1 already");
        assertThat(show("3").get("status").asText()).isEqualTo("todo");
    }
}
