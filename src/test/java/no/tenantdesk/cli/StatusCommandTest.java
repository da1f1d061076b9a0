package no.tenantdesk.cli;

import static no.tenantdesk.testing.Events.changes;
import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    String id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        id = String.valueOf(cli.create("inquiry", "create", "--title", "Lekkasje"));
    }

    private JsonNode show() {
        CommandResult result = cli.run("inquiry", "show", id, "--json");
        assertThat(result).succeeded();
        return result.json();
    }

    @Test
    void doneSetsClosedAtAndEveryMoveIsAnEvent() {
        cli.at("2026-11-27T09:00:00Z");
        assertThat(cli.run("status", id, "in-progress")).succeeded().printed("Inquiry " + id + ": todo → in-progress");
        cli.at("2026-11-27T10:00:00Z");
        assertThat(cli.run("status", id, "done")).succeeded();

        JsonNode inquiry = show();
        assertThat(inquiry.get("status").asText()).isEqualTo("done");
        assertThat(inquiry.get("closedAt").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(changes(inquiry)).extracting(e -> e.get("field").asText(), e -> e.get("from").asText(),
                e -> e.get("to").asText(), e -> e.get("createdAt").asText()).containsExactly(
                        tuple("status", "todo", "in-progress", "2026-11-27T09:00:00Z"),
                        tuple("status", "in-progress", "done", "2026-11-27T10:00:00Z"));
    }

    @Test
    void theUsersOwnWordsAreTakenAndTheCanonicalSpellingIsShown() {
        assertThat(cli.run("status", id, "Pågår")).succeeded().printed("todo → in-progress");
        assertThat(cli.run("inquiry", "update", id, "--priority", "haster")).succeeded();
        assertThat(cli.run("status", id, "fullfort")).succeeded();

        JsonNode inquiry = show();
        assertThat(inquiry.get("status").asText()).isEqualTo("done");
        assertThat(inquiry.get("priority").asText()).isEqualTo("urgent");
        assertThat(cli.run("inquiry", "list", "--status", "fullført", "--priority", "HØY")).succeeded();
        assertThat(cli.run("inquiry", "list", "--status", "fullført", "--json").json()).hasSize(1);
        assertThat(cli.run("task", "create", id, "--title", "Tett", "--priority", "lav", "--json").json()
                .get("priority").asText()).isEqualTo("low");
    }

    @Test
    void anUnknownWordNamesTheCanonicalSpellingsAndTheUsersWords() {
        assertThat(cli.run("status", id, "ferdig")).failedWith(2,
                "unknown status 'ferdig' (valid: todo, in-progress, done; or to-do, pågår, fullført)");
    }

    @Test
    void reopeningADoneInquiryClearsClosedAt() {
        cli.run("status", id, "done");

        CommandResult result = cli.run("status", id, "todo", "--json");

        assertThat(result).succeeded();
        assertThat(result.json().get("status").asText()).isEqualTo("todo");
        assertThat(result.json().get("closedAt").isNull()).isTrue();
        assertThat(changes(show())).extracting(e -> e.get("to").asText()).containsExactly("done", "todo");
    }

    @Test
    void theSameStatusChangesNothingAndAddsNoEvent() {
        CommandResult result = cli.run("status", id, "todo");

        assertThat(result).succeeded().printed("already todo");
        assertThat(changes(show())).isEmpty();
    }

    @Test
    void aNoteBecomesAnInternalCommentByTheActor() {
        cli.run("status", id, "done", "-m", "Rørlegger har tettet lekkasjen", "--as", "Lise");

        JsonNode comments = show().get("comments");
        assertThat(comments).extracting(c -> c.get("kind").asText(), c -> c.get("author").asText(),
                c -> c.get("body").asText()).containsExactly(tuple("internal", "Lise", "Rørlegger har tettet lekkasjen"));
    }

    @Test
    void unknownStatusIsAUsageErrorNamingTheValidOnes() {
        assertThat(cli.run("status", id, "closed")).failedWith(2, "todo, in-progress, done");
    }

    @Test
    void unknownInquiryIsNotFound() {
        assertThat(cli.run("status", "99", "done")).failedWith(3, "inquiry 99 not found");
    }
}
