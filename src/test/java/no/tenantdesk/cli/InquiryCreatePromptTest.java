package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.ScriptedInteraction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InquiryCreatePromptTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "kari@example.no");
    }

    @Test
    void onATerminalTheMissingFieldsAreAskedFor() {
        ScriptedInteraction person = new ScriptedInteraction(
                "Lekkasje i taket", "Drypper over pulten", "kari@example.no", "Bygg A/2. etasje/Kontor 204", "urgent");

        CommandResult result = cli.runOnTerminal(person, "inquiry", "create", "--json");

        assertThat(result).succeeded();
        JsonNode inquiry = result.json();
        assertThat(inquiry.get("title").asText()).isEqualTo("Lekkasje i taket");
        assertThat(inquiry.get("description").asText()).isEqualTo("Drypper over pulten");
        assertThat(inquiry.at("/requester/name").asText()).isEqualTo("Kari Nordmann");
        assertThat(inquiry.at("/location/path").asText()).isEqualTo("Bygg A/2. etasje/Kontor 204");
        assertThat(inquiry.get("priority").asText()).isEqualTo("urgent");
        assertThat(person.asked().get(2).suggestions()).contains("Kari Nordmann", "kari@example.no");
        assertThat(person.asked().get(3).suggestions()).contains("Bygg A/2. etasje/Kontor 204");
        assertThat(person.asked().get(4).suggestions()).contains("low", "normal", "high", "urgent");
    }

    @Test
    void onlyWhatTheCommandLineLeftOutIsAskedAndEnterSkips() {
        ScriptedInteraction person = new ScriptedInteraction("", "Heisen står", "", "");

        CommandResult result = cli.runOnTerminal(person, "inquiry", "create", "--tenant", "kari", "--location",
                "Kontor 204", "--json");

        assertThat(result).succeeded();
        assertThat(person.asked()).extracting(ScriptedInteraction.Question::question)
                .containsExactly("Title", "Title", "Description (optional)",
                        "Priority (low, normal, high, urgent; Enter for normal)");
        assertThat(result.json().get("title").asText()).isEqualTo("Heisen står");
        assertThat(result.json().get("priority").asText()).isEqualTo("normal");
    }

    @Test
    void withoutATerminalNothingIsAskedAndTheTitleIsMissing() {
        ScriptedInteraction nobody = new ScriptedInteraction();

        CommandResult result = cli.runWith(nobody, false, "inquiry", "create", "--tenant", "kari");

        assertThat(result).exitedWith(2).saidOnStderr("Missing required option: '--title=TEXT'");
        assertThat(nobody.asked()).isEmpty();
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).isEmpty();
    }
}
