package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write of text reaches the search index in the same command: nothing to rebuild, nothing stale. */
class SearchIndexTest {

    @TempDir
    Path folder;

    Cli cli;

    String id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        id = String.valueOf(cli.create("inquiry", "create", "--title", "Fuktig vegg"));
    }

    /** "id field" for every hit of a search. */
    private List<String> hits(String text) {
        CommandResult result = cli.run("search", "--json", text);
        assertThat(result).succeeded();
        List<String> hits = new ArrayList<>();
        for (JsonNode hit : result.json()) {
            hits.add(hit.get("id").asText() + " " + hit.at("/match/field").asText());
        }
        return hits;
    }

    @Test
    void aNewInquirysTitleAndDescription() {
        String other = String.valueOf(cli.create("inquiry", "create", "--title", "Trekk fra vinduet",
                "--description", "Kald luft siver inn ved karmen."));

        assertThat(hits("trekk")).containsExactly(other + " title");
        assertThat(hits("karmen")).containsExactly(other + " description");
    }

    @Test
    void aChangedTitleIsFoundByTheNewWordsAndNoLongerByTheOld() {
        assertThat(cli.run("inquiry", "update", id, "--title", "Mugg i kjelleren")).succeeded();

        assertThat(hits("mugg")).containsExactly(id + " title");
        assertThat(hits("fuktig")).isEmpty();
    }

    @Test
    void aChangedDescription() {
        cli.run("inquiry", "update", id, "--description", "Flekker på tapetet");
        assertThat(hits("tapet")).containsExactly(id + " description");

        cli.run("inquiry", "update", id, "--description", "Maling flasser");
        assertThat(hits("tapet")).isEmpty();
        assertThat(hits("flasser")).containsExactly(id + " description");
    }

    @Test
    void aStatusChangeKeepsTheInquiryFindable() {
        cli.run("status", id, "in-progress");
        cli.run("status", id, "done");

        assertThat(hits("fuktig")).containsExactly(id + " title");
    }

    @Test
    void aComment() {
        cli.run("comment", id, "-m", "Avfukter satt inn");

        assertThat(hits("avfukter")).containsExactly(id + " comment");
    }

    @Test
    void theNoteOfAStatusChange() {
        cli.run("status", id, "done", "-m", "Ventilasjonen rengjort");

        assertThat(hits("ventilasjonen")).containsExactly(id + " comment");
    }

    @Test
    void theNamesOfFilesAddedEveryWay() {
        cli.run("attachment", "add", id, cli.file("fuktmåling.pdf", "pdf").toString());
        cli.run("comment", id, "-m", "Bilde", "--attach", cli.file("kjellervegg.jpg", "jpeg").toString());
        String other = String.valueOf(cli.create("inquiry", "create", "--title", "Annet",
                "--attach", cli.file("plantegning.png", "png").toString()));

        assertThat(hits("fuktmåling")).containsExactly(id + " attachment");
        assertThat(hits("kjellervegg")).containsExactly(id + " attachment");
        assertThat(hits("plantegning")).containsExactly(other + " attachment");
    }

    @Test
    void aTasksTitleDescriptionAndCompletionNote() {
        String task = String.valueOf(cli.create("task", "create", id, "--title", "Mål fukt",
                "--description", "Bruk fuktmåler i hjørnene", "--kind", "deviation"));

        assertThat(hits("mål")).containsExactly(id + " task-title");
        assertThat(hits("hjørnene")).containsExactly(id + " task-description");

        cli.run("task", "status", task, "done", "--note", "Tørket ut med byggtørker",
                "--attach", cli.file("målerapport.pdf", "pdf").toString());

        assertThat(hits("byggtørker")).containsExactly(id + " task-note");
        assertThat(hits("målerapport")).containsExactly(id + " attachment");
    }

    @Test
    void aNewCompletionNoteReplacesTheOld() {
        String task = String.valueOf(cli.create("task", "create", id, "--title", "Sjekk"));
        cli.run("task", "status", task, "in-progress", "--note", "Venter på deler");
        cli.run("task", "status", task, "done", "--note", "Pumpe skiftet");

        assertThat(hits("deler")).isEmpty();
        assertThat(hits("pumpe")).containsExactly(id + " task-note");
    }

    @Test
    void aFailedCommandLeavesNothingInTheIndex() {
        // The title is written first, then the unknown assignee fails the whole command.
        assertThat(cli.run("inquiry", "update", id, "--title", "Sopp", "--assignee", "Nobody")).exitedWith(2);

        assertThat(hits("sopp")).isEmpty();
        assertThat(hits("fuktig")).containsExactly(id + " title");
    }
}
