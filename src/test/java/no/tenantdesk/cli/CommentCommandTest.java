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

class CommentCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    String id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        id = String.valueOf(cli.create("inquiry", "create", "--title", "Lekkasje"));
    }

    private JsonNode onlyComment() {
        JsonNode comments = cli.run("inquiry", "show", id, "--json").json().get("comments");
        assertThat(comments).hasSize(1);
        return comments.get(0);
    }

    @Test
    void aCommentIsInternalAndKeepsItsAttachments() {
        Path photo = cli.file("tak.jpg", "jpeg bytes");

        CommandResult result = cli.run("comment", id, "-m", "Sjekket loftet", "--attach", photo.toString());

        assertThat(result).succeeded().printed("internal, not sent");
        JsonNode comment = onlyComment();
        assertThat(comment.get("kind").asText()).isEqualTo("internal");
        assertThat(comment.get("author").asText()).isEqualTo("operator");
        assertThat(comment.get("body").asText()).isEqualTo("Sjekket loftet");
        assertThat(comment.get("attachments")).extracting(a -> a.get("filename").asText()).containsExactly("tak.jpg");
        assertThat(comment.at("/attachments/0/contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void jsonPrintsTheComment() {
        JsonNode comment = cli.run("comment", id, "-m", "Ringte leietaker", "--json").json();

        assertThat(comment.get("kind").asText()).isEqualTo("internal");
        assertThat(comment.get("body").asText()).isEqualTo("Ringte leietaker");
        assertThat(comment.get("attachments")).isEmpty();
    }

    @Test
    void dashReadsTheTextFromStandardInput() {
        assertThat(cli.runWithInput("Fra stdin\nlinje to\n", "comment", id, "-m", "-")).succeeded();

        assertThat(onlyComment().get("body").asText()).isEqualTo("Fra stdin\nlinje to");
    }

    @Test
    void fileGivesTheText() {
        Path text = cli.file("notat.txt", "Fra en fil æøå");

        assertThat(cli.run("comment", id, "--file", text.toString())).succeeded();

        assertThat(onlyComment().get("body").asText()).isEqualTo("Fra en fil æøå");
    }

    @Test
    void fileDashReadsStandardInput() {
        assertThat(cli.runWithInput("Via --file -", "comment", id, "--file", "-")).succeeded();

        assertThat(onlyComment().get("body").asText()).isEqualTo("Via --file -");
    }

    @Test
    void missingTextIsAUsageErrorThatDoesNotWaitForInput() {
        assertThat(cli.run("comment", id)).failedWith(2, "missing text");
    }

    @Test
    void blankTextIsAUsageError() {
        assertThat(cli.runWithInput("  \n", "comment", id, "-m", "-")).failedWith(2, "the comment is empty");
    }

    @Test
    void messageAndFileTogetherIsAUsageError() {
        Path text = cli.file("notat.txt", "x");

        assertThat(cli.run("comment", id, "-m", "y", "--file", text.toString())).failedWith(2, "not both");
    }

    @Test
    void unknownInquiryIsNotFound() {
        assertThat(cli.run("comment", "99", "-m", "Hei")).failedWith(3, "inquiry 99 not found");
    }

    @Test
    void missingAttachmentStoresNoComment() {
        assertThat(cli.run("comment", id, "-m", "Se bilde", "--attach", folder.resolve("nope.jpg").toString()))
                .failedWith(2, "no such file");

        assertThat(cli.run("inquiry", "show", id, "--json").json().get("comments")).isEmpty();
    }
}
