package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColourAndTimeTest {

    private static final String ESC = "\u001b";

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T06:00:00Z");
        cli.create("inquiry", "create", "--title", "Heisen står", "--priority", "urgent");
        cli.at("2026-11-27T09:30:00Z");
    }

    @Test
    void aTerminalGetsStatusAndPriorityInColour() {
        CommandResult list = cli.terminal(true).run("inquiry", "list");

        assertThat(list).succeeded().printed(ESC + "[33mtodo" + ESC + "[0m", ESC + "[1;31murgent" + ESC + "[0m");
        assertThat(cli.run("inquiry", "show", "1").out()).contains(ESC + "[1;31murgent" + ESC + "[0m");
    }

    @Test
    void colouredCellsStillLineUp() {
        cli.create("inquiry", "create", "--title", "Kaldt", "--priority", "low");

        String[] lines = cli.terminal(true).run("inquiry", "list").out().split("\n");

        String plain0 = lines[1].replaceAll(ESC + "\\[[0-9;]*m", "");
        String plain1 = lines[2].replaceAll(ESC + "\\[[0-9;]*m", "");
        assertThat(plain0.indexOf("Heisen")).isEqualTo(plain1.indexOf("Kaldt"));
    }

    @Test
    void noColourInAPipeWithNoColorOrWithTheOption() {
        assertThat(cli.run("inquiry", "list").out()).doesNotContain(ESC);
        assertThat(cli.terminal(true).run("inquiry", "list", "--no-color").out()).doesNotContain(ESC);
        assertThat(cli.terminal(true).env("NO_COLOR", "1").run("inquiry", "show", "1").out()).doesNotContain(ESC);
        assertThat(cli.terminal(true).env("NO_COLOR", null).env("TERM", "dumb").run("inquiry", "list").out())
                .doesNotContain(ESC);
    }

    @Test
    void jsonIsNeverColoured() {
        assertThat(cli.terminal(true).run("inquiry", "list", "--json").out()).doesNotContain(ESC);
    }

    @Test
    void listsSayHowLongAgoAndShowPutsItBesideTheDate() {
        assertThat(cli.run("inquiry", "list")).printed("3 h ago");
        assertThat(cli.run("inquiry", "show", "1")).printed("Created   2026-11-27 06:00 (3 h ago)");
    }

    @Test
    void anOldInquiryListsItsDate() {
        cli.at("2026-12-27T09:30:00Z");

        assertThat(cli.run("inquiry", "list")).printed("2026-11-27").didNotPrint("ago");
    }
}
