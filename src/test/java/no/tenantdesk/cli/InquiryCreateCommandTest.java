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

class InquiryCreateCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    void createdInquiryStartsAsTodoAtTheTenantsHomeLocation() {
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "kari@example.no", "--location",
                "Kontor 204");

        CommandResult result = cli.run("inquiry", "create", "--title", "Lekkasje fra taket", "--tenant", "kari",
                "--priority", "high", "--json");

        assertThat(result).succeeded().stderrIsEmpty();
        JsonNode inquiry = result.json();
        assertThat(inquiry.get("status").asText()).isEqualTo("todo");
        assertThat(inquiry.get("priority").asText()).isEqualTo("high");
        assertThat(inquiry.get("source").asText()).isEqualTo("phone");
        assertThat(inquiry.at("/requester/email").asText()).isEqualTo("kari@example.no");
        assertThat(inquiry.at("/location/path").asText()).isEqualTo("Bygg A/2. etasje/Kontor 204");
        assertThat(inquiry.get("assignee").isNull()).isTrue();
        assertThat(inquiry.get("closedAt").isNull()).isTrue();
    }

    @Test
    void creationIsTheFirstEventAndNamesWhoTookTheCall() {
        long id = cli.create("inquiry", "create", "--title", "Heisen står", "--source", "walk-in", "--as", "Lise");

        JsonNode events = cli.run("inquiry", "show", String.valueOf(id), "--json").json().get("events");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("field").asText()).isEqualTo("created");
        assertThat(events.get(0).get("actor").asText()).isEqualTo("Lise");
        assertThat(events.get(0).get("to").asText()).isEqualTo("walk-in");
    }

    @Test
    void missingTitleIsAUsageErrorThatNeverWaitsForInput() {
        CommandResult result = cli.run("inquiry", "create", "--tenant", "kari");

        assertThat(result).exitedWith(2).saidOnStderr("Missing required option: '--title=TEXT'");
    }

    @Test
    void missingAttachmentStoresNothing() {
        CommandResult result = cli.run("inquiry", "create", "--title", "Ødelagt lås", "--attach",
                folder.resolve("nope.jpg").toString());

        assertThat(result).failedWith(2, "no such file:");
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).isEmpty();
    }
}
