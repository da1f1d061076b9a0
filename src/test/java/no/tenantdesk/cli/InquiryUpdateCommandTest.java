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

class InquiryUpdateCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    long id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.create("contact", "add", "--name", "Per Vaktmester", "--email", "per@drift.no", "--role", "staff");
        cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "kari@example.no");
        id = cli.create("inquiry", "create", "--title", "Lekkasje", "--location", "Kontor 204", "--assignee", "Per");
        cli.at("2026-11-27T09:00:00Z");
    }

    private JsonNode show() {
        CommandResult result = cli.run("inquiry", "show", String.valueOf(id), "--json");
        assertThat(result).succeeded();
        return result.json();
    }

    private CommandResult update(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "inquiry";
        args[1] = "update";
        args[2] = String.valueOf(id);
        System.arraycopy(options, 0, args, 3, options.length);
        return cli.run(args);
    }

    @Test
    void everyChangedFieldIsOneEventWithActorFromAndTo() {
        assertThat(update("--title", "Lekkasje fra taket", "--priority", "urgent", "--tenant", "kari"))
                .succeeded().printed("Updated inquiry " + id);

        JsonNode inquiry = show();
        assertThat(inquiry.get("title").asText()).isEqualTo("Lekkasje fra taket");
        assertThat(inquiry.get("priority").asText()).isEqualTo("urgent");
        assertThat(inquiry.at("/requester/name").asText()).isEqualTo("Kari Nordmann");
        assertThat(inquiry.get("updatedAt").asText()).isEqualTo("2026-11-27T09:00:00Z");
        assertThat(changes(inquiry)).extracting(e -> e.get("field").asText(), e -> e.get("from").asText(null),
                e -> e.get("to").asText(null), e -> e.get("actor").asText()).containsExactlyInAnyOrder(
                        tuple("title", "Lekkasje", "Lekkasje fra taket", "operator"),
                        tuple("priority", "normal", "urgent", "operator"),
                        tuple("requester", null, "Kari Nordmann", "operator"));
    }

    @Test
    void actorIsTakenFromAsBeforeTheEnvironment() {
        update("--priority", "high", "--as", "Lise");
        cli.env("TENANTDESK_USER", "Ola");
        update("--priority", "low");

        assertThat(changes(show())).extracting(e -> e.get("actor").asText()).containsExactly("Lise", "Ola");
    }

    @Test
    void sameValuesChangeNothingAndRecordNothing() {
        JsonNode before = show();

        assertThat(update("--title", "Lekkasje", "--priority", "normal", "--assignee", "per@drift.no"))
                .succeeded();

        JsonNode after = show();
        assertThat(changes(after)).isEmpty();
        assertThat(after.get("updatedAt")).isEqualTo(before.get("updatedAt"));
    }

    @Test
    void noneClearsAssigneeAndLocation() {
        update("--assignee", "none", "--location", "none");

        JsonNode inquiry = show();
        assertThat(inquiry.get("assignee").isNull()).isTrue();
        assertThat(inquiry.get("location").isNull()).isTrue();
        assertThat(changes(inquiry)).extracting(e -> e.get("field").asText(), e -> e.get("from").asText(),
                e -> e.get("to").isNull()).containsExactlyInAnyOrder(
                        tuple("assignee", "Per Vaktmester", true),
                        tuple("location", "Bygg A/2. etasje/Kontor 204", true));
    }

    @Test
    void aTenantCannotBeMadeAssignee() {
        assertThat(update("--assignee", "kari")).failedWith(2, "Kari Nordmann is a tenant");
        assertThat(show().at("/assignee/name").asText()).isEqualTo("Per Vaktmester");
    }

    @Test
    void updateWithoutChangesIsAUsageError() {
        assertThat(update()).failedWith(2, "nothing to change");
    }

    @Test
    void updatingAnUnknownInquiryIsNotFound() {
        assertThat(cli.run("inquiry", "update", "99", "--title", "x")).failedWith(3, "inquiry 99 not found");
    }

    @Test
    void descriptionCanComeFromStandardInput() {
        assertThat(cli.runWithInput("Vann renner ned veggen.\n", "inquiry", "update", String.valueOf(id),
                "--description", "-")).succeeded();

        assertThat(show().get("description").asText()).isEqualTo("Vann renner ned veggen.");
    }
}
