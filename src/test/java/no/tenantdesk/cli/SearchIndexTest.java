package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
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


    @Test
    void aNewInquirysTitleAndDescription() {
        String other = String.valueOf(cli.create("inquiry", "create", "--title", "Trekk fra vinduet",
                "--description", "Kald luft siver inn ved karmen."));

        assertThat(cli.searchHits("trekk")).containsExactly(other + " title");
        assertThat(cli.searchHits("karmen")).containsExactly(other + " description");
    }

    @Test
    void aChangedTitleIsFoundByTheNewWordsAndNoLongerByTheOld() {
        assertThat(cli.run("inquiry", "update", id, "--title", "Mugg i kjelleren")).succeeded();

        assertThat(cli.searchHits("mugg")).containsExactly(id + " title");
        assertThat(cli.searchHits("fuktig")).isEmpty();
    }

    @Test
    void aChangedDescription() {
        cli.run("inquiry", "update", id, "--description", "Flekker på tapetet");
        assertThat(cli.searchHits("tapet")).containsExactly(id + " description");

        cli.run("inquiry", "update", id, "--description", "Maling flasser");
        assertThat(cli.searchHits("tapet")).isEmpty();
        assertThat(cli.searchHits("flasser")).containsExactly(id + " description");
    }

    @Test
    void aStatusChangeKeepsTheInquiryFindable() {
        cli.run("status", id, "in-progress");
        cli.run("status", id, "done");

        assertThat(cli.searchHits("fuktig")).containsExactly(id + " title");
    }

    @Test
    void aComment() {
        cli.run("comment", id, "-m", "Avfukter satt inn");

        assertThat(cli.searchHits("avfukter")).containsExactly(id + " comment");
    }

    @Test
    void theNoteOfAStatusChange() {
        cli.run("status", id, "done", "-m", "Ventilasjonen rengjort");

        assertThat(cli.searchHits("ventilasjonen")).containsExactly(id + " comment");
    }

    @Test
    void theNamesOfFilesAddedEveryWay() {
        cli.run("attachment", "add", id, cli.file("fuktmåling.pdf", "pdf").toString());
        cli.run("comment", id, "-m", "Bilde", "--attach", cli.file("kjellervegg.jpg", "jpeg").toString());
        String other = String.valueOf(cli.create("inquiry", "create", "--title", "Annet",
                "--attach", cli.file("plantegning.png", "png").toString()));

        assertThat(cli.searchHits("fuktmåling")).containsExactly(id + " attachment");
        assertThat(cli.searchHits("kjellervegg")).containsExactly(id + " attachment");
        assertThat(cli.searchHits("plantegning")).containsExactly(other + " attachment");
    }

    @Test
    void aTasksTitleDescriptionAndCompletionNote() {
        String task = String.valueOf(cli.create("task", "create", id, "--title", "Mål fukt",
                "--description", "Bruk fuktmåler i hjørnene", "--kind", "deviation"));

        assertThat(cli.searchHits("mål")).containsExactly(id + " task-title");
        assertThat(cli.searchHits("hjørnene")).containsExactly(id + " task-description");

        cli.run("task", "status", task, "done", "--note", "Tørket ut med byggtørker",
                "--attach", cli.file("målerapport.pdf", "pdf").toString());

        assertThat(cli.searchHits("byggtørker")).containsExactly(id + " task-note");
        assertThat(cli.searchHits("målerapport")).containsExactly(id + " attachment");
    }

    @Test
    void aNewCompletionNoteReplacesTheOld() {
        String task = String.valueOf(cli.create("task", "create", id, "--title", "Sjekk"));
        cli.run("task", "status", task, "in-progress", "--note", "Venter på deler");
        cli.run("task", "status", task, "done", "--note", "Pumpe skiftet");

        assertThat(cli.searchHits("deler")).isEmpty();
        assertThat(cli.searchHits("pumpe")).containsExactly(id + " task-note");
    }

    @Test
    void aFailedCommandLeavesNothingInTheIndex() {
        // The title is written first, then the unknown assignee fails the whole command.
        assertThat(cli.run("inquiry", "update", id, "--title", "Sopp", "--assignee", "Nobody")).exitedWith(2);

        assertThat(cli.searchHits("sopp")).isEmpty();
        assertThat(cli.searchHits("fuktig")).containsExactly(id + " title");
    }
}
